import { randomUUID } from 'node:crypto';
import { FileMediationRequestedV1 } from '@parcours/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, atLocal } from './calendar/time.ts';
import { mandateIdFor, requestHandler } from './consumers.ts';
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
    const mine = service.reminders.filter(([r]) => r.sessionId === session.created);
    // Only the 3-hour reminder: 48 hours before was already past when the session was planned.
    expect(mine.map(([r]) => [r.hoursBefore, r.channel, r.to])).toEqual([[3, 'email', 'safe-email']]);
    expect(mine[0]![1]).toMatchObject({ name: 'Vic' });

    now = new Date();
    const moved = given.slot(mediatorId, roomId, [victim], 44 * hour, hour);
    await given.ok('mediator', `/mandates/${mandateId}/sessions/${session.created}/reschedule`, moved);
    now = new Date(Date.parse(moved.start) - 2 * hour);
    await service.module.scheduler.fireDue();
    const after = service.reminders.filter(([r]) => r.sessionId === session.created);
    expect(after.map(([r]) => r.sequence)).toEqual([0, 1]);
    now = new Date();
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
