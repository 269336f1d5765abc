// Over 300 lines: the intake API end to end on one service instance (its boot costs seconds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helplineCall, startTestService, type TestService } from '../test-support.ts';
import { walkInBody } from './test-builders.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('api');
});
afterAll(async () => {
  await service?.close();
});

const post = async (url: string, user: Parameters<TestService['auth']>[0], payload: unknown, headers = {}) =>
  service.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: { ...(await service.auth(user)), ...headers },
  });
const get = async (url: string, user: Parameters<TestService['auth']>[0]) =>
  service.app.inject({ method: 'GET', url, headers: await service.auth(user) });

describe('intake API', () => {
  it('records a helpline call, oriented at once, and reads it back decrypted with an access-log entry', async () => {
    const res = await post('/intakes/helpline-calls', 'helpline', helplineCall());
    expect(res.statusCode).toBe(201);
    const { intakeId, status, events } = res.json();
    expect(status).toBe('ready');
    expect(events).toEqual(['IntakeRecorded', 'IntakeReadyForOrientation']);

    const read = await service.app.inject({
      method: 'GET',
      url: `/intakes/${intakeId}?purpose=callback`,
      headers: await service.auth('helpline'),
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      intakeId,
      status: 'ready',
      personal: {
        identity: { lastName: 'Lefèvre', firstName: 'Élodie' },
        contact: { phone: '+33 6 12 34 56 78' },
      },
      profile: { ageBand: '30-44', offenceCategory: 'couple-violence' },
      details: { channel: 'helpline', outcome: 'orientation' },
    });
    const log = await get(`/intakes/${intakeId}/access-log`, 'admin');
    expect(log.json().items).toEqual([
      { actor: 'dev-helpline', at: expect.any(String), purpose: 'callback' },
    ]);

    // Stored events hold no name in clear.
    const rows = await service.module.db.query<{ data: unknown }>('SELECT data FROM es_events');
    const stored = JSON.stringify(rows);
    for (const clear of ['Lefèvre', 'Élodie', '12 34 56 78', 'Roquette', '1990-04-12', 'Threatened']) {
      expect(stored).not.toContain(clear);
    }
  });

  it('records an anonymous call from a relative that needs a callback, and queues the callback', async () => {
    const res = await post(
      '/intakes/helpline-calls',
      'helpline',
      helplineCall({
        anonymous: true,
        caller: 'relative',
        outcome: 'callback-needed',
        personal: { narrative: 'Neighbour worried' },
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('open');
    await service.catchUp();
    const queue = await get('/callbacks', 'helpline');
    expect(queue.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ intakeId: res.json().intakeId, source: 'helpline-call' }),
      ]),
    );
  });

  it('answers 400 problem+json naming every invalid field', async () => {
    const body = helplineCall({ outcome: 'maybe' }) as Record<string, any>;
    body['profile'] = {
      ...body['profile'],
      offenceCategory: 'murder',
      urgency: 'asap',
      residence: { countryCode: 'France' },
    };
    const res = await post('/intakes/helpline-calls', 'helpline', body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        '/body/outcome',
        '/body/profile/offenceCategory',
        '/body/profile/urgency',
        '/body/profile/residence/countryCode',
      ]),
    );
  });

  it('needs a token (401) and the helpline role to record a call (403)', async () => {
    const anonymous = await service.app.inject({
      method: 'POST',
      url: '/intakes/helpline-calls',
      payload: helplineCall(),
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const analyst = await post('/intakes/helpline-calls', 'federation-analyst', helplineCall());
    expect(analyst.statusCode).toBe(403);
    expect(analyst.json().code).toBe('role_not_allowed');
  });

  it('lets a caseworker record a walk-in for their own office only; an unknown office is a 422', async () => {
    const own = await post('/intakes/walk-ins', 'caseworker', walkInBody());
    expect(own.statusCode).toBe(201);
    expect(own.json().status).toBe('ready');
    const other = await post(
      '/intakes/walk-ins',
      'caseworker',
      walkInBody('office-75-hopital-hegp', 'hospital'),
    );
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('office_out_of_scope');
    const otherAssociation = await post('/intakes/walk-ins', 'caseworker-69', walkInBody());
    expect(otherAssociation.statusCode).toBe(403);
    const unknown = await post('/intakes/walk-ins', 'caseworker', walkInBody('office-nowhere'));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'unknown_office', errors: [{ field: '/body/officeId' }] });
    const helpline = await post('/intakes/walk-ins', 'helpline', walkInBody());
    expect(helpline.statusCode).toBe(403);
  });

  it('keeps a walk-in within its association: another association cannot read it', async () => {
    const { intakeId } = (await post('/intakes/walk-ins', 'caseworker', walkInBody())).json();
    expect((await get(`/intakes/${intakeId}`, 'office-manager')).statusCode).toBe(200);
    const lyon = await get(`/intakes/${intakeId}`, 'caseworker-69');
    expect(lyon.statusCode).toBe(403);
    expect(lyon.json().code).toBe('intake_out_of_scope');
    expect((await get(`/intakes/${intakeId}`, 'federation-analyst')).statusCode).toBe(403);
  });

  it('records requisitions and partner intakes; an unknown agreement is a 422', async () => {
    const base = { profile: helplineCall().profile, personal: helplineCall().personal };
    const requisition = await post('/intakes/requisitions', 'caseworker', {
      ...base,
      prosecutorReference: 'PARQUET-75-2025-1',
      court: 'TJ Paris',
      dueDate: '2999-01-01',
      evviRequested: true,
    });
    expect(requisition.statusCode).toBe(201);
    const partner = {
      ...base,
      agreementId: 'agr-bank-2024',
      employer: 'Banque Exemple',
      attackedAtWork: true,
    };
    expect((await post('/intakes/partner-intakes', 'helpline', partner)).statusCode).toBe(201);
    const unknown = await post('/intakes/partner-intakes', 'helpline', {
      ...partner,
      agreementId: 'agr-none',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('unknown_agreement');
  });

  it('overrides a missing consent with a reason, which orients the intake', async () => {
    const body = helplineCall();
    (body.profile as any).consent = { services: false, sharing: false };
    const { intakeId, status } = (await post('/intakes/helpline-calls', 'helpline', body)).json();
    expect(status).toBe('open');
    const noReason = await post(`/intakes/${intakeId}/consent-override`, 'helpline', {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('/body/reason');
    const overridden = await post(`/intakes/${intakeId}/consent-override`, 'helpline', {
      reason: 'Minor in danger',
    });
    expect(overridden.json()).toMatchObject({
      status: 'ready',
      events: ['ConsentOverridden', 'IntakeReadyForOrientation'],
    });
    const read = await get(`/intakes/${intakeId}`, 'helpline');
    expect(read.json().consentOverride).toMatchObject({ reason: 'Minor in danger', by: 'dev-helpline' });
  });

  it('replays a POST with the same Idempotency-Key instead of recording twice', async () => {
    const headers = { 'idempotency-key': `k-${Date.now()}` };
    const first = await post('/intakes/helpline-calls', 'helpline', helplineCall(), headers);
    const second = await post('/intakes/helpline-calls', 'helpline', helplineCall(), headers);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().intakeId).toBe(first.json().intakeId);
  });

  it('answers a retry after a crash between the commit and the key completed with the intake already recorded', async () => {
    const key = `crash-${Date.now()}`;
    const first = await post('/intakes/helpline-calls', 'helpline', helplineCall(), {
      'idempotency-key': key,
    });
    expect(first.statusCode).toBe(201);
    // The instance died after its commit and before Redis kept the answer: the claim expired, the key is unknown.
    const stored = await service.app.redis.keys(`*:idempotency:*:${key}`);
    expect(stored).toHaveLength(1);
    await service.app.redis.del(...stored);

    const retry = await post('/intakes/helpline-calls', 'helpline', helplineCall(), {
      'idempotency-key': key,
    });
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
  });

  it('lists intakes with pagination and search, without identities, scoped for managers', async () => {
    await post(
      '/intakes/helpline-calls',
      'helpline',
      helplineCall({ profile: { ...helplineCall().profile, offenceCategory: 'burglary' } }),
    );
    await service.catchUp();
    const page = await get('/intakes?limit=2&offset=0', 'helpline');
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(2);
    expect(page.json().total).toBeGreaterThan(2);
    expect(JSON.stringify(page.json())).not.toContain('Lefèvre');
    const burglaries = await get('/intakes?offenceCategory=burglary', 'helpline');
    expect(burglaries.json().items.map((i: { offenceCategory: string }) => i.offenceCategory)).toEqual([
      'burglary',
    ]);
    const byName = await get(
      '/intakes?lastName=LEFEVRE&firstName=elodie&birthDate=1990-04-12&communeCode=75111&status=ready',
      'helpline',
    );
    expect(byName.json().total).toBeGreaterThan(1);
    const manager = await get('/intakes', 'office-manager');
    expect(manager.json().items.every((i: { associationId: string }) => i.associationId === 'asso-75')).toBe(
      true,
    );
    expect((await get('/intakes?limit=1000', 'helpline')).statusCode).toBe(400);
    expect((await get('/intakes', 'caseworker')).statusCode).toBe(403);
  });

  it("erases a victim's personal data on a DPO's request: unreadable everywhere, the intake still counted", async () => {
    const recorded = await post('/intakes/walk-ins', 'caseworker', walkInBody());
    const { intakeId } = recorded.json();
    const before = await get(`/intakes/${intakeId}`, 'caseworker');
    expect(before.json().personal.identity).toEqual({ lastName: 'Lefèvre', firstName: 'Élodie' });
    const state = await service.module.intakes.load(intakeId);
    if (state.status === 'none') throw new Error('the walk-in was not recorded');
    const { victimId } = state.intake;

    // A caseworker may not; the association's DPO may; a second request is a clear 409.
    const request = { reason: 'Art. 17 request received by letter on 2026-11-20' };
    expect((await post(`/intakes/${intakeId}/erasure`, 'caseworker', request)).statusCode).toBe(403);
    const bad = await post(`/intakes/${intakeId}/erasure`, 'auditor', { reason: '' });
    expect(bad.statusCode).toBe(400);
    const erased = await post(`/intakes/${intakeId}/erasure`, 'auditor', request);
    expect(erased.statusCode).toBe(200);
    expect(erased.json().events).toEqual(['PersonalDataErased']);
    const again = await post(`/intakes/${intakeId}/erasure`, 'auditor', request);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().code).toBe('personal_data_erased');

    const after = await get(`/intakes/${intakeId}`, 'caseworker');
    expect(after.json()).toMatchObject({
      intakeId,
      personal: null,
      personalErased: true,
      profile: { offenceCategory: 'couple-violence' },
    });
    expect(await service.module.keys.isErased(victimId)).toBe(true);
    // The IntakeRecorded event's envelope is there, and nobody can open it any more.
    const [stored] = await service.module.store.readStream(`intake-${intakeId}`);
    const envelope = (stored!.data as { personal: Parameters<TestService['module']['keys']['decrypt']>[0] })
      .personal;
    expect(await service.module.keys.tryDecrypt(envelope)).toBeNull();
    await service.catchUp();
    const [summary] = await service.module.db.query<{ match_key: string | null }>(
      'SELECT match_key FROM intake_summaries WHERE intake_id = $1',
      [intakeId],
    );
    expect(summary).toEqual({ match_key: null });

    // A helpline intake is the national platform's: an association's DPO cannot erase it, an admin can.
    const call = (await post('/intakes/helpline-calls', 'helpline', helplineCall())).json().intakeId;
    expect((await post(`/intakes/${call}/erasure`, 'auditor', request)).statusCode).toBe(403);
    expect((await post(`/intakes/${call}/erasure`, 'admin', request)).statusCode).toBe(200);
  });

  it("shows an intake's access log within its scope only", async () => {
    const walkIn = (await post('/intakes/walk-ins', 'caseworker', walkInBody())).json().intakeId;
    const call = (await post('/intakes/helpline-calls', 'helpline', helplineCall())).json().intakeId;
    expect((await get(`/intakes/${walkIn}/access-log`, 'association-manager')).statusCode).toBe(200);
    const national = await get(`/intakes/${call}/access-log`, 'association-manager');
    expect(national.statusCode).toBe(403);
    expect(national.json().code).toBe('intake_out_of_scope');
    expect((await get(`/intakes/${call}/access-log`, 'admin')).statusCode).toBe(200);
    expect((await get(`/intakes/${call}/access-log`, 'caseworker')).json().code).toBe('role_not_allowed');
  });

  it('finds the commune of a postcode only one commune uses; answers the candidates of a shared one', async () => {
    const residence = (r: object) => ({ profile: { ...helplineCall().profile, residence: r } });
    const valence = await post(
      '/intakes/helpline-calls',
      'helpline',
      helplineCall(residence({ countryCode: 'FR', postcode: '26000' })),
    );
    expect(valence.statusCode).toBe(201);
    expect(valence.json()).toMatchObject({ status: 'ready', missingForOrientation: [] });
    const read = await get(`/intakes/${valence.json().intakeId}`, 'helpline');
    expect(read.json().profile.residence).toEqual({
      countryCode: 'FR',
      postcode: '26000',
      communeCode: '26362',
    });

    const corsica = await post(
      '/intakes/helpline-calls',
      'helpline',
      helplineCall(residence({ countryCode: 'FR', postcode: '20200' })),
    );
    expect(corsica.statusCode).toBe(201);
    expect(corsica.json()).toMatchObject({
      status: 'open',
      missingForOrientation: ['residence.communeCode'],
    });
    expect(corsica.json().communeCandidates).toEqual(
      expect.arrayContaining([{ code: '2B033', name: 'Bastia' }]),
    );
  });

  it('corrects the residence of an intake recorded without its commune, which then becomes ready', async () => {
    const profile = { ...helplineCall().profile, residence: { countryCode: 'FR', postcode: '20200' } };
    const { intakeId } = (
      await post('/intakes/helpline-calls', 'helpline', helplineCall({ profile }))
    ).json();
    const wrong = await post(`/intakes/${intakeId}/profile-corrections`, 'helpline', {
      residence: { countryCode: 'FR', postcode: '2A000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ field: '/body/residence/postcode' })]);
    expect((await post(`/intakes/${intakeId}/profile-corrections`, 'helpline', {})).statusCode).toBe(400);

    const corrected = await post(`/intakes/${intakeId}/profile-corrections`, 'helpline', {
      residence: { countryCode: 'FR', postcode: '20200', communeCode: '2B033' },
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({
      status: 'ready',
      events: ['IntakeProfileCorrected', 'IntakeReadyForOrientation'],
      missingForOrientation: [],
    });
    const again = await post(`/intakes/${intakeId}/profile-corrections`, 'helpline', { urgency: 'low' });
    expect(again.statusCode).toBe(409);
    // The corrected commune completes the match key: the intake now finds its duplicates by name.
    await service.catchUp();
    const byName = await get(
      '/intakes?lastName=Lefevre&firstName=Elodie&birthDate=1990-04-12&communeCode=2B033',
      'helpline',
    );
    expect(byName.json().items.map((i: { intakeId: string }) => i.intakeId)).toContain(intakeId);
  });

  it('waits to orient a couple’s violence until the link with the author says which couple', async () => {
    const { authorLink: _, ...unsaid } = helplineCall().profile;
    const recorded = await post('/intakes/helpline-calls', 'helpline', helplineCall({ profile: unsaid }));
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ status: 'open', missingForOrientation: ['authorLink'] });
    const { intakeId } = recorded.json();
    const waiting = await get(`/intakes/${intakeId}`, 'helpline');
    expect(waiting.json()).toMatchObject({ status: 'open', missingForOrientation: ['authorLink'] });

    const bad = await post(`/intakes/${intakeId}/profile-corrections`, 'helpline', { authorLink: 'ex' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: '/body/authorLink' })]);
    const family = await post(`/intakes/${intakeId}/profile-corrections`, 'helpline', {
      authorLink: 'family',
    });
    expect(family.json()).toMatchObject({ status: 'open', missingForOrientation: ['authorLink'] });

    const corrected = await post(`/intakes/${intakeId}/profile-corrections`, 'helpline', {
      authorLink: 'former-partner',
    });
    expect(corrected.json()).toMatchObject({
      status: 'ready',
      events: ['IntakeProfileCorrected', 'IntakeReadyForOrientation'],
    });
    const read = await get(`/intakes/${intakeId}`, 'helpline');
    expect(read.json()).toMatchObject({ status: 'ready', missingForOrientation: [] });
    expect(read.json().profile).toMatchObject({
      offenceCategory: 'couple-violence',
      authorLink: 'former-partner',
    });

    // The intakes to complete: the open ones meant to be oriented, not a call closed with a callback.
    const toOrient = (
      await post('/intakes/helpline-calls', 'helpline', helplineCall({ profile: unsaid }))
    ).json();
    const callback = (
      await post('/intakes/helpline-calls', 'helpline', helplineCall({ outcome: 'callback-needed' }))
    ).json();
    expect(callback.status).toBe('open');
    await service.catchUp();
    const toComplete = await get('/intakes?status=open&awaiting=orientation&limit=200', 'helpline');
    const ids = toComplete.json().items.map((i: { intakeId: string }) => i.intakeId);
    expect(ids).toContain(toOrient.intakeId);
    expect(ids).not.toContain(callback.intakeId);
    const allOpen = await get('/intakes?status=open&limit=200', 'helpline');
    expect(allOpen.json().items.map((i: { intakeId: string }) => i.intakeId)).toContain(callback.intakeId);
    expect((await get('/intakes?awaiting=callback', 'helpline')).statusCode).toBe(400);
  });

  it('refuses a malformed postcode as a 400 naming the field, recording nothing', async () => {
    for (const postcode of ['2A000', '00000', '99999']) {
      const res = await post(
        '/intakes/helpline-calls',
        'helpline',
        helplineCall({ profile: { ...helplineCall().profile, residence: { countryCode: 'FR', postcode } } }),
      );
      expect(res.statusCode, postcode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'invalid_postcode',
        errors: [{ field: '/body/profile/residence/postcode' }],
      });
    }
  });

  it('finds communes by name or postcode for the picker', async () => {
    const byName = await get('/communes?q=bastia', 'helpline');
    expect(byName.statusCode).toBe(200);
    expect(byName.json().items[0]).toMatchObject({
      code: '2B033',
      name: 'Bastia',
      postcodes: expect.arrayContaining(['20200']),
    });
    const byPostcode = await get('/communes?q=97600&limit=50', 'caseworker');
    expect(byPostcode.json().items.length).toBeGreaterThan(1);
    expect((await get('/communes?q=b', 'helpline')).statusCode).toBe(400);
    expect((await get('/communes?q=bastia', 'auditor')).statusCode).toBe(403);
  });

  it('serves its OpenAPI document', async () => {
    const res = await service.app.inject({ method: 'GET', url: '/openapi.json' });
    if (res.statusCode === 200) expect(Object.keys(res.json().paths)).toContain('/intakes/helpline-calls');
  });
});
