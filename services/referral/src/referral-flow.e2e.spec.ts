import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Until @parcours/intake exports its test support ("exports": {"./testing": "./src/test-support.ts"}),
// it is reached by path: a non-relative deep import of a .ts file does not type-check.
import { helplineCall, startTestService as startIntake } from '../../intake/src/test-support.ts';
import { startTestService as startReferral, type TestService } from './test-support.ts';

let intake: Awaited<ReturnType<typeof startIntake>>;
let referral: TestService;

beforeAll(async () => {
  intake = await startIntake('referral_flow');
  referral = await startReferral('flow', { env: { INTAKE_TOPIC: intake.topic } });
  // The real pipeline: intake's outbox relay → Kafka → referral's consumer group → inbox projection.
  intake.module.relay.start();
  referral.module.projections.start();
  referral.module.relay.start();
  await referral.module.startConsumer();
});
afterAll(async () => {
  await referral?.close();
  await intake?.close();
});

async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('helpline call → referral in the right office inbox', () => {
  it('a call from Paris 11e appears as a proposed referral in the 11e office, once', async () => {
    const call = await intake.app.inject({
      method: 'POST',
      url: '/intakes/helpline-calls',
      payload: helplineCall(),
      headers: await intake.auth('helpline'),
    });
    expect(call.statusCode).toBe(201);
    const { intakeId } = call.json();
    const started = Date.now();

    const item = await eventually(async () => {
      const res = await referral.app.inject({
        method: 'GET',
        url: '/offices/office-75-commissariat-11/referrals?status=proposed',
        headers: await referral.auth('caseworker'),
      });
      expect(res.statusCode).toBe(200);
      return res.json().items.find((i: { intakeId: string }) => i.intakeId === intakeId);
    });
    console.info(`intake accepted → referral in the inbox: ${Date.now() - started} ms`);
    expect(item).toMatchObject({
      status: 'proposed',
      associationId: 'asso-75',
      officeId: 'office-75-commissariat-11',
      urgency: 'high',
      offenceCategory: 'couple-violence',
      mode: 'transfer',
    });
    expect(item.reasons.join(' | ')).toContain('residence in 75111');

    // Lyon cannot see it; the office's own caseworker accepts it.
    const lyon = await referral.app.inject({
      method: 'GET',
      url: '/offices/office-75-commissariat-11/referrals',
      headers: await referral.auth('caseworker-69'),
    });
    expect(lyon.statusCode).toBe(403);
    const accepted = await referral.app.inject({
      method: 'POST',
      url: `/referrals/${item.referralId}/accept`,
      headers: await referral.auth('caseworker'),
    });
    expect(accepted.json().status).toBe('accepted');

    // Its integration events left through the outbox, and nothing was doubled.
    await eventually(async () => {
      const [row] = await referral.module.db.query<{ n: number }>('SELECT count(*)::int AS n FROM es_outbox');
      return row!.n === 0 ? true : undefined;
    });
    const rows = await referral.module.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM referral_inbox WHERE intake_id = $1',
      [intakeId],
    );
    expect(rows[0]!.n).toBe(1);
  });
});
