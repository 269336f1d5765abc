import type { DevUser, DevUserName } from '@parcours/service-kit';
import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileView } from './files/schemas.ts';
import { CallAdviceView } from './files/view-schemas.ts';
import { commissariat } from './test-events.ts';
import { openedFile, startTestService, type TestService } from './test-support.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('api');
});
afterAll(async () => {
  await service?.close();
});

type User = DevUserName | DevUser;
/** People the dev issuer does not have: a caseworker and a manager of another office of asso-75. */
const colleague: DevUser = {
  sub: 'dev-colleague',
  name: 'Colin Colleague',
  roles: ['caseworker'],
  association: 'asso-75',
  office: commissariat.officeId,
};
const otherManager: DevUser = { ...colleague, sub: 'dev-other-manager', roles: ['office-manager'] };

const call = async (method: 'GET' | 'POST' | 'PUT', url: string, user: User, payload?: object) =>
  service.app.inject({ method, url, headers: await service.auth(user), ...(payload ? { payload } : {}) });
const post = (url: string, user: User, payload?: object) => call('POST', url, user, payload);

const action = (overrides: object = {}) => ({
  kind: 'legal-information',
  on: new Date(Date.now() - 3_600_000).toISOString(),
  durationMinutes: 45,
  channel: 'phone',
  staffIds: ['dev-caseworker'],
  note: 'Explained how to file a complaint.',
  ...overrides,
});

describe('roster and assignment', () => {
  it('the office manager keeps the roster; assignment follows it and the capacity', async () => {
    const roster = '/offices/office-75-bav/roster';
    expect(
      (await call('PUT', `${roster}/dev-caseworker`, 'caseworker', { role: 'jurist', capacity: 1 }))
        .statusCode,
    ).toBe(403);
    const put = await call('PUT', `${roster}/dev-caseworker`, 'office-manager', {
      role: 'jurist',
      capacity: 1,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().staff).toEqual([{ staffId: 'dev-caseworker', role: 'jurist', capacity: 1 }]);
    expect((await call('GET', roster, 'caseworker-69')).statusCode).toBe(403);

    const [first, second] = [await openedFile(service), await openedFile(service)];
    const notOnRoster = await post(`/files/${first}/assign`, 'office-manager', { caseworkerId: 'nobody' });
    expect(notOnRoster.json()).toMatchObject({ status: 422, code: 'not_on_roster' });
    const assigned = await post(`/files/${first}/assign`, 'caseworker', { caseworkerId: 'dev-caseworker' });
    expect(assigned.json()).toMatchObject({ events: ['FileAssigned'] });
    const over = await post(`/files/${second}/assign`, 'caseworker', { caseworkerId: 'dev-caseworker' });
    expect(over.json()).toMatchObject({ status: 409, code: 'caseworker_over_capacity' });
    const forcedByCaseworker = await post(`/files/${second}/assign`, 'caseworker', {
      caseworkerId: 'dev-caseworker',
      force: true,
    });
    expect(forcedByCaseworker.json()).toMatchObject({ status: 403, code: 'force_needs_manager' });
    const forced = await post(`/files/${second}/assign`, 'office-manager', {
      caseworkerId: 'dev-caseworker',
      force: true,
    });
    expect(forced.statusCode).toBe(200);

    const caseload = await call('GET', '/offices/office-75-bav/caseload', 'office-manager');
    expect(caseload.json().caseworkers).toEqual([
      { staffId: 'dev-caseworker', role: 'jurist', capacity: 1, openFiles: 2, overCapacity: true },
    ]);
    const mine = await call('GET', '/files?caseworkerId=dev-caseworker', 'caseworker');
    expect(mine.json().total).toBe(2);
    const leaving = await post(`${roster}/dev-caseworker/remove`, 'office-manager');
    expect(leaving.json()).toMatchObject({ status: 409, code: 'staff_has_open_files' });
  });
});

describe('who may work on a file (role × own office / other office / other association)', () => {
  it('records a support action only for the association’s staff, the note encrypted', async () => {
    const fileId = await openedFile(service);
    const matrix: [User, number][] = [
      ['caseworker', 200],
      [colleague, 200],
      ['office-manager', 200],
      ['association-manager', 200],
      [otherManager, 403],
      ['caseworker-69', 403],
      ['helpline', 403],
      ['auditor', 403],
      ['mediator', 403],
      ['admin', 403],
    ];
    for (const [user, status] of matrix) {
      const res = await post(`/files/${fileId}/actions`, user, action());
      expect(res.statusCode, typeof user === 'string' ? user : user.sub).toBe(status);
    }
    const [stored] = await service.module.db.query<{ note: { ct: string } }>(
      'SELECT note FROM followup_actions WHERE file_id = $1 LIMIT 1',
      [fileId],
    );
    expect(JSON.stringify(stored!.note)).not.toContain('complaint');
    const read = await call('GET', `/files/${fileId}`, 'caseworker');
    expect(read.json().actions).toHaveLength(4);
    expect(read.json().actions[0]).toMatchObject({
      kind: 'legal-information',
      note: 'Explained how to file a complaint.',
    });
    const orientation = await post(`/files/${fileId}/actions`, 'caseworker', action({ kind: 'orientation' }));
    expect(orientation.json()).toMatchObject({ status: 422, code: 'action_orientation_required' });
  });
});

describe('reaching out safely', () => {
  it('refuses a number not allowed and a voicemail when forbidden, naming the rule', async () => {
    // The intake flagged a safe number and no voicemail (test-events.ts).
    const fileId = await openedFile(service);
    const other = await post(`/files/${fileId}/contact-attempts`, 'caseworker', {
      channel: 'phone',
      number: 'other',
    });
    expect(other.json()).toMatchObject({ status: 409, code: 'safe_number_only' });
    const safe = await post(`/files/${fileId}/contact-attempts`, 'caseworker', {
      channel: 'phone',
      number: 'safe',
    });
    expect(safe.statusCode).toBe(200);
    const end = `/files/${fileId}/contact-attempts/${safe.json().id}/end`;
    const voicemail = await post(end, 'caseworker', { answered: false, voicemailLeft: true });
    expect(voicemail.json()).toMatchObject({ status: 409, code: 'voicemail_forbidden' });
    expect((await post(end, 'caseworker', { answered: false, voicemailLeft: false })).statusCode).toBe(200);
    const early = await post(`/files/${fileId}/closure`, 'caseworker', { reason: 'unreachable' });
    expect(early.json()).toMatchObject({ status: 409, code: 'unreachable_too_early' });
  });

  it('refuses every call while the safe hours are flagged and not recorded, then only within them', async () => {
    const fileId = await openedFile(service, undefined, {
      safeContact: { safeNumber: false, safeHours: true, noVoicemail: false, throughThirdParty: false },
    });
    const attempt = () =>
      post(`/files/${fileId}/contact-attempts`, 'caseworker', { channel: 'phone', number: 'other' });
    expect((await attempt()).json()).toMatchObject({ status: 409, code: 'safe_hours_not_set' });
    const never = { days: [1], from: '00:00', to: '00:01' };
    const set = await post(`/files/${fileId}/safe-contact`, 'caseworker', {
      safeNumber: false,
      safeHours: true,
      noVoicemail: false,
      throughThirdParty: false,
      windows: [never],
    });
    expect(set.statusCode).toBe(200);
    expect((await attempt()).json()).toMatchObject({ status: 409, code: 'outside_safe_hours' });
    const advice = await call('GET', `/files/${fileId}/may-call-now`, 'caseworker');
    expect(advice.json()).toMatchObject({ allowed: false });
  });
});

describe('closure, reopening and mediation', () => {
  it('a closure with a hearing ahead waits for the office manager; a closed file reopens', async () => {
    const fileId = await openedFile(service);
    const hearing = await post(`/files/${fileId}/hearings`, 'caseworker', {
      court: 'tj-paris',
      chamber: '10e chambre correctionnelle',
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      accompanimentPlanned: true,
    });
    expect(hearing.json().events).toEqual(['HearingScheduled']);
    const requested = await post(`/files/${fileId}/closure`, 'caseworker', { reason: 'support-completed' });
    expect(requested.json()).toMatchObject({ status: 'closure-requested', events: ['ClosureRequested'] });
    expect((await post(`/files/${fileId}/closure/approve`, 'caseworker')).statusCode).toBe(403);
    expect((await post(`/files/${fileId}/closure/approve`, otherManager)).statusCode).toBe(403);
    const approved = await post(`/files/${fileId}/closure/approve`, 'office-manager');
    expect(approved.json()).toMatchObject({ status: 'closed', events: ['FileClosed'] });
    const closed = await post(`/files/${fileId}/actions`, 'caseworker', action());
    expect(closed.json()).toMatchObject({ status: 409, code: 'file_closed' });
    const reopened = await post(`/files/${fileId}/reopen`, 'caseworker', {
      reason: 'The victim called back.',
    });
    expect(reopened.json()).toMatchObject({ status: 'open' });
    const read = await call('GET', `/files/${fileId}`, 'caseworker');
    // The hearing made its accompaniment task (a reaction, in the same transaction).
    expect(Object.values(read.json().tasks.tasks)).toMatchObject([
      { kind: 'accompany-hearing', status: 'open' },
    ]);
  });

  it('a mediation needs the victim’s consent, and leaves on followup.events.v1 with the envelope only', async () => {
    const fileId = await openedFile(service);
    const refused = await post(`/files/${fileId}/mediation-request`, 'caseworker', { victimConsents: false });
    expect(refused.json()).toMatchObject({ status: 422, code: 'mediation_consent_required' });
    const requested = await post(`/files/${fileId}/mediation-request`, 'caseworker', {
      victimConsents: true,
    });
    expect(requested.statusCode).toBe(200);
    const [row] = await service.module.db.query<{ event: { type: string; data: Record<string, unknown> } }>(
      `SELECT event FROM es_outbox WHERE event->>'type' = 'fr.parcours.followup.mediation-requested.v1'`,
    );
    expect(row?.event.data).toMatchObject({
      fileId,
      mediationRequestId: requested.json().id,
      victimConsent: true,
    });
    expect(JSON.stringify(row?.event.data)).not.toContain('Amina');
  });
});

describe('GET /files/{fileId}', () => {
  it('answers every part as its published schema says, without the EVVI opinion’s envelope', async () => {
    const fileId = await openedFile(service);
    const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const steps: [string, object][] = [
      ['actions', action()],
      ['contact-attempts', { channel: 'phone', number: 'safe' }],
      ['complaint', { filedOn: '2026-01-10', with: 'police', offenceOn: '2026-01-09' }],
      ['prosecution', { decision: 'prosecution', decidedOn: '2026-03-01' }],
      ['hearings', { court: 'tj-paris', chamber: '10e', startsAt: later(30), accompanimentPlanned: false }],
      [
        'judgments',
        {
          court: 'tj-paris',
          on: '2026-06-01',
          final: true,
          finalOn: '2026-07-01',
          civilParty: true,
          awardCents: 150_000,
        },
      ],
      [
        'appointments',
        { startsAt: later(3), durationMinutes: 30, channel: 'video', staffId: 'dev-caseworker' },
      ],
      ['evvi/requests', { requestedBy: 'prosecutor', dueOn: '2027-03-01' }],
      [
        'evvi/versions',
        {
          criteria: {
            harm: { physical: 'minor', psychological: 'serious', material: 'none' },
            circumstances: { discriminatoryMotive: false, sexistMotive: false, linkWithAuthor: 'stranger' },
            personal: { minor: false, elderly: false, pregnancy: false, disability: false },
            riskOfIntimidationOrReprisals: false,
            coerciveControl: false,
          },
          level: 'moderate',
          measures: [],
          opinion: 'Avis confidentiel.',
        },
      ],
      ['mediation-request', { victimConsents: true }],
    ];
    for (const [path, body] of steps) {
      expect((await post(`/files/${fileId}/${path}`, 'caseworker', body)).statusCode, path).toBe(200);
    }
    const read = await call('GET', `/files/${fileId}`, 'caseworker');
    expect(read.statusCode).toBe(200);
    const view = read.json();
    expect([...Value.Errors(FileView, view)].map((e) => `${e.path} ${e.message}`)).toEqual([]);
    expect(Object.keys(view.compensation).length).toBeGreaterThan(0);
    expect(Object.values(view.procedure.judgments)).toMatchObject([{ final: true, civilParty: true }]);
    expect(view.evvi.versions).toMatchObject([{ version: 1, level: 'moderate' }]);
    expect(view.evvi.versions[0].opinion).toBeUndefined();
    expect(read.body).not.toContain('Avis confidentiel');
    expect(view.mediation).toMatchObject({ open: true });
    const advice = await call('GET', `/files/${fileId}/may-call-now`, 'caseworker');
    expect([...Value.Errors(CallAdviceView, advice.json())]).toEqual([]);
  });
});
