import { expect } from 'vitest';
import { localDateOf } from './calendar/time.ts';
import type { TestService } from './test-support.ts';

/** HTTP steps of the mediation service for its tests: each expects success and returns what it made. */
export function api(service: TestService) {
  const zone = service.module.mediation.policy.timeZone;
  const today = () => localDateOf(new Date(), zone);
  const plusDays = (days: number) => localDateOf(new Date(Date.now() + days * 86_400_000), zone);

  async function call(
    user: Parameters<TestService['auth']>[0],
    url: string,
    payload?: unknown,
    method = 'POST',
  ) {
    return service.app.inject({
      method: method as 'POST' | 'GET',
      url,
      headers: await service.auth(user),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  }
  async function ok(user: Parameters<TestService['auth']>[0], url: string, payload?: unknown) {
    const response = await call(user, url, payload);
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json() as { id: string; status: string; events: string[]; created?: string };
  }

  return {
    call,
    ok,
    today,
    plusDays,
    /** A mediator authorised at the court from today, available around the clock for two days (an extra slot). */
    async mediator(court = 'tj-paris', name = 'Claire Martin') {
      const { id } = await ok('association-manager', '/mediators', { birthDate: '1970-05-04', name });
      await ok('association-manager', `/mediators/${id}/authorisations`, {
        court,
        from: today(),
        minors: false,
        decisionReference: 'PR-2026-1',
      });
      await ok('association-manager', `/mediators/${id}/availability`, {
        windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '18:00' })),
      });
      await ok('association-manager', `/mediators/${id}/exceptions`, {
        kind: 'extra',
        start: new Date(Date.now() - 3_600_000).toISOString(),
        end: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      });
      return id;
    },
    async room(capacity = 6) {
      const room = await ok('office-manager', '/offices/office-75-bav/rooms', { name: 'Salle A', capacity });
      return room.created!;
    },
    async mandate(offence = 'robbery-theft') {
      const { id } = await ok('mediator', '/mandates', {
        officeId: 'office-75-bav',
        court: 'tj-paris',
        prosecutorReference: `PR-${Math.random().toString(36).slice(2, 10)}`,
        offence: { category: offence },
        orderedOn: today(),
        deadline: plusDays(90),
      });
      return id;
    },
    async party(mandateId: string, role: 'victim' | 'respondent', name: string, extra: object = {}) {
      const body = {
        role,
        minor: false,
        ...(role === 'respondent' ? { relationship: 'neighbour' } : {}),
        identity: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org` },
        safeContact: { safeNumber: true, safeEmail: true, noVoicemail: true, hours: [] },
        ...extra,
      };
      return (await ok('mediator', `/mandates/${mandateId}/parties`, body)).created!;
    },
    async consent(mandateId: string, partyId: string, decision: 'given' | 'refused' = 'given') {
      return ok('mediator', `/mandates/${mandateId}/parties/${partyId}/consent`, {
        decision,
        expressedAt: new Date().toISOString(),
        channel: 'phone',
      });
    },
    /** A slot starting `inMs` from now, lasting `ms`, every party arriving at the start. */
    slot(mediatorId: string, roomId: string, partyIds: string[], inMs: number, ms: number) {
      const start = new Date(Date.now() + inMs).toISOString();
      return {
        start,
        end: new Date(Date.parse(start) + ms).toISOString(),
        mediatorId,
        roomId,
        convocations: partyIds.map((partyId) => ({ partyId, arriveAt: start })),
      };
    },
  };
}

/**
 * A mandate whose individual interviews and joint session were held (sessions of a few seconds,
 * starting just ahead: attendance is recorded once a session has started), ready for an agreement.
 * Needs ARRIVAL_GAP_MINUTES=0: every party arrives at the start.
 */
export async function throughJointSession(given: ReturnType<typeof api>, openMandate?: string) {
  const [mediatorA, mediatorB, roomA, roomB] = [
    await given.mediator(),
    await given.mediator(),
    await given.room(),
    await given.room(),
  ];
  const mandateId = openMandate ?? (await given.mandate());
  const victim = await given.party(mandateId, 'victim', 'Valérie Victime');
  const respondent = await given.party(mandateId, 'respondent', 'Rémi Respondent');
  await given.consent(mandateId, victim);
  await given.consent(mandateId, respondent);
  const held = async (present: string[], mediatorId: string, roomId: string, kind: string) => {
    const session = await given.ok('mediator', `/mandates/${mandateId}/sessions`, {
      kind,
      ...given.slot(mediatorId, roomId, present, 1_500, 2_000),
    });
    return session.created!;
  };
  const attend = (sessionId: string, present: string[]) =>
    given.ok('mediator', `/mandates/${mandateId}/sessions/${sessionId}/attendance`, {
      present,
      absent: [],
      excused: [],
    });
  // Two individual interviews at once, one side each, with two mediators in two rooms.
  const first = await held([victim], mediatorA, roomA, 'individual');
  const second = await held([respondent], mediatorB, roomB, 'individual');
  await sleep(1_600);
  await attend(first, [victim]);
  await attend(second, [respondent]);
  await sleep(2_000);
  const joint = await held([victim, respondent], mediatorA, roomA, 'joint');
  await sleep(1_600);
  await attend(joint, [victim, respondent]);
  return { mandateId, victim, respondent, joint };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
