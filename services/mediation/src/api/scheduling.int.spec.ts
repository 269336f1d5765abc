import { isDomainError } from '@parcours/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book } from '../bookings.ts';
import { api } from '../test-api.ts';
import { startTestService, type TestService } from '../test-support.ts';

let service: TestService;
let given: ReturnType<typeof api>;
beforeAll(async () => {
  service = await startTestService('scheduling');
  given = api(service);
});
afterAll(async () => service?.close());

const hour = 3_600_000;

describe('a calendar that never double books', () => {
  it('lets exactly one of 50 concurrent requests for one mediator’s slot win; the others get a 409 naming the conflict', async () => {
    const [mediatorId, roomId] = [await given.mediator(), await given.room()];
    const mandates = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const mandateId = await given.mandate();
        return { mandateId, victim: await given.party(mandateId, 'victim', 'Victime') };
      }),
    );
    const headers = await service.auth('mediator');
    const start = new Date(Date.now() + 26 * hour).toISOString();
    const responses = await Promise.all(
      mandates.map(({ mandateId, victim }) =>
        service.app.inject({
          method: 'POST',
          url: `/mandates/${mandateId}/sessions`,
          headers,
          payload: {
            kind: 'individual',
            start,
            end: new Date(Date.parse(start) + hour).toISOString(),
            mediatorId,
            roomId,
            convocations: [{ partyId: victim, arriveAt: start }],
          },
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      const problem = response.json();
      expect(problem.code).toBe('slot_conflict');
      expect(problem.errors).toContainEqual(expect.objectContaining({ message: 'mediator_busy' }));
    }
    const rows = await service.module.db.query(
      `SELECT 1 FROM mediation_bookings WHERE resource_kind = 'mediator' AND resource_id = $1`,
      [mediatorId],
    );
    expect(rows).toHaveLength(1);
  }, 120_000);

  it('names the resource when the database refuses an overlap the check did not see', async () => {
    const slot = (sessionId: string) => ({
      sessionId,
      start: '2030-01-07T09:00:00.000Z',
      end: '2030-01-07T10:00:00.000Z',
      mediatorId: 'med-race',
      roomId: `room-${sessionId}`,
      officeId: 'office-75-bav',
      convocations: [],
    });
    await service.module.db.transaction((tx) => book(tx, 'm-a', slot('s-a')));
    const refusal = await service.module.db
      .transaction((tx) => book(tx, 'm-b', slot('s-b')))
      .catch((error: unknown) => error);
    expect(isDomainError(refusal)).toBe(true);
    expect(refusal).toMatchObject({
      code: 'slot_conflict',
      status: 409,
      errors: [{ field: '/body/mediatorId', message: 'mediator_busy' }],
    });
    expect((refusal as Error & { detail: string }).detail).toContain('mediator med-race');
  });

  it('names the conflicts of a slot before saving, and frees a cancelled session’s slot', async () => {
    const [mediatorId, roomId] = [await given.mediator(), await given.room()];
    const taken = await given.mandate();
    const victim = await given.party(taken, 'victim', 'Victime');
    const slot = given.slot(mediatorId, roomId, [victim], 30 * hour, hour);
    const session = await given.ok('mediator', `/mandates/${taken}/sessions`, {
      kind: 'individual',
      ...slot,
    });

    const other = await given.mandate();
    const otherVictim = await given.party(other, 'victim', 'Autre');
    const proposal = {
      kind: 'individual',
      ...slot,
      convocations: [{ partyId: otherVictim, arriveAt: slot.start }],
    };
    const check = await given.call('mediator', `/mandates/${other}/sessions/check`, proposal);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toEqual({
      ok: false,
      conflicts: [
        { code: 'mediator_busy', field: 'start', sessionId: session.created },
        { code: 'room_busy', field: 'start', sessionId: session.created },
      ],
    });

    await given.ok('mediator', `/mandates/${taken}/sessions/${session.created}/cancel`, {
      reason: 'party-request',
    });
    expect((await given.call('mediator', `/mandates/${other}/sessions/check`, proposal)).json()).toEqual({
      ok: true,
      conflicts: [],
    });
    const booked = await given.ok('mediator', `/mandates/${other}/sessions`, proposal);
    expect(booked.events).toEqual(['SessionScheduled']);
  }, 60_000);
});
