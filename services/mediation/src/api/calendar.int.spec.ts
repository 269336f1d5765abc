import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../calendar/time.ts';
import { api } from '../test-api.ts';
import { startTestService, type TestService } from '../test-support.ts';

let service: TestService;
let given: ReturnType<typeof api>;
beforeAll(async () => {
  service = await startTestService('calendar');
  given = api(service);
});
afterAll(async () => service?.close());

const hour = 3_600_000;
const get = async (user: Parameters<TestService['auth']>[0], url: string) =>
  service.app.inject({ method: 'GET', url, headers: await service.auth(user) });

describe('the calendar', () => {
  it('shows a mediator’s week and an office’s month with the parties’ roles, never a cancelled session', async () => {
    const [mediatorId, roomId] = [await given.mediator(), await given.room()];
    const mandateId = await given.mandate();
    const victim = await given.party(mandateId, 'victim', 'Vic');
    const respondent = await given.party(mandateId, 'respondent', 'Res');
    const kept = given.slot(mediatorId, roomId, [victim], 26 * hour, hour);
    const session = await given.ok('mediator', `/mandates/${mandateId}/sessions`, {
      kind: 'individual',
      ...kept,
    });
    const dropped = await given.ok('mediator', `/mandates/${mandateId}/sessions`, {
      kind: 'individual',
      ...given.slot(mediatorId, roomId, [respondent], 28 * hour, hour),
    });
    await given.ok('mediator', `/mandates/${mandateId}/sessions/${dropped.created}/cancel`, {
      reason: 'other',
    });

    const zone = service.module.mediation.policy.timeZone;
    const day = localDateOf(kept.start, zone);
    const week = await get('mediator', `/mediators/${mediatorId}/week?date=${day}`);
    expect(week.statusCode).toBe(200);
    expect(week.json().sessions).toEqual([
      expect.objectContaining({
        sessionId: session.created,
        mandateId,
        kind: 'individual',
        start: kept.start,
        roomId,
        parties: [{ partyId: victim, role: 'victim', arriveAt: kept.start }],
      }),
    ]);
    expect(week.json().weekly).toHaveLength(5);

    expect(week.json().mediator).toEqual({ mediatorId, name: 'Claire Martin' });

    const monthUrl = `/offices/office-75-bav/calendar?month=${day.slice(0, 7)}`;
    const month = await get('office-manager', monthUrl);
    expect(month.statusCode).toBe(200);
    const body = month.json();
    const ids = body.sessions.map((s: { sessionId: string }) => s.sessionId);
    expect(ids).toContain(session.created);
    expect(ids).not.toContain(dropped.created);
    // The month's JSON (built by PostgreSQL): the mediator and room once, each session pointing at them.
    const entry = body.sessions.find((s: { sessionId: string }) => s.sessionId === session.created);
    expect(entry).toEqual({
      sessionId: session.created,
      mandateId,
      kind: 'individual',
      status: 'scheduled',
      start: week.json().sessions[0].start,
      end: week.json().sessions[0].end,
      roles: ['victim'],
      mediator: expect.any(Number),
      room: expect.any(Number),
    });
    expect(body.mediators[entry.mediator]).toEqual({ mediatorId, name: 'Claire Martin' });
    expect(body.rooms[entry.room]).toEqual({ roomId, name: 'Salle A' });
    // An unchanged month is 304 for its ETag; a change (the session held) gives a new one.
    const etag = month.headers['etag'] as string;
    const again = await service.app.inject({
      method: 'GET',
      url: monthUrl,
      headers: { ...(await service.auth('office-manager')), 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await given.ok('association-manager', `/mediators/${mediatorId}/name`, { name: 'Claire Martin-Roy' });
    const renamed = await service.app.inject({
      method: 'GET',
      url: monthUrl,
      headers: { ...(await service.auth('office-manager')), 'if-none-match': etag },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().mediators).toContainEqual({ mediatorId, name: 'Claire Martin-Roy' });
    expect(JSON.stringify(month.json())).not.toContain('Vic');

    expect(
      (await get('caseworker', `/offices/office-75-bav/calendar?month=${day.slice(0, 7)}`)).statusCode,
    ).toBe(403);
    expect((await get('mediator', `/offices/office-75-bav/calendar?month=2026-13`)).statusCode).toBe(400);
  });

  it('lists an association’s mediators by name for its own staff only', async () => {
    const named = await given.mediator('tj-paris', 'Aline Bernard');
    await given.ok('association-manager', `/mediators/${named}/name`, { name: 'Aline Bernard-Roy' });
    const list = await get('mediator', '/associations/asso-75/mediators');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual({ mediatorId: named, name: 'Aline Bernard-Roy' });
    expect(JSON.stringify(list.json())).not.toContain('1970');
    expect((await get('mediator', '/associations/asso-69/mediators')).statusCode).toBe(403);
    expect((await get('caseworker', '/associations/asso-75/mediators')).statusCode).toBe(403);
    const blank = await given.call('association-manager', `/mediators/${named}/name`, { name: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(JSON.stringify(blank.json())).toContain('/body/name');
  });

  it('names the conflict of a session dragged onto another before saving, and not its own slot', async () => {
    const [mediatorId, roomId] = [await given.mediator(), await given.room()];
    const first = await given.mandate();
    const firstVictim = await given.party(first, 'victim', 'A');
    const taken = given.slot(mediatorId, roomId, [firstVictim], 30 * hour, hour);
    const blocking = await given.ok('mediator', `/mandates/${first}/sessions`, {
      kind: 'individual',
      ...taken,
    });

    const second = await given.mandate();
    const victim = await given.party(second, 'victim', 'B');
    const own = given.slot(mediatorId, roomId, [victim], 33 * hour, hour);
    const moving = await given.ok('mediator', `/mandates/${second}/sessions`, { kind: 'individual', ...own });

    const check = (slot: typeof own) =>
      given.call('mediator', `/mandates/${second}/sessions/check`, {
        sessionId: moving.created,
        kind: 'individual',
        ...slot,
      });
    const ontoTaken = { ...taken, convocations: [{ partyId: victim, arriveAt: taken.start }] };
    expect((await check(ontoTaken)).json()).toMatchObject({
      ok: false,
      conflicts: [
        { code: 'mediator_busy', sessionId: blocking.created },
        { code: 'room_busy', sessionId: blocking.created },
      ],
    });
    // Half an hour later than itself: overlapping only its own booking, which moves with it.
    const later = given.slot(mediatorId, roomId, [victim], 33.5 * hour, hour);
    expect((await check(later)).json()).toEqual({ ok: true, conflicts: [] });
    const moved = await given.ok(
      'mediator',
      `/mandates/${second}/sessions/${moving.created}/reschedule`,
      later,
    );
    expect(moved.events).toEqual(['SessionRescheduled']);
    const refused = await given.call(
      'mediator',
      `/mandates/${second}/sessions/${moving.created}/reschedule`,
      ontoTaken,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('slot_conflict');
  });
});
