import { randomUUID } from 'node:crypto';
import { IntakeReadyForOrientationV1 } from '@parcours/contracts';
import { Scheduler } from '@parcours/eventstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageContext, startTestService, type TestService } from '../test-support.ts';
import { orientationHandler } from './consumers.ts';
import { referralIdFor } from './orientation.ts';
import { deadlineHandlers } from './scheduler.ts';
import { readyForOrientation } from './test-builders.ts';

let service: TestService;
let now = new Date();
beforeAll(async () => {
  service = await startTestService('lifecycle', { clock: () => now });
});
afterAll(async () => {
  await service?.close();
});

const inbox = (referralId: string) =>
  service.module.db.query<Record<string, any>>('SELECT * FROM referral_inbox WHERE referral_id = $1', [
    referralId,
  ]);

describe('orientation consumer', () => {
  it('proposes one referral per intake event, even when the event is delivered twice', async () => {
    const handle = orientationHandler(service.module.db, service.module.referrals, () => now);
    const event = readyForOrientation();
    await Promise.all([handle(event, messageContext), handle(event, messageContext)]);
    await handle(event, messageContext);
    const referralId = referralIdFor(event.id);
    const events = await service.module.store.readStream(`referral-${referralId}`);
    expect(events.map((e) => e.type)).toEqual(['ReferralProposed']);
    const outbox = await service.module.db.query<{ event: { type: string; data: any } }>(
      'SELECT event FROM es_outbox',
    );
    expect(outbox.filter((o) => o.event.data.referralId === referralId).map((o) => o.event.type)).toEqual([
      'fr.parcours.referral.proposed.v1',
    ]);
    const [row] = await inbox(await service.settled(referralId));
    expect(row).toMatchObject({
      status: 'proposed',
      office_id: 'office-75-commissariat-11',
      association_id: 'asso-75',
      urgency: 'high',
    });
    const deadlines = await service.module.db.query(
      "SELECT payload->>'deadline' AS deadline FROM es_schedule WHERE payload->>'referralId' = $1 ORDER BY 1",
      [referralId],
    );
    expect(deadlines.map((d) => d['deadline'])).toEqual(['expiry', 'reminder-50', 'reminder-90']);
  });

  it('proposes for an intake published before the link with the author (v1) as for v2', async () => {
    const { authorLink: _, ...data } = readyForOrientation().data;
    const older = IntakeReadyForOrientationV1.create({
      id: randomUUID(),
      subject: data.caseId,
      time: new Date(),
      data,
    });
    await orientationHandler(service.module.db, service.module.referrals, () => now)(older, messageContext);
    const [row] = await inbox(await service.settled(referralIdFor(older.id)));
    expect(row).toMatchObject({ status: 'proposed', case_id: data.caseId });
  });

  it('queues for the national platform when a shared postcode comes without its commune, with the candidates', async () => {
    const event = readyForOrientation({ residence: { countryCode: 'FR', postcode: '20200' } });
    await orientationHandler(service.module.db, service.module.referrals, () => now)(event, messageContext);
    const [row] = await inbox(await service.settled(referralIdFor(event.id)));
    expect(row).toMatchObject({ status: 'queued', queue_reason: 'ask-commune' });
    expect(row!['candidates']).toHaveLength(4);
  });

  it('holds a partner intake without sharing consent in the queue (consent gate)', async () => {
    const event = readyForOrientation({
      channel: 'partner',
      origin: { agreementId: 'agr-bank-2024' },
      consent: { services: true, sharing: false },
    });
    await orientationHandler(service.module.db, service.module.referrals, () => now)(event, messageContext);
    const [row] = await inbox(await service.settled(referralIdFor(event.id)));
    expect(row).toMatchObject({ status: 'queued', queue_reason: 'consent-missing' });
    expect(row!['reasons'].at(-1)).toEqual({ code: 'consent-missing', params: { to: 'asso-75' } });
  });
});

describe('deadline scheduler', () => {
  it('fires each reminder and the expiry exactly once with two instances running together', async () => {
    const started = new Date();
    now = started;
    const referrals = [];
    for (let i = 0; i < 20; i++) {
      const event = readyForOrientation({ urgency: 'immediate' });
      await orientationHandler(service.module.db, service.module.referrals, () => now)(event, messageContext);
      referrals.push(referralIdFor(event.id));
    }
    // Five hours later every 4-hour deadline, its reminders included, is due.
    now = new Date(started.getTime() + 5 * 3_600_000);
    const instance = (name: string) =>
      new Scheduler(service.module.db, {
        handlers: deadlineHandlers(service.module.referrals),
        instance: name,
        clock: () => now,
        batchSize: 7,
      });
    const [a, b] = [instance('a'), instance('b')];
    const [firedA, firedB] = await Promise.all([a.fireDue(), b.fireDue()]);
    const due = await service.module.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM es_schedule WHERE payload->>'referralId' = ANY($1)",
      [referrals],
    );
    expect(firedA + firedB).toBeGreaterThanOrEqual(due[0]!.n);
    const [left] = await service.module.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM es_schedule WHERE fired_at IS NULL AND payload->>'referralId' = ANY($1)",
      [referrals],
    );
    expect(left!.n).toBe(0);
    for (const referralId of referrals) {
      const types = (await service.module.store.readStream(`referral-${referralId}`)).map((e) => e.type);
      expect(types).toEqual([
        'ReferralProposed',
        'ReferralReminderSent',
        'ReferralReminderSent',
        'ReferralExpired',
      ]);
    }
    expect(await Promise.all([a.fireDue(), b.fireDue()])).toEqual([0, 0]);
    const [row] = await inbox(await service.settled(referrals[0]!));
    expect(row).toMatchObject({ status: 'expired', escalated: true });
    expect(row!['reminders_sent']).toEqual(['reminder-50', 'reminder-90']);
    // Each expired transfer left its case with nobody: queued once again for the national platform.
    const requeued = await service.module.db.query<Record<string, any>>(
      `SELECT q.* FROM referral_inbox q JOIN referral_inbox e ON e.case_id = q.case_id
       WHERE e.referral_id = ANY($1) AND q.status = 'queued'`,
      [referrals],
    );
    expect(requeued).toHaveLength(referrals.length);
    expect(new Set(requeued.map((q) => q['queue_reason']))).toEqual(new Set(['expired']));
    expect(requeued[0]!['reasons'].at(-1)).toMatchObject({
      code: 'expired',
      params: { where: 'office-75-commissariat-11' },
    });
  });

  it('fires nothing for a referral answered in time (the command is a no-op on state)', async () => {
    now = new Date();
    const event = readyForOrientation({ urgency: 'immediate' });
    await orientationHandler(service.module.db, service.module.referrals, () => now)(event, messageContext);
    const referralId = referralIdFor(event.id);
    await service.module.referrals.execute(
      referralId,
      {
        type: 'AcceptReferral',
        data: {},
        metadata: { now, actor: { id: 'cw', roles: ['caseworker'], association: 'asso-75' } },
      },
      { now, actor: { id: 'cw', roles: ['caseworker'], association: 'asso-75' } },
    );
    now = new Date(now.getTime() + 5 * 3_600_000);
    await service.module.scheduler.fireDue();
    const types = (await service.module.store.readStream(`referral-${referralId}`)).map((e) => e.type);
    expect(types).toEqual(['ReferralProposed', 'ReferralAccepted']);
  });
});
