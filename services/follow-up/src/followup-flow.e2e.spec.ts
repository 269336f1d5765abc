// The other services' test support is reached by path, as referral's flow test reaches intake's.
import { uniqueTopic } from '@parcours/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helplineCall, startTestService as startIntake } from '../../intake/src/test-support.ts';
import { startTestService as startReferral } from '../../referral/src/test-support.ts';
import { startTestService as startFollowUp, type TestService } from './test-support.ts';

let intake: Awaited<ReturnType<typeof startIntake>>;
let referral: Awaited<ReturnType<typeof startReferral>>;
let followUp: TestService;

beforeAll(async () => {
  const directoryTopic = uniqueTopic('directory');
  intake = await startIntake('followup_flow', { DIRECTORY_TOPIC: directoryTopic });
  referral = await startReferral('followup_flow', {
    env: { INTAKE_TOPIC: intake.topic, DIRECTORY_TOPIC: directoryTopic },
  });
  // The deployment's one key store: what intake encrypted for the victim, follow-up decrypts.
  followUp = await startFollowUp('flow', {
    env: {
      INTAKE_TOPIC: intake.topic,
      REFERRAL_TOPIC: referral.config.REFERRAL_TOPIC,
      KEYSTORE_URL: intake.config.DATABASE_URL,
      KEY_ENCRYPTION_KEY: intake.config.KEY_ENCRYPTION_KEY,
    },
  });
  // The real pipelines: intake → Kafka → referral (routing) and follow-up (facts); referral → Kafka → follow-up.
  await intake.module.startWorkers();
  referral.module.projections.start();
  referral.module.relay.start();
  await referral.module.startConsumer();
  await followUp.module.startWorkers();
});
afterAll(async () => {
  await followUp?.close();
  await referral?.close();
  await intake?.close();
});

async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('helpline call → referral accepted → file opened', () => {
  it('opens the file in the accepting office with the case’s facts and the victim’s data', async () => {
    const call = await intake.app.inject({
      method: 'POST',
      url: '/intakes/helpline-calls',
      payload: helplineCall(),
      headers: await intake.auth('helpline'),
    });
    expect(call.statusCode).toBe(201);
    const { intakeId } = call.json();
    const proposed = await eventually(async () => {
      const res = await referral.app.inject({
        method: 'GET',
        url: '/offices/office-75-commissariat-11/referrals?status=proposed',
        headers: await referral.auth('caseworker'),
      });
      return res.json().items.find((i: { intakeId: string }) => i.intakeId === intakeId);
    });
    const accepted = await referral.app.inject({
      method: 'POST',
      url: `/referrals/${proposed.referralId}/accept`,
      headers: await referral.auth('caseworker'),
    });
    expect(accepted.json().status).toBe('accepted');
    const started = Date.now();

    const file = await eventually(async () => {
      const res = await followUp.app.inject({
        method: 'GET',
        url: `/files?caseId=${proposed.caseId}`,
        headers: await followUp.auth('caseworker'),
      });
      expect(res.statusCode).toBe(200);
      return res.json().items[0];
    });
    console.info(`referral accepted → file in the office's list: ${Date.now() - started} ms`);
    expect(file).toMatchObject({
      caseId: proposed.caseId,
      associationId: 'asso-75',
      officeId: 'office-75-commissariat-11',
      origin: 'referral',
      referralId: proposed.referralId,
      status: 'open',
      offenceCategory: 'couple-violence',
      urgency: 'high',
    });

    const read = await followUp.app.inject({
      method: 'GET',
      url: `/files/${file.fileId}?purpose=first-contact`,
      headers: await followUp.auth('caseworker'),
    });
    expect(read.statusCode).toBe(200);
    const { profile, personal } = helplineCall();
    expect(read.json().facts).toMatchObject({
      offenceCategory: 'couple-violence',
      needs: profile.needs,
      safeContact: profile.safeContact,
      consent: { services: true },
    });
    // Decrypted with the victim's key from the deployment's key store.
    expect(read.json().personal).toMatchObject({ identity: personal.identity });

    // The file's opening left on followup.events.v1 through the outbox.
    await eventually(async () => {
      const [row] = await followUp.module.db.query<{ n: number }>('SELECT count(*)::int AS n FROM es_outbox');
      return row!.n === 0 ? true : undefined;
    });
  }, 90_000);
});
