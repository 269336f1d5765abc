import { randomUUID } from 'node:crypto';
import type { DevUser, DevUserName } from '@parcours/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commissariat } from '../test-events.ts';
import { openedFile, startTestService, type TestService } from '../test-support.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('mediation-read');
});
afterAll(async () => {
  await service?.close();
});

type User = DevUserName | DevUser;
const call = async (method: 'GET' | 'POST', url: string, user: User, payload?: object) =>
  service.app.inject({ method, url, headers: await service.auth(user), ...(payload ? { payload } : {}) });
/** A caseworker and an office manager of another office of asso-75; a mediator of asso-69. */
const colleague: DevUser = {
  sub: 'dev-colleague',
  name: 'Colin Colleague',
  roles: ['caseworker'],
  association: 'asso-75',
  office: commissariat.officeId,
};
const otherManager: DevUser = { ...colleague, sub: 'dev-other-manager', roles: ['office-manager'] };
const lyonMediator: DevUser = {
  sub: 'dev-lyon-mediator',
  name: 'Léa Mediator',
  roles: ['mediator'],
  association: 'asso-69',
};

/** The victim as intake writes them: a name, the usual phone, a safe number, an address, a narrative. */
const victim = {
  identity: { lastName: 'Testcase', firstName: 'Amina' },
  birthDate: '1990-04-02',
  contact: { phone: '+33600000001', email: 'amina@example.org', safeNumber: '+33600000002' },
  address: { lines: ['12 rue Secrète'], city: 'Paris' },
  narrative: 'Récit confidentiel.',
};

const logOf = (fileId: string) =>
  service.module.db.query<{ actor: string; purpose: string }>(
    `SELECT actor, purpose FROM es_access_log WHERE subject_kind = 'followup-file' AND subject_id = $1 ORDER BY id`,
    [fileId],
  );

describe('GET /files/{fileId}/for-mediation', () => {
  it('gives what a mediation needs over the role matrix, the mediator only once one is requested', async () => {
    const fileId = await openedFile(service, undefined, {
      personal: await service.module.keys.encrypt(randomUUID(), victim),
    });
    const url = `/files/${fileId}/for-mediation?purpose=mediation-preparation`;
    const post = (path: string, body: object) => call('POST', `/files/${fileId}/${path}`, 'caseworker', body);
    expect(
      (
        await post('actions', {
          kind: 'legal-information',
          on: new Date(Date.now() - 3_600_000).toISOString(),
          durationMinutes: 30,
          channel: 'phone',
          staffIds: ['dev-caseworker'],
          note: 'Note de suivi confidentielle.',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await post('complaint', { filedOn: '2026-01-10', with: 'police', reference: 'PV-2026-0042' }))
        .statusCode,
    ).toBe(200);

    // Before any mediation request, a mediator is refused, and nothing is logged for them.
    expect((await call('GET', url, 'mediator')).statusCode).toBe(403);
    const requested = await post('mediation-request', { victimConsents: true, court: 'tj-paris' });
    expect(requested.statusCode).toBe(200);

    const matrix: [User, number][] = [
      ['caseworker', 200],
      [colleague, 200],
      ['office-manager', 200],
      [otherManager, 403],
      ['association-manager', 200],
      ['auditor', 200],
      ['mediator', 200],
      [lyonMediator, 403],
      ['caseworker-69', 403],
      ['helpline', 403],
      ['federation-analyst', 403],
      ['admin', 403],
    ];
    for (const [user, status] of matrix) {
      const res = await call('GET', url, user);
      expect(res.statusCode, typeof user === 'string' ? user : user.sub).toBe(status);
    }
    const read = await call('GET', url, 'mediator');
    expect(read.json()).toEqual({
      fileId,
      caseId: expect.any(String),
      associationId: 'asso-75',
      officeId: 'office-75-bav',
      status: 'open',
      offenceCategory: 'physical-violence',
      // The intake flagged a safe number (test-events.ts): that number alone, not the usual ones.
      victim: { lastName: 'Testcase', firstName: 'Amina', phone: '+33600000002' },
      safeContact: {
        rules: { safeNumber: true, safeHours: false, noVoicemail: true, throughThirdParty: false },
        timeZone: 'Europe/Paris',
        number: 'safe',
      },
      procedure: { complaint: { filedOn: '2026-01-10', with: 'police', reference: 'PV-2026-0042' } },
      mediation: { mediationRequestId: requested.json().id, open: true, court: 'tj-paris' },
    });
    for (const secret of ['confidentiel', 'Secrète', '+33600000001', 'amina@example.org', '1990-04-02'])
      expect(read.body).not.toContain(secret);
    // The mediator's reads are logged, their refusal before the request is not.
    const log = await logOf(fileId);
    expect(log.filter((row) => row.actor === 'dev-mediator')).toEqual([
      { actor: 'dev-mediator', purpose: 'mediation: mediation-preparation' },
      { actor: 'dev-mediator', purpose: 'mediation: mediation-preparation' },
    ]);
    expect(log.some((row) => row.actor === 'dev-helpline' || row.actor === 'dev-lyon-mediator')).toBe(false);
    // The whole file stays closed to the mediator.
    expect((await call('GET', `/files/${fileId}`, 'mediator')).statusCode).toBe(403);
  });

  it('answers 404 for an unknown file and 400 naming a bad purpose', async () => {
    expect((await call('GET', '/files/not-a-file/for-mediation', 'caseworker')).statusCode).toBe(404);
    const bad = await call('GET', '/files/x/for-mediation?purpose=a', 'caseworker');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('purpose');
  });
});
