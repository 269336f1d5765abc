import { randomUUID } from 'node:crypto';
import type { MessageContext } from '@parcours/messaging';
import { DevIssuer, type DevUserName, loadConfig } from '@parcours/service-kit';
import { testServiceEnv } from '@parcours/service-kit/testing';
import { createTestDatabase, uniqueTopic } from '@parcours/testing';
import { Redis } from 'ioredis';
import { buildApp } from './app.ts';
import { referralConfigSchema } from './config.ts';

/**
 * The referral service on the real stack for one test file: a fresh database (seeded with the
 * synthetic network), topics of its own, a dev issuer, a unique service name. Workers do not run
 * unless asked: tests call `catchUp`, `relay.drainOnce` and `scheduler.fireDue` themselves.
 */
export async function startTestService(
  name: string,
  options: { env?: Record<string, string>; issuer?: DevIssuer; clock?: () => Date } = {},
) {
  const database = await createTestDatabase(`referral_${name}`);
  const issuer =
    options.issuer ?? (await DevIssuer.create({ issuer: 'test-issuer', audience: 'test-audience' }));
  const config = loadConfig(referralConfigSchema, {
    ...testServiceEnv('referral-test', database.url),
    LOG_LEVEL: process.env['REFERRAL_TEST_LOG'] ?? 'silent',
    REFERRAL_TOPIC: uniqueTopic('referral'),
    INTAKE_TOPIC: uniqueTopic('intake'),
    DIRECTORY_TOPIC: uniqueTopic('directory'),
    ROUTING_CONSUMER_GROUP: `referral-routing-${randomUUID().slice(0, 8)}`,
    RUN_WORKERS: 'false',
    ...options.env,
  });
  const redis = new Redis(config.REDIS_URL);
  const { openReferralModule } = await import('./module.ts');
  const module = await openReferralModule(config, options.clock ? { clock: options.clock } : {});
  const { app } = await buildApp({ config, module, redis, devIssuer: issuer });
  await app.ready();
  return {
    app,
    module,
    config,
    database,
    issuer,
    auth: async (user: DevUserName) => ({ authorization: `Bearer ${await issuer.sign(user)}` }),
    catchUp: () => module.projections.catchUpToLatest(),
    /** Waits until the inbox shows everything appended so far (other files' transactions may hold the global order back). */
    settled: async (referralId: string) => {
      await module.projections.catchUpToLatest();
      return referralId;
    },
    async close() {
      await app.close();
      await module.close();
      await redis.quit();
      await database.drop();
    },
  };
}

export type TestService = Awaited<ReturnType<typeof startTestService>>;

/** The delivery context the orientation handler gets from Kafka, for tests that call it directly. */
export const messageContext: MessageContext = {
  topic: 't',
  partition: 0,
  offset: '0',
  key: null,
  attempt: 1,
  traceparent: undefined,
  tracestate: undefined,
  headers: {},
};
