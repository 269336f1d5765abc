import { schemaDrift } from '@parcours/eventstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, throughJointSession } from '../test-api.ts';
import { startTestService, type TestService } from '../test-support.ts';

let service: TestService;
let given: ReturnType<typeof api>;
beforeAll(async () => {
  // Arrivals a gap apart are tested in the domain; here every party arrives at the session's start.
  service = await startTestService('api', { env: { ARRIVAL_GAP_MINUTES: '0' } });
  given = api(service);
});
afterAll(async () => service?.close());

const outbox = async () =>
  (
    await service.module.db.query<{ type: string; data: string }>(
      `SELECT event->>'type' AS type, (event->'data')::text AS data FROM es_outbox ORDER BY position`,
    )
  ).map((row) => ({ type: row.type, data: row.data }));

describe('the mediation API', () => {
  it('its read models match their migrated tables', async () => {
    expect(await schemaDrift(service.module.db)).toEqual([]);
  });

  it('refuses a mandate for violence within a couple, saying why', async () => {
    const { id } = await given.ok('mediator', '/mandates', {
      officeId: 'office-75-bav',
      court: 'tj-paris',
      prosecutorReference: 'PR-couple',
      offence: { category: 'couple-violence' },
      orderedOn: given.today(),
      deadline: given.plusDays(60),
    });
    const mandate = await given.call('mediator', `/mandates/${id}`, undefined, 'GET');
    expect(mandate.json()).toMatchObject({
      status: 'refused',
      reason: 'couple-violence',
      legalBasis: 'coupleViolence',
    });
  });

  it('runs a mediation from the mandate to the agreement and its report, logging every read', async () => {
    const { mandateId, victim, respondent, joint } = await throughJointSession(given);
    const ics = await given.call(
      'mediator',
      `/mandates/${mandateId}/sessions/${joint}/invitations/${victim}/invite.ics`,
      undefined,
      'GET',
    );
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain(`UID:mediation-session-${joint}@`);
    expect(ics.body).toContain('Valérie Victime');
    expect(ics.body).not.toContain('Rémi');
    expect(ics.body).toContain('Salle A'); // the room by its name
    const assigned = await given.mediator('tj-paris', 'Claire Martin');
    await given.ok('mediator', `/mandates/${mandateId}/mediator`, { mediatorId: assigned });

    const signedAt = new Date().toISOString();
    const agreed = await given.ok('mediator', `/mandates/${mandateId}/agreement`, {
      terms: [
        {
          kind: 'compensation',
          by: respondent,
          to: victim,
          amountCents: 45_000,
          instalments: [
            { dueDate: given.plusDays(30), amountCents: 20_000 },
            { dueDate: given.plusDays(60), amountCents: 25_000 },
          ],
        },
        {
          kind: 'restitution',
          by: respondent,
          to: victim,
          dueDate: given.plusDays(10),
          details: 'le vélo rouge',
        },
      ],
      signatures: [
        { partyId: victim, signedAt },
        { partyId: respondent, signedAt },
      ],
    });
    expect(agreed.status).toBe('agreed');

    const pdf = await given.call('mediator', `/mandates/${mandateId}/report.pdf`, undefined, 'GET');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    });
    expect(text).toContain('Valérie Victime');
    expect(text).toContain('le vélo rouge');
    expect(text).toContain('Médiateur : Claire Martin'); // the mediator by name, from their stream
    await given.ok('mediator', `/mandates/${mandateId}/report`);

    // Each instalment and the restitution are checked at their due dates.
    const jobs = await service.module.db.query<{ key: string }>(
      `SELECT key FROM es_schedule WHERE kind = 'mediation-reaction' AND key LIKE $1`,
      [`%${mandateId}:CheckTermExecution%`],
    );
    expect(jobs).toHaveLength(3);

    const reads = await service.module.db.query<{ purpose: string }>(
      `SELECT purpose FROM es_access_log WHERE subject_kind = 'mediation' AND subject_id = $1`,
      [mandateId],
    );
    expect(reads.map((r) => r.purpose).sort()).toEqual([
      'invitation to a mediation session',
      'report to the prosecutor',
    ]);

    // The outbox tells the network what happened, in counts: no name, no free text.
    const published = (await outbox()).filter((m) => m.data.includes(mandateId));
    expect(published.map((m) => m.type)).toEqual([
      'fr.parcours.mediation.opened.v1',
      'fr.parcours.mediation.session-held.v1',
      'fr.parcours.mediation.session-held.v1',
      'fr.parcours.mediation.session-held.v1',
      'fr.parcours.mediation.agreed.v1',
    ]);
    for (const message of published) {
      expect(message.data).not.toContain('Valérie');
      expect(message.data).not.toContain('vélo');
    }
  }, 60_000);

  it('returns the file when the victim refuses, and frees what was booked', async () => {
    const [mediatorId, roomId] = [await given.mediator(), await given.room()];
    const mandateId = await given.mandate();
    const victim = await given.party(mandateId, 'victim', 'Vera');
    const session = await given.ok('mediator', `/mandates/${mandateId}/sessions`, {
      kind: 'individual',
      ...given.slot(mediatorId, roomId, [victim], 86_400_000, 3_600_000),
    });
    const refused = await given.consent(mandateId, victim, 'refused');
    expect(refused.status).toBe('returned');
    const bookings = await service.module.db.query('SELECT 1 FROM mediation_bookings WHERE session_id = $1', [
      session.created,
    ]);
    expect(bookings).toHaveLength(0);
  });

  it('keeps other associations and roles out', async () => {
    const mandateId = await given.mandate();
    expect((await given.call('caseworker', `/mandates/${mandateId}`, undefined, 'GET')).statusCode).toBe(403);
    expect((await given.call('caseworker-69', `/mandates/${mandateId}`, undefined, 'GET')).statusCode).toBe(
      403,
    );
    expect(
      (await given.call('auditor', `/mandates/${mandateId}/failure`, { reason: 'no-agreement' })).statusCode,
    ).toBe(403);
  });
});
