import { DirectoryOfficeV1, type IntegrationEvent } from '@parcours/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, journeyEvents } from '../demo/journey.ts';
import { startTestService, type TestService } from '../test-support.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('dashboards');
});
afterAll(async () => service?.close());

const start = new Date('2026-03-02T09:00:00.000Z');
const asOf = '2026-06-01T00:00:00.000Z';
const from = '2026-01-01T00:00:00.000Z';
const auditor = { sub: 'national-auditor', name: 'Nadia National', roles: ['auditor' as const] };

const office = (associationId: string, officeId: string) =>
  DirectoryOfficeV1.create({
    id: `dir-${officeId}`,
    subject: officeId,
    time: start,
    data: {
      officeId,
      associationId,
      name: officeId,
      type: 'court-victim-office',
      communeCode: '75056',
      active: true,
      at: start.toISOString(),
    },
  });

/** The same five stories in an office: waiting, expired, followed, settled by mediation, gone quiet. */
const stories = (prefix: string, associationId: string, officeId: string): IntegrationEvent[] => {
  const place = { associationId, officeId };
  const journeys: Journey[] = [
    {
      caseId: `${prefix}-1`,
      start,
      ...place,
      actions: [{ day: 0, kind: 'legal-information' }],
      contactAfterHours: 2,
      hearingInDays: 120,
      mediation: 'open',
      caseworkerId: 'staff-a',
    },
    { caseId: `${prefix}-2`, start, ...place, expires: true },
    {
      caseId: `${prefix}-3`,
      start,
      ...place,
      acceptAfterHours: 30,
      evvi: { late: true },
      mediation: 'agreed',
      closeAfterDays: 40,
      contactAfterHours: 8,
    },
    {
      caseId: `${prefix}-4`,
      start,
      ...place,
      actions: [{ day: 1, kind: 'social-support' }],
      inactiveAfterDays: 60,
      caseworkerId: 'staff-b',
    },
    { caseId: `${prefix}-5`, start: new Date('2026-05-30T09:00:00.000Z'), ...place, unanswered: true },
  ];
  return [office(associationId, officeId), ...journeys.flatMap((journey) => journeyEvents(journey))];
};

const read = async (url: string) => {
  const response = await service.app.inject({
    method: 'GET',
    url: `${url}?asOf=${asOf}&from=${from}`,
    headers: await service.auth(auditor),
  });
  expect(response.statusCode).toBe(200);
  return response.json();
};
const officeDashboard = (officeId: string) => read(`/offices/${officeId}/dashboard`);
const normalised = (value: unknown, ...names: string[]) => {
  let text = JSON.stringify(value);
  for (const name of names) text = text.replaceAll(name, 'X');
  return JSON.parse(text);
};

const shuffled = <T>(items: readonly T[], seed: number) => {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
};

describe('office and association dashboards', () => {
  beforeAll(async () => {
    await service.deliver(stories('a', 'asso-a', 'office-a'));
    // The same stories in another office, delivered one by one, reordered, some twice.
    const b = stories('b', 'asso-b', 'office-b');
    for (const event of shuffled([...b, ...b.slice(0, 9)], 7)) await service.deliver([event]);
  });

  it('counts caseload, referrals, delays, inactivity, breaches, what is coming and mediation outcomes', async () => {
    const view = await officeDashboard('office-a');
    // The third file is closed: no longer in the caseload.
    expect(view.caseload).toEqual([
      { caseworkerId: 'staff-a', status: 'open', files: 1 },
      { caseworkerId: 'staff-b', status: 'open', files: 1 },
    ]);
    expect(view.referrals).toEqual({ waiting: 1, overdue: 0 });
    expect(view.timeToAcceptance).toEqual({ referrals: 3, medianHours: 5, p90Hours: 25 });
    expect(view.timeToFirstContact.files).toBe(3);
    expect(view.filesWithoutActivity).toBe(2);
    expect(view.deadlineBreaches).toEqual([
      { kind: 'evvi-late', count: 1 },
      { kind: 'referral-expired', count: 1 },
    ]);
    expect(view.upcomingHearings).toEqual([
      expect.objectContaining({ hearingId: 'a-1-file-hearing', accompanimentPlanned: true }),
    ]);
    expect(view.upcomingMediations).toEqual([expect.objectContaining({ mandateId: 'a-1-mandate' })]);
    expect(view.mediationOutcomes).toEqual([
      { outcome: 'agreed', returnReason: null, fulfilled: null, count: 1 },
    ]);
    expect(await read('/associations/asso-a/dashboard')).toEqual({
      ...view,
      scope: { kind: 'association', id: 'asso-a' },
    });
  });

  it('duplicated and reordered deliveries change nothing', async () => {
    expect(normalised(await officeDashboard('office-b'), 'office-b', 'b-')).toEqual(
      normalised(await officeDashboard('office-a'), 'office-a', 'a-'),
    );
  });

  it('each view replayed twice from the log gives the same result', async () => {
    const before = [await officeDashboard('office-a'), await officeDashboard('office-b')];
    for (let replay = 0; replay < 2; replay++) {
      for (const view of ['cases', 'directory'] as const) {
        expect(await service.module.rebuilds.start(view)).toBe(true);
        await service.module.rebuilds.wait(view);
      }
      expect([await officeDashboard('office-a'), await officeDashboard('office-b')]).toEqual(before);
    }
  });

  it("refuses another association's manager and the office-manager of another office", async () => {
    const other = { sub: 'm', name: 'M', roles: ['association-manager' as const], association: 'asso-b' };
    const response = await service.app.inject({
      method: 'GET',
      url: '/offices/office-a/dashboard',
      headers: await service.auth(other),
    });
    expect(response.statusCode).toBe(403);
    const caseworker = await service.app.inject({
      method: 'GET',
      url: '/associations/asso-a/dashboard',
      headers: await service.auth('caseworker'),
    });
    expect(caseworker.statusCode).toBe(403);
  });
});
