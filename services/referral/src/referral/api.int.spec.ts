// Over 300 lines: the referral API end to end on one service instance (its boot costs seconds).
import { randomUUID } from 'node:crypto';
import { type Sql, schemaDrift } from '@parcours/eventstore';
import { replayedOneByOne } from '@parcours/eventstore/testing';
import type { DevUserName } from '@parcours/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_VERSION } from '../directory/publish.ts';
import { messageContext, startTestService, type TestService } from '../test-support.ts';
import { orientationBatchHandler, orientationHandler } from './consumers.ts';
import { referralInbox } from './inbox/index.ts';
import { referralIdFor } from './orientation.ts';
import { readyForOrientation } from './test-builders.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('api');
});
afterAll(async () => {
  await service?.close();
});

async function orient(overrides: Parameters<typeof readyForOrientation>[0] = {}) {
  const event = readyForOrientation(overrides);
  await orientationHandler(service.module.db, service.module.referrals)(event, messageContext);
  return service.settled(referralIdFor(event.id));
}
const get = async (url: string, user: DevUserName) =>
  service.app.inject({ method: 'GET', url, headers: await service.auth(user) });
const post = async (
  url: string,
  user: DevUserName,
  payload: object = {},
  headers: Record<string, string> = {},
) =>
  service.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...(await service.auth(user)), ...headers },
  });

// office-75-bav receives requisitions; the dev caseworker and office manager work there.
const requisition = {
  channel: 'requisition' as const,
  requisition: { dueDate: '2999-01-01', evviRequested: true },
};

describe('office inbox', () => {
  it("lists my office's proposals, most urgent first, with filters and pages", async () => {
    const high = await orient({ ...requisition, urgency: 'high' });
    const immediate = await orient({ ...requisition, urgency: 'immediate' });
    const low = await orient({ ...requisition, urgency: 'low' });
    const res = await get('/referrals/inbox?limit=50', 'caseworker');
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((i: { referralId: string }) => i.referralId);
    expect(ids.indexOf(immediate)).toBeLessThan(ids.indexOf(high));
    expect(ids.indexOf(high)).toBeLessThan(ids.indexOf(low));
    const item = res.json().items.find((i: { referralId: string }) => i.referralId === high);
    expect(item).toMatchObject({
      status: 'proposed',
      officeId: 'office-75-bav',
      overdue: false,
      readOnly: false,
    });
    expect(item.reasons.at(-1)).toMatchObject({
      code: 'office-chosen',
      params: {
        officeId: 'office-75-bav',
        fit: expect.stringContaining('court-victim-office-for-requisition'),
      },
    });

    const onlyLow = await get('/offices/office-75-bav/referrals?urgency=low', 'office-manager');
    expect(onlyLow.json().items.map((i: { referralId: string }) => i.referralId)).toEqual([low]);
    const page = await get('/offices/office-75-bav/referrals?limit=1&offset=1', 'caseworker');
    expect(page.json()).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.json().items).toHaveLength(1);
    expect((await get('/offices/office-75-bav/referrals?overdue=true', 'caseworker')).json().total).toBe(0);
  });

  it('keeps another association out: 403 problem+json', async () => {
    const res = await get('/offices/office-75-bav/referrals', 'caseworker-69');
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('association_out_of_scope');
    expect((await get('/offices/office-75-bav/referrals', 'federation-analyst')).statusCode).toBe(403);
    expect((await get('/offices/nowhere/referrals', 'caseworker')).statusCode).toBe(404);
  });
});

describe("a case's referrals", () => {
  it('shows the helpline where a call went; association staff see only what concerns them', async () => {
    const caseId = randomUUID();
    const referralId = await orient({ ...requisition, caseId });
    const helpline = await get(`/cases/${caseId}/referrals`, 'helpline');
    expect(helpline.statusCode).toBe(200);
    expect(helpline.json().items).toMatchObject([
      { referralId, caseId, status: 'proposed', officeId: 'office-75-bav', readOnly: true },
    ]);
    // The receiving office works on it; another association does not see it; analysts are refused.
    expect((await get(`/cases/${caseId}/referrals`, 'caseworker')).json().items).toMatchObject([
      { referralId, readOnly: false },
    ]);
    expect((await get(`/cases/${caseId}/referrals`, 'caseworker-69')).json().items).toEqual([]);
    const analyst = await get(`/cases/${caseId}/referrals`, 'federation-analyst');
    expect(analyst.statusCode).toBe(403);
    expect(analyst.headers['content-type']).toContain('application/problem+json');
    expect((await get(`/cases/${randomUUID()}/referrals`, 'helpline')).json().items).toEqual([]);
  });
});

describe('answering a referral', () => {
  it('accepts (read-your-writes), then closes it with an outcome', async () => {
    const referralId = await orient(requisition);
    const accepted = await post(`/referrals/${referralId}/accept`, 'caseworker');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', events: ['ReferralAccepted'] });
    const list = await get('/referrals/inbox?status=accepted', 'caseworker');
    expect(list.json().items.map((i: { referralId: string }) => i.referralId)).toContain(referralId);
    const missingReason = await post(`/referrals/${referralId}/done`, 'caseworker', { successful: false });
    expect(missingReason.statusCode).toBe(422);
    const done = await post(`/referrals/${referralId}/done`, 'caseworker', {
      successful: false,
      reason: 'victim unreachable',
    });
    expect(done.json().status).toBe('done');
    const again = await post(`/referrals/${referralId}/accept`, 'caseworker');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('referral_status');
  });

  it('refuses an answer from another association (403) and answers a repeated Idempotency-Key with the first response', async () => {
    const referralId = await orient(requisition);
    expect((await post(`/referrals/${referralId}/accept`, 'caseworker-69')).statusCode).toBe(403);
    const key = { 'idempotency-key': `decline-${referralId}` };
    const first = await post(
      `/referrals/${referralId}/decline`,
      'caseworker',
      { reason: 'outside our competence' },
      key,
    );
    const second = await post(
      `/referrals/${referralId}/decline`,
      'caseworker',
      { reason: 'outside our competence' },
      key,
    );
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    const events = await service.module.store.readStream(`referral-${referralId}`);
    expect(events.map((e) => e.type)).toEqual(['ReferralProposed', 'ReferralDeclined']);
    // The declined transfer left the case with nobody: it is back in the national queue, once.
    const queued = first.json().newReferralId;
    const queue = await get('/referrals/queue?limit=200', 'helpline');
    expect(
      queue
        .json()
        .items.filter((i: { caseId: string }) => i.caseId === (events[0]!.data as { caseId: string }).caseId),
    ).toEqual([expect.objectContaining({ referralId: queued, status: 'queued', queueReason: 'declined' })]);
  });

  it("keeps a long decline reason whole in the referral, cut to the integration events' 300 characters", async () => {
    const referralId = await orient(requisition);
    const reason = `outside our competence: ${'x'.repeat(470)}`;
    const res = await post(`/referrals/${referralId}/decline`, 'caseworker', { reason });
    expect(res.statusCode).toBe(200);
    const [, declined] = await service.module.store.readStream(`referral-${referralId}`);
    expect((declined!.data as { reason: string }).reason).toBe(reason);
    const queued = await get(`/referrals/${res.json().newReferralId}`, 'helpline');
    expect(queued.json().reasons.at(-1)).toMatchObject({ code: 'declined', params: { reason } });
    expect(queued.json().reasons.at(-1).text).toHaveLength(300);
  });

  it("redirects to another office: a new proposal appears there, the sender's trace stays", async () => {
    const referralId = await orient(requisition);
    const res = await post(`/referrals/${referralId}/redirect`, 'caseworker', {
      officeId: 'office-75-hopital-hegp',
      reason: 'hospital follow-up',
    });
    expect(res.statusCode).toBe(200);
    const { newReferralId } = res.json();
    expect(newReferralId).toBeDefined();
    const hospital = await get('/offices/office-75-hopital-hegp/referrals', 'caseworker');
    expect(hospital.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          referralId: newReferralId,
          status: 'proposed',
          redirectedFrom: referralId,
        }),
      ]),
    );
    const old = await get(`/referrals/${referralId}`, 'caseworker');
    expect(old.json().status).toBe('redirected');
    const unknown = await post(`/referrals/${newReferralId}/redirect`, 'caseworker', {
      officeId: 'office-nowhere',
      reason: 'test it',
    });
    expect(unknown.statusCode).toBe(422);
  });

  it('adds a service from an accepted referral: a new referral, the office keeps the case and sees it sent', async () => {
    const referralId = await orient(requisition);
    expect(
      (
        await post(`/referrals/${referralId}/add-service`, 'caseworker', {
          officeId: 'office-69-lyon',
          reason: 'too early',
        })
      ).statusCode,
    ).toBe(409);
    expect((await post(`/referrals/${referralId}/accept`, 'caseworker')).statusCode).toBe(200);
    const res = await post(`/referrals/${referralId}/add-service`, 'caseworker', {
      officeId: 'office-69-lyon',
      reason: 'psychologist near her new work',
    });
    expect(res.statusCode).toBe(200);
    const { newReferralId } = res.json();
    expect((await get(`/referrals/${referralId}`, 'caseworker')).json().status).toBe('accepted');
    const lyon = await get('/referrals/inbox', 'caseworker-69');
    expect(lyon.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          referralId: newReferralId,
          status: 'proposed',
          mode: 'referral',
          fromOfficeId: 'office-75-bav',
        }),
      ]),
    );
    const sent = await get('/offices/office-75-bav/referrals?box=sent', 'caseworker');
    expect(sent.json().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ referralId: newReferralId, readOnly: true })]),
    );
  });

  it('refuses a redirection abroad without sharing consent (consent gate, 422)', async () => {
    const referralId = await orient({ ...requisition, consent: { services: true, sharing: false } });
    const res = await post(`/referrals/${referralId}/redirect`, 'caseworker', {
      organisationId: 'foreign-be',
      reason: 'moved to Brussels',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('sharing_consent_required');
  });

  it('lets the helpline route a queued case by hand', async () => {
    const referralId = await orient({ residence: { countryCode: 'FR', postcode: '20200' } });
    const queue = await get('/referrals/queue', 'helpline');
    expect(queue.json().items.map((i: { referralId: string }) => i.referralId)).toContain(referralId);
    expect((await get('/referrals/queue', 'caseworker')).statusCode).toBe(403);
    const routed = await post(`/referrals/${referralId}/route`, 'helpline', {
      officeId: 'office-75-bav',
      reason: 'called back: lives in Bastia, prefers Paris',
    });
    expect(routed.json().status).toBe('proposed');
  });
});

describe('directory', () => {
  it('seeds once, explains a routing, and closes an office by command', async () => {
    const { seedDirectory } = await import('../directory/seed.ts');
    expect(
      await seedDirectory(service.module.db, service.module.store, service.module.geography, new Date()),
    ).toBe(0);
    expect(service.module.directory.index.size).toMatchObject({
      associations: 130,
      foreignOrganisations: 20,
    });
    const routing = await get('/directory/routing?postcode=97400&offenceCategory=burglary', 'helpline');
    expect(routing.json()).toMatchObject({ kind: 'office', associationId: 'asso-974' });
    const officeId = routing.json().officeId;
    expect((await post(`/directory/offices/${officeId}/close`, 'caseworker')).statusCode).toBe(403);
    expect((await post(`/directory/offices/${officeId}/close`, 'admin')).json().events).toEqual([
      'OfficeClosed',
    ]);
    const after = await get('/directory/routing?postcode=97400&offenceCategory=burglary', 'helpline');
    expect(after.json().officeId).not.toBe(officeId);
  });

  it('publishes every office, partner and agreement once at boot, then each change with its command', async () => {
    const { db, directory, config } = service.module;
    const { offices, partners, agreements } = directory.index.size;
    const [feed] = await db.query<{ messages: number }>(
      'SELECT messages FROM directory_feed WHERE version = $1',
      [FEED_VERSION],
    );
    expect(feed!.messages).toBe(offices + partners + agreements);
    expect(await service.module.checkDirectoryFeed()).toEqual({ published: 0 });
    const published = (key: string) =>
      db.query<{ event: { type: string; subject: string; data: Record<string, unknown> } }>(
        'SELECT event FROM es_outbox WHERE topic = $1 AND key = $2 ORDER BY position',
        [config.DIRECTORY_TOPIC, key],
      );
    const [agreement] = await published('directory-agreement-agr-retail-2021');
    expect(agreement!.event).toMatchObject({
      type: 'fr.parcours.directory.agreement.v1',
      data: { agreementId: 'agr-retail-2021', partnerId: 'partner-retail', validUntil: '2023-12-31' },
    });

    const office = [...directory.index.offices.values()].find(
      (o) => o.active && o.address.communeCode.startsWith('2A'),
    )!;
    expect((await post(`/directory/offices/${office.officeId}/close`, 'admin')).statusCode).toBe(200);
    const states = await published(`directory-office-${office.officeId}`);
    expect(states.map((s) => s.event.data['active'])).toEqual([true, false]);
    expect(states[1]!.event).toMatchObject({
      type: 'fr.parcours.directory.office.v1',
      subject: `directory-office-${office.officeId}`,
      data: { officeId: office.officeId, associationId: office.associationId, type: office.type },
    });
  });
});

describe('the inbox read model', () => {
  it('is the same built live in batches, rebuilt, and replayed event by event', async () => {
    // A batch of routings as the consumer hands them over, on top of the answers above.
    const batch = [readyForOrientation(), readyForOrientation({ ...requisition }), readyForOrientation()];
    await orientationBatchHandler(
      service.module.db,
      service.module.referrals,
    )(batch.map((event) => ({ event, ctx: messageContext })));
    const { db, store, projections } = service.module;
    await service.catchUp();
    const snapshot = (sql: Sql) => sql.query('SELECT * FROM referral_inbox ORDER BY referral_id');
    const live = await snapshot(db);
    expect(live.length).toBeGreaterThanOrEqual(batch.length);
    await projections.rebuild('referral-inbox');
    expect(await snapshot(db)).toEqual(live);
    expect(await replayedOneByOne(db, store, referralInbox, snapshot)).toEqual(live);
  });
});

describe('the walk-in rule', () => {
  it('keeps a walk-in at an office of the association covering the residence, accepted at once', async () => {
    const referralId = await orient({
      channel: 'walk-in',
      origin: { officeId: 'office-75-bav', associationId: 'asso-75' },
    });
    const one = await get(`/referrals/${referralId}`, 'caseworker');
    expect(one.json()).toMatchObject({
      status: 'accepted',
      target: { officeId: 'office-75-bav' },
      reasons: [{ code: 'walk-in-kept', params: { officeId: 'office-75-bav' } }],
    });
    const accepted = await get('/referrals/inbox?status=accepted', 'caseworker');
    expect(accepted.json().items.map((i: { referralId: string }) => i.referralId)).toContain(referralId);
    // Follow-up opens the file from the acceptance on referral.events.v1; nothing is left to remind.
    const outbox = await service.module.db.query<{ type: string }>(
      `SELECT event->>'type' AS type FROM es_outbox WHERE event->'data'->>'referralId' = $1 ORDER BY position`,
      [referralId],
    );
    expect(outbox.map((row) => row.type)).toEqual([
      'fr.parcours.referral.proposed.v1',
      'fr.parcours.referral.accepted.v1',
    ]);
    const jobs = await service.module.db.query('SELECT key FROM es_schedule WHERE group_key = $1', [
      `referral-${referralId}`,
    ]);
    expect(jobs).toEqual([]);
  });

  it('proposes a walk-in from outside the association’s coverage to the office covering the residence', async () => {
    const referralId = await orient({
      channel: 'walk-in',
      residence: { countryCode: 'FR', postcode: '69003', communeCode: '69383' },
      origin: { officeId: 'office-75-bav', associationId: 'asso-75' },
    });
    const one = await get(`/referrals/${referralId}`, 'admin');
    expect(one.json()).toMatchObject({
      status: 'proposed',
      target: { associationId: 'asso-69' },
      from: { kind: 'office', officeId: 'office-75-bav' },
    });
    expect(one.json().reasons[0]).toMatchObject({ code: 'walk-in-outside-coverage' });
  });
});

it('its read models match their migrated tables', async () => {
  expect(await schemaDrift(service.module.db)).toEqual([]);
});

describe('the directory for the web', () => {
  it('finds offices by words, and answers a routing and an office with their documented shapes', async () => {
    const found = await get('/directory/offices?q=75%20bav', 'caseworker');
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((o: { officeId: string }) => o.officeId)).toContain('office-75-bav');
    expect((await get('/directory/offices?q=x', 'caseworker')).statusCode).toBe(400);
    const routing = await get(
      '/directory/routing?postcode=75011&communeCode=75111&offenceCategory=couple-violence',
      'helpline',
    );
    expect(routing.json()).toMatchObject({ kind: 'office', associationId: 'asso-75' });
    expect(routing.json().reasons[0]).toMatchObject({ code: 'residence-commune', text: expect.any(String) });
    const office = await get('/directory/offices/office-75-bav', 'caseworker');
    expect(office.json()).toMatchObject({
      officeId: 'office-75-bav',
      associationId: 'asso-75',
      active: true,
    });
  });
});
