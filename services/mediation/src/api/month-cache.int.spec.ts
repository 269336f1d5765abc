import { gunzipSync } from 'node:zlib';
import type { DevUser } from '@parcours/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../calendar/time.ts';
import { api } from '../test-api.ts';
import { secondInstance, startTestService, type TestService } from '../test-support.ts';

let service: TestService;
let other: Awaited<ReturnType<typeof secondInstance>>;
let given: ReturnType<typeof api>;
beforeAll(async () => {
  service = await startTestService('month_cache');
  other = await secondInstance(service);
  given = api(service);
});
afterAll(async () => {
  await other?.close();
  await service?.close();
});

const hour = 3_600_000;
type App = TestService['app'];
type Reader = Parameters<TestService['auth']>[0] | DevUser;
interface Month {
  sessions: { sessionId: string; start: string; status: string }[];
}

const monthOfInstant = (instant: string) =>
  localDateOf(instant, service.module.mediation.policy.timeZone).slice(0, 7);
async function read(app: App, month: string, reader: Reader = 'office-manager', headers = {}) {
  const authorization = `Bearer ${await service.issuer.sign(reader)}`;
  return app.inject({
    method: 'GET',
    url: `/offices/office-75-bav/calendar?month=${month}`,
    headers: { authorization, ...headers },
  });
}
const sessionsOf = async (app: App, month: string, reader?: Reader) => {
  const response = await read(app, month, reader);
  expect(response.statusCode).toBe(200);
  return (response.json() as Month).sessions;
};
async function on(app: App, url: string, payload: object) {
  const response = await app.inject({
    method: 'POST',
    url,
    headers: await service.auth('mediator'),
    payload,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { created?: string };
}

describe('the office month from the cache', () => {
  it('shows a booking, a reschedule and a cancel at once on both instances, whichever made them', async () => {
    const [mediatorId, roomId] = [await given.mediator(), await given.room()];
    const mandateId = await given.mandate();
    const victim = await given.party(mandateId, 'victim', 'Vic');
    const slot = given.slot(mediatorId, roomId, [victim], 26 * hour, hour);
    const month = monthOfInstant(slot.start);
    // Both instances have the month before the booking.
    for (const app of [service.app, other.app]) await sessionsOf(app, month);

    const { created: sessionId } = await on(service.app, `/mandates/${mandateId}/sessions`, {
      kind: 'individual',
      ...slot,
    });
    for (const app of [other.app, service.app])
      expect((await sessionsOf(app, month)).map((s) => s.sessionId)).toContain(sessionId);

    const later = given.slot(mediatorId, roomId, [victim], 28 * hour, hour);
    await on(other.app, `/mandates/${mandateId}/sessions/${sessionId}/reschedule`, later);
    for (const app of [service.app, other.app]) {
      const moved = (await sessionsOf(app, monthOfInstant(later.start))).find(
        (s) => s.sessionId === sessionId,
      );
      expect(moved?.start).toBe(later.start);
      // The month it left, should it be another one.
      const left = await sessionsOf(app, month);
      expect(left.filter((s) => s.sessionId === sessionId && s.start === slot.start)).toEqual([]);
    }

    await on(service.app, `/mandates/${mandateId}/sessions/${sessionId}/cancel`, { reason: 'other' });
    for (const app of [other.app, service.app])
      expect((await sessionsOf(app, monthOfInstant(later.start))).map((s) => s.sessionId)).not.toContain(
        sessionId,
      );
  });

  it('answers an unchanged month with 304 on either instance, in JSON or gzip', async () => {
    const [mediatorId, roomId] = [await given.mediator(), await given.room()];
    const mandateId = await given.mandate();
    const victim = await given.party(mandateId, 'victim', 'Vic');
    const slot = given.slot(mediatorId, roomId, [victim], 30 * hour, hour);
    const month = monthOfInstant(slot.start);
    await given.ok('mediator', `/mandates/${mandateId}/sessions`, { kind: 'individual', ...slot });

    const plain = await read(service.app, month);
    const etag = plain.headers['etag'] as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    // The other instance built the same month: the same bytes, the same tag.
    expect((await read(other.app, month, 'office-manager', { 'if-none-match': etag })).statusCode).toBe(304);

    const zipped = await read(other.app, month, 'office-manager', { 'accept-encoding': 'br, gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['etag']).toBe(`W/${etag}`);
    expect(zipped.headers['vary']).toContain('accept-encoding');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
    const again = await read(service.app, month, 'office-manager', {
      'accept-encoding': 'gzip',
      'if-none-match': `W/${etag}`,
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const refused = await read(service.app, month, 'office-manager', { 'accept-encoding': 'gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();

    // A change through one instance: the other's tag for the month is no longer current.
    await given.ok('association-manager', `/mediators/${mediatorId}/name`, { name: 'Claire Renamed' });
    const renamed = await read(other.app, month, 'office-manager', { 'if-none-match': etag });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().mediators).toContainEqual({ mediatorId, name: 'Claire Renamed' });
  });

  it('shows each reader only the associations they may see, whoever asked first', async () => {
    const [mediatorId, roomId] = [await given.mediator(), await given.room()];
    const mandateId = await given.mandate();
    const victim = await given.party(mandateId, 'victim', 'Vic');
    const slot = given.slot(mediatorId, roomId, [victim], 34 * hour, hour);
    const month = monthOfInstant(slot.start);
    const { created } = await given.ok('mediator', `/mandates/${mandateId}/sessions`, {
      kind: 'individual',
      ...slot,
    });
    const ids = async (reader: Reader) =>
      (await sessionsOf(service.app, month, reader)).map((s) => s.sessionId);
    expect(await ids('office-manager')).toContain(created);
    // Another association's office manager, after the month was built for asso-75's.
    const lyon: DevUser = {
      sub: 'dev-office-manager-69',
      name: 'Léa Lyon',
      roles: ['office-manager'],
      association: 'asso-69',
      office: 'office-69-lyon',
    };
    expect(await ids(lyon)).toEqual([]);
    const national: DevUser = { sub: 'dev-auditor-national', name: 'Nadia National', roles: ['auditor'] };
    expect(await ids(national)).toContain(created);
    expect(await ids(lyon)).toEqual([]);
  });

  it('gives the office’s months a new version when its rooms change (the month names them)', async () => {
    const versions = () =>
      service.module.db.query<{ version: string }>(
        `SELECT version::text FROM mediation_calendar_versions WHERE office_id = 'office-75-bav' ORDER BY month, association_id, shard`,
      );
    const before = await versions();
    expect(before.length).toBeGreaterThan(0);
    const roomId = await given.room();
    await given.ok('office-manager', `/offices/office-75-bav/rooms/${roomId}/close`, {});
    const after = await versions();
    expect(after).toHaveLength(before.length);
    after.forEach(({ version }, i) => {
      expect(BigInt(version)).toBeGreaterThan(BigInt(before[i]!.version));
    });
  });
});
