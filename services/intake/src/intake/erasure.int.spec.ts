import type { EncryptedEnvelope } from '@parcours/eventstore';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callbackStreamId, callerSubject } from '../callbacks/callback.ts';
import { helplineCall, startTestService, type TestService, walkInBody } from '../test-support.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('erasure');
});
afterAll(async () => {
  await service?.close();
});

const post = async (url: string, user: Parameters<TestService['auth']>[0], payload: object) =>
  service.app.inject({ method: 'POST', url, payload, headers: await service.auth(user) });
const keyCount = async () =>
  (await service.module.db.query<{ n: number }>('SELECT count(*)::int AS n FROM subject_keys'))[0]!.n;
const request = { reason: 'Art. 17 request received by letter on 2026-11-20' };

describe('erasure misses nothing', () => {
  it("erases a callback's number queued a moment before, without waiting for any read model", async () => {
    const { intakeId } = (await post('/intakes/helpline-calls', 'helpline', helplineCall())).json();
    const queued = await post('/callbacks', 'helpline', {
      source: 'voicemail',
      urgency: 'high',
      intakeId,
      contact: { phone: '+33 6 11 22 33 44' },
    });
    expect(queued.statusCode).toBe(201);
    const { taskId } = queued.json();
    // No catch-up: the callback queue's read model has not seen the task.
    const erased = await post(`/intakes/${intakeId}/erasure`, 'admin', request);
    expect(erased.statusCode).toBe(200);

    expect(await service.module.keys.isErased(callerSubject(taskId))).toBe(true);
    const [requested] = await service.module.store.readStream(callbackStreamId(taskId));
    const contact = (requested!.data as { contact: EncryptedEnvelope }).contact;
    expect(await service.module.keys.tryDecrypt(contact)).toBeNull();
    const [recorded] = await service.module.store.readStream(`intake-${intakeId}`);
    expect(
      await service.module.keys.tryDecrypt((recorded!.data as { personal: EncryptedEnvelope }).personal),
    ).toBeNull();
  });

  it('refuses a callback for an intake that does not exist, leaving no key', async () => {
    const before = await keyCount();
    const refused = await post('/callbacks', 'helpline', {
      source: 'voicemail',
      urgency: 'high',
      intakeId: '00000000-0000-4000-8000-000000000000',
      contact: { phone: '+33 6 11 22 33 44' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: '/body/intakeId' })]);
    expect(await keyCount()).toBe(before);
  });

  it('appends its event first; after a crash before the keys are deleted, the repeated request deletes them', async () => {
    const { intakeId } = (await post('/intakes/walk-ins', 'caseworker', walkInBody())).json();
    const state = await service.module.intakes.load(intakeId);
    if (state.status === 'none') throw new Error('the walk-in was not recorded');
    const { victimId } = state.intake;

    // The process "dies" between the event and the deletion of the keys.
    const erase = vi.spyOn(service.module.keys, 'erase').mockRejectedValueOnce(new Error('killed'));
    const crashed = await post(`/intakes/${intakeId}/erasure`, 'auditor', request);
    expect(crashed.statusCode).toBe(500);
    erase.mockRestore();
    const events = await service.module.store.readStream(`intake-${intakeId}`);
    expect(events.map((e) => e.type)).toContain('PersonalDataErased');
    expect(await service.module.keys.isErased(victimId)).toBe(false);

    const retried = await post(`/intakes/${intakeId}/erasure`, 'auditor', request);
    expect(retried.statusCode).toBe(409);
    expect(retried.json().code).toBe('personal_data_erased');
    expect(await service.module.keys.isErased(victimId)).toBe(true);
    const read = await service.app.inject({
      method: 'GET',
      url: `/intakes/${intakeId}`,
      headers: await service.auth('caseworker'),
    });
    expect(read.json()).toMatchObject({ personal: null, personalErased: true });
  });
});

describe('a refused recording', () => {
  it('leaves no data key behind', async () => {
    const before = await keyCount();
    const refused = await post('/intakes/walk-ins', 'caseworker', walkInBody('office-nowhere'));
    expect(refused.statusCode).toBe(422);
    const anonymousWithName = await post(
      '/intakes/helpline-calls',
      'helpline',
      helplineCall({ anonymous: true }),
    );
    expect(anonymousWithName.statusCode).toBe(422);
    expect(await keyCount()).toBe(before);
  });
});
