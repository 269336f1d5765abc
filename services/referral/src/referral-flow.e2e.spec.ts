// Until @parcours/intake exports its test support ("exports": {"./testing": "./src/test-support.ts"}),
// it is reached by path: a non-relative deep import of a .ts file does not type-check.
import { uniqueTopic } from '@parcours/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  helplineCall,
  startTestService as startIntake,
  testDirectory,
  walkInBody,
} from '../../intake/src/test-support.ts';
import { startTestService as startReferral, type TestService } from './test-support.ts';

let intake: Awaited<ReturnType<typeof startIntake>>;
let referral: TestService;

beforeAll(async () => {
  const directoryTopic = uniqueTopic('directory');
  intake = await startIntake('referral_flow', { DIRECTORY_TOPIC: directoryTopic });
  referral = await startReferral('flow', {
    env: { INTAKE_TOPIC: intake.topic, DIRECTORY_TOPIC: directoryTopic },
  });
  // The real pipelines: intake's outbox relay → Kafka → referral's consumer group → inbox; and the
  // directory's snapshot and changes → referral's relay → Kafka → intake's copy of the directory.
  await intake.module.startWorkers();
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
    expect(item.reasons).toContainEqual(
      expect.objectContaining({
        code: 'residence-commune',
        params: expect.objectContaining({ communeCode: '75111' }),
      }),
    );

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

describe('the network directory feed: referral → intake', () => {
  it('an office of the seeded network takes walk-ins once its state arrives, routed to it; closed, it takes none', async () => {
    // An office the intake tests' own directory does not hold: only the feed can bring it. Of the
    // association covering the walk-in's residence (Paris 11e), so that the walk-in stays there.
    const known = new Set(testDirectory.map((e) => e.subject.replace('directory-office-', '')));
    const office = [...referral.module.directory.index.offices.values()].find(
      (o) => o.active && o.associationId === 'asso-75' && !known.has(o.officeId),
    )!;
    expect(office).toBeDefined();
    const walkIn = async () =>
      intake.app.inject({
        method: 'POST',
        url: '/intakes/walk-ins',
        payload: walkInBody(office.officeId, office.type),
        headers: await intake.auth('admin'),
      });
    // The snapshot the referral service published at boot reaches intake's copy through Kafka.
    const recorded = await eventually(async () => {
      const res = await walkIn();
      if (res.statusCode === 422) return undefined;
      return res;
    });
    expect(recorded.statusCode).toBe(201);
    const { intakeId } = recorded.json();
    // A walk-in stays at the office the victim walked into, accepted at once.
    const item = await eventually(async () => {
      const res = await referral.app.inject({
        method: 'GET',
        url: `/offices/${office.officeId}/referrals?status=accepted`,
        headers: await referral.auth('admin'),
      });
      return res.json().items.find((i: { intakeId: string }) => i.intakeId === intakeId);
    });
    expect(item).toMatchObject({ officeId: office.officeId, associationId: office.associationId });

    const closed = await referral.app.inject({
      method: 'POST',
      url: `/directory/offices/${office.officeId}/close`,
      headers: await referral.auth('admin'),
    });
    expect(closed.statusCode).toBe(200);
    const refused = await eventually(async () => {
      const res = await walkIn();
      return res.statusCode === 422 ? res : undefined;
    });
    expect(refused.json()).toMatchObject({ code: 'unknown_office', errors: [{ field: '/body/officeId' }] });
    const [row] = await intake.module.db.query<{ data: { active: boolean } }>(
      'SELECT data FROM intake_directory WHERE key = $1',
      [`directory-office-${office.officeId}`],
    );
    expect(row!.data.active).toBe(false);
  });
});
