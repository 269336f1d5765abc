import { randomBytes, randomUUID } from 'node:crypto';
import { DevIssuer, type DevUser, type DevUserName, loadConfig } from '@parcours/service-kit';
import { testServiceEnv } from '@parcours/service-kit/testing';
import { createTestDatabase, uniqueTopic } from '@parcours/testing';
import { Redis } from 'ioredis';
import { buildApp } from './app.ts';
import { followUpConfigSchema } from './config.ts';

/**
 * The follow-up service on the real stack for one test file: a fresh database, topics of its own, a
 * dev issuer, a unique service name. Workers do not run unless asked: tests call
 * `relay.drainOnce`, `scheduler.fireDue` or the consumers' handlers themselves.
 */
export async function startTestService(
  name: string,
  options: { env?: Record<string, string>; issuer?: DevIssuer; clock?: () => Date } = {},
) {
  const database = await createTestDatabase(`followup_${name}`);
  const issuer =
    options.issuer ?? (await DevIssuer.create({ issuer: 'test-issuer', audience: 'test-audience' }));
  const config = loadConfig(followUpConfigSchema, {
    ...testServiceEnv('follow-up-test', database.url),
    LOG_LEVEL: process.env['FOLLOWUP_TEST_LOG'] ?? 'silent',
    KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    FOLLOWUP_TOPIC: uniqueTopic('followup'),
    INTAKE_TOPIC: uniqueTopic('intake'),
    REFERRAL_TOPIC: uniqueTopic('referral'),
    MEDIATION_TOPIC: uniqueTopic('mediation'),
    CONSUMER_GROUP: `follow-up-${randomUUID().slice(0, 8)}`,
    RUN_WORKERS: 'false',
    ...options.env,
  });
  const redis = new Redis(config.REDIS_URL);
  const { openFollowUpModule } = await import('./module.ts');
  const module = await openFollowUpModule(config, options.clock ? { clock: options.clock } : {});
  const { app } = await buildApp({ config, module, redis, devIssuer: issuer });
  await app.ready();
  return {
    app,
    module,
    config,
    database,
    issuer,
    auth: async (user: DevUserName | DevUser) => ({ authorization: `Bearer ${await issuer.sign(user)}` }),
    async close() {
      await app.close();
      await module.close();
      await redis.quit();
      await database.drop();
    },
  };
}

export type TestService = Awaited<ReturnType<typeof startTestService>>;
