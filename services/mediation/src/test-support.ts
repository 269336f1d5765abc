import { randomBytes } from 'node:crypto';
import { DevIssuer, type DevUserName, loadConfig } from '@parcours/service-kit';
import { testServiceEnv } from '@parcours/service-kit/testing';
import { createTestDatabase, uniqueTopic } from '@parcours/testing';
import { Redis } from 'ioredis';
import { buildApp } from './app.ts';
import { mediationConfigSchema } from './config.ts';

/**
 * The mediation service on the real stack for one test file: a fresh database, topics of its own, a
 * dev issuer, a unique service name. Workers do not run unless asked: tests call
 * `relay.drainOnce` and `scheduler.fireDue` themselves. Reminders
 * queued go through `module.notifications.sendOnce` into `mediation_dev_deliveries`.
 */
export async function startTestService(
  name: string,
  options: { env?: Record<string, string>; clock?: () => Date } = {},
) {
  const database = await createTestDatabase(`mediation_${name}`);
  const issuer = await DevIssuer.create({ issuer: 'test-issuer', audience: 'test-audience' });
  const config = loadConfig(mediationConfigSchema, {
    ...testServiceEnv('mediation-test', database.url),
    LOG_LEVEL: process.env['MEDIATION_TEST_LOG'] ?? 'silent',
    KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MEDIATION_TOPIC: uniqueTopic('mediation'),
    FOLLOWUP_TOPIC: uniqueTopic('followup'),
    FOLLOWUP_CONSUMER_GROUP: `mediation-requests-${randomBytes(4).toString('hex')}`,
    RUN_WORKERS: 'false',
    DB_POOL_SIZE: '20',
    ...options.env,
  });
  const redis = new Redis(config.REDIS_URL);
  const { openMediationModule } = await import('./module.ts');
  const module = await openMediationModule(config, options.clock ? { clock: options.clock } : {});
  const { app } = await buildApp({ config, module, redis, devIssuer: issuer });
  await app.ready();
  return {
    app,
    module,
    config,
    issuer,
    auth: async (user: DevUserName) => ({ authorization: `Bearer ${await issuer.sign(user)}` }),
    async close() {
      await app.close();
      await module.close();
      await redis.quit();
      await database.drop();
    },
  };
}

export type TestService = Awaited<ReturnType<typeof startTestService>>;

/**
 * Another instance of the service on the same database, as a second process behind the load
 * balancer: its own pool, its own caches, the same issuer.
 */
export async function secondInstance(service: TestService) {
  const redis = new Redis(service.config.REDIS_URL);
  const { openMediationModule } = await import('./module.ts');
  const module = await openMediationModule(service.config);
  const { app } = await buildApp({ config: service.config, module, redis, devIssuer: service.issuer });
  await app.ready();
  return {
    app,
    module,
    async close() {
      await app.close();
      await module.close();
      await redis.quit();
    },
  };
}
