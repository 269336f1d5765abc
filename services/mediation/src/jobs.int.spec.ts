import { randomUUID } from 'node:crypto';
import { FileMediationRequestedV1 } from '@parcours/contracts';
import { type EncryptedEnvelope, Scheduler } from '@parcours/eventstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, atLocal } from './calendar/time.ts';
import { mandateIdFor, requestHandler } from './consumers.ts';
import { mediationJobHandlers } from './jobs.ts';
import { devDelivery, NotificationSender } from './notifications.ts';
import { api, throughJointSession } from './test-api.ts';
import { startTestService, type TestService } from './test-support.ts';

let service: TestService;
let given: ReturnType<typeof api>;
let now = new Date();
beforeAll(async () => {
  service = await startTestService('jobs', { env: { ARRIVAL_GAP_MINUTES: '0' }, clock: () => now });
  given = api(service);
});
afterAll(async () => service?.close());

const hour = 3_600_000;
const ctx = {
  topic: 't',
  partition: 0,
  offset: '0',
  key: null,
  attempt: 1,
  traceparent: undefined,
  tracestate: undefined,
  headers: {},
};
interface Delivered {
  notification_id: string;
  subject_id: string;
  channel: string;
  leave_voicemail: boolean;
  hours_before: number;
  address: EncryptedEnvelope;
}
/** What the development sender recorded for a session's reminders, in the order they were queued. */
const delivered = (sessionId: string) =>
  service.module.db.query<Delivered>(
    `SELECT d.notification_id, d.subject_id, d.channel, d.leave_voicemail, n.hours_before, d.address
     FROM mediation_dev_deliveries d JOIN mediation_notifications n USING (notification_id)
     WHERE n.session_id = $1 ORDER BY n.created_at, d.notification_id`,
    [sessionId],
  );
const published = async (type: string, mandateId: string) =>
  service.module.db.query(
    `SELECT 1 FROM es_outbox WHERE event->>'type' = $1 AND event->'data'->>'mandateId' = $2`,
    [type, mandateId],
  );

function requested(offenceCategory: 'robbery-theft' | 'couple-violence' = 'robbery-theft') {
  const data = {
    fileId: randomUUID(),
    caseId: randomUUID(),
    associationId: 'asso-75',
    officeId: 'office-75-bav',
    mediationRequestId: randomUUID(),
    court: 'tj-paris',
    victimConsent: true as const,
    offenceCategory,
    subjectId: randomUUID(),
    personal: {
      enc: 'aes-256-gcm/v1' as const,
      subject: 's',
      iv: 'AAECAwQFBgcICQoL',
      tag: 'AAECAwQFBgcICQoLDA0ODw==',
      ct: 'c2VjcmV0',
    },
    at: new Date().toISOString(),
  };
  return FileMediationRequestedV1.create({ id: randomUUID(), subject: data.caseId, time: data.at, data });
}

describe('a follow-up file’s mediation request', () => {
  it('opens a mandate awaiting the prosecutor, once however often it is delivered', async () => {
    const event = requested();
    const handle = requestHandler(service.module.db, service.module.mediation);
    await handle(event, ctx);
    await handle(event, ctx);
    const mandateId = mandateIdFor(event.data.mediationRequestId);
    const state = await service.module.mediation.mandate(mandateId);
    expect(state).toMatchObject({ status: 'awaiting-prosecutor', request: { fileId: event.data.fileId } });
    expect(await published('fr.parcours.mediation.requested.v1', mandateId)).toHaveLength(1);

    const opened = await given.ok('mediator', `/mandates/${mandateId}/prosecutor-decision`, {
      decision: 'ordered',
      prosecutorReference: 'PR-FU-1',
      orderedOn: given.today(),
      deadline: given.plusDays(90),
    });
    expect(opened.status).toBe('open');
  });

  it('is refused at once, saying why, for violence within a couple', async () => {
    const event = requested('couple-violence');
    await requestHandler(service.module.db, service.module.mediation)(event, ctx);
    const mandateId = mandateIdFor(event.data.mediationRequestId);
    expect(await service.module.mediation.mandate(mandateId)).toMatchObject({
      status: 'refused',
      reason: 'couple-violence',
    });
    expect(await published('fr.parcours.mediation.refused.v1', mandateId)).toHaveLength(1);
  });
});

describe('the scheduler', () => {
  it('reminds each party on their safe channel before a session, and forgets a moved session’s reminders', async () => {
    const [mediatorId, roomId] = [await given.mediator(), await given.room()];
    const mandateId = await given.mandate();
    const victim = await given.party(mandateId, 'victim', 'Vic', {
      safeContact: { safeNumber: false, safeEmail: true, noVoicemail: true, hours: [] },
    });
    const slot = given.slot(mediatorId, roomId, [victim], 40 * hour, hour);
    const session = await given.ok('mediator', `/mandates/${mandateId}/sessions`, {
      kind: 'individual',
      ...slot,
    });
    now = new Date(Date.parse(slot.start) - 2 * hour);
    await service.module.scheduler.fireDue();
    await service.module.notifications.sendOnce();
    const mine = await delivered(session.created!);
    // Only the 3-hour reminder: 48 hours before was already past when the session was planned.
    expect(mine.map((d) => [d.hours_before, d.channel, d.leave_voicemail])).toEqual([[3, 'email', false]]);
    // The address is the party's safe e-mail, sealed with the party's own key; no name anywhere.
    expect(mine[0]!.subject_id).toBe(`mediation-party-${victim}`);
    expect(JSON.stringify(mine[0])).not.toContain('vic@example.org');
    expect(await service.module.keys.decrypt(mine[0]!.address)).toEqual({ to: 'vic@example.org' });

    now = new Date();
    const moved = given.slot(mediatorId, roomId, [victim], 44 * hour, hour);
    await given.ok('mediator', `/mandates/${mandateId}/sessions/${session.created}/reschedule`, moved);
    now = new Date(Date.parse(moved.start) - 2 * hour);
    await service.module.scheduler.fireDue();
    await service.module.notifications.sendOnce();
    const after = await delivered(session.created!);
    expect(after.map((d) => d.notification_id.split(':')[2])).toEqual(['0', '1']);
    now = new Date();
  });

  it('sends a reminder once with two schedulers and two senders at work, on no channel the party forbids', async () => {
    const [mediatorId, roomId] = [await given.mediator(), await given.room()];
    const mandateId = await given.mandate();
    const victim = await given.party(mandateId, 'victim', 'Twice', {
      safeContact: { safeNumber: true, safeEmail: false, noVoicemail: true, hours: [], prefer: 'email' },
      identity: { name: 'Twice', email: 'twice@example.org', phone: '+33 6 12 34 56 78' },
    });
    const slot = given.slot(mediatorId, roomId, [victim], 30 * hour, hour);
    const session = await given.ok('mediator', `/mandates/${mandateId}/sessions`, {
      kind: 'individual',
      ...slot,
    });
    const { db, keys, mediation } = service.module;
    const instance = (name: string) =>
      new Scheduler(db, {
        handlers: mediationJobHandlers({
          mediation,
          decrypt: (envelope) => keys.tryDecrypt(envelope),
          seal: (subjectId, value) => keys.encrypt(subjectId, value),
        }),
        instance: name,
        clock: () => now,
      });
    const [a, b] = [instance('mediation-a'), instance('mediation-b')];
    now = new Date(Date.parse(slot.start) - 2 * hour);
    await Promise.all([a.fireDue(), b.fireDue(), a.fireDue(), b.fireDue()]);
    const senders = [new NotificationSender(db, devDelivery), new NotificationSender(db, devDelivery)];
    await Promise.all(senders.flatMap((sender) => [sender.sendOnce(), sender.sendOnce()]));
    now = new Date();
    const sent = await delivered(session.created!);
    // The party prefers e-mail, but only their number is safe: a text, once.
    expect(sent.map((d) => [d.hours_before, d.channel])).toEqual([[3, 'sms']]);
    expect(await keys.decrypt(sent[0]!.address)).toEqual({ to: '+33 6 12 34 56 78' });
    const [queued] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM mediation_notifications WHERE session_id = $1 AND sent_at IS NOT NULL',
      [session.created],
    );
    expect(queued?.n).toBe(1);
  });

  it('flags a mandate with nothing planned by its first convocation date', async () => {
    const mandateId = await given.mandate();
    const state = await service.module.mediation.mandate(mandateId);
    if (!('mandate' in state)) throw new Error('expected an open mandate');
    now = atLocal(
      addDays(state.mandate.firstConvocationBy, 1),
      '00:01',
      service.module.mediation.policy.timeZone,
    );
    await service.module.scheduler.fireDue();
    now = new Date();
    const [row] = await service.module.db.query<{ first_convocation_late: boolean }>(
      'SELECT first_convocation_late FROM mediation_mandates WHERE mandate_id = $1',
      [mandateId],
    );
    expect(row?.first_convocation_late).toBe(true);
  });

  it('checks each term at its due date and reports what was not carried out', async () => {
    const { mandateId, victim, respondent } = await throughJointSession(given);
    const signedAt = new Date().toISOString();
    await given.ok('mediator', `/mandates/${mandateId}/agreement`, {
      terms: [
        { kind: 'apology', by: respondent, to: victim, form: 'written', dueDate: given.plusDays(5) },
        { kind: 'undertaking', by: respondent, dueDate: given.plusDays(10), details: 'suivre un stage' },
      ],
      signatures: [
        { partyId: victim, signedAt },
        { partyId: respondent, signedAt },
      ],
    });
    const state = await service.module.mediation.mandate(mandateId);
    if (state.status !== 'agreed') throw new Error('expected an agreement');
    const [apology, undertaking] = state.agreement.terms;
    await given.ok('mediator', `/mandates/${mandateId}/terms/${apology!.termId}/execution`, {
      executedOn: given.plusDays(0),
    });
    now = new Date(Date.now() + 12 * 86_400_000);
    await service.module.scheduler.fireDue();
    now = new Date();
    expect(await service.module.mediation.mandate(mandateId)).toMatchObject({
      status: 'settled',
      fulfilled: false,
    });
    expect(await published('fr.parcours.mediation.term-not-executed.v1', mandateId)).toHaveLength(1);
    expect(await published('fr.parcours.mediation.settled.v1', mandateId)).toHaveLength(1);
    expect(undertaking?.kind).toBe('undertaking');
  }, 60_000);
});
