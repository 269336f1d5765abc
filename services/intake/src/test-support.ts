import { randomBytes } from 'node:crypto';
import { DevIssuer, type DevUserName, loadConfig } from '@parcours/service-kit';
import { testServiceEnv } from '@parcours/service-kit/testing';
import { createTestDatabase, uniqueTopic } from '@parcours/testing';
import { Redis } from 'ioredis';
import { buildApp } from './app.ts';
import { intakeConfigSchema } from './config.ts';
import { testDirectory } from './directory/test-directory.ts';

/**
 * The intake service on the real stack for one test file: a fresh database, a topic of its own,
 * a dev issuer, a unique service name (rate-limit and idempotency keys never collide), and the
 * test directory (a few offices and agreements). Workers do not run: tests call `catchUp`
 * (projections) and `relay.drainOnce` themselves.
 */
export async function startTestService(name: string, env: Record<string, string> = {}) {
  const database = await createTestDatabase(`intake_${name}`);
  const issuer = await DevIssuer.create({ issuer: 'test-issuer', audience: 'test-audience' });
  const topic = uniqueTopic('intake');
  const config = loadConfig(intakeConfigSchema, {
    ...testServiceEnv('intake-test', database.url),
    LOG_LEVEL: process.env['INTAKE_TEST_LOG'] ?? 'silent',
    KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MATCH_KEY_SECRET: randomBytes(32).toString('hex'),
    INTAKE_TOPIC: topic,
    DIRECTORY_TOPIC: uniqueTopic('directory'),
    DIRECTORY_CONSUMER_GROUP: `intake-directory-${randomBytes(4).toString('hex')}`,
    RUN_WORKERS: 'false',
    ...env,
  });
  const redis = new Redis(config.REDIS_URL);
  const { app, module } = await buildApp({ config, redis, devIssuer: issuer });
  await app.ready();
  await module.directory.apply(testDirectory);
  return {
    app,
    module,
    topic,
    config,
    issuer,
    auth: async (user: DevUserName) => ({ authorization: `Bearer ${await issuer.sign(user)}` }),
    catchUp: () => module.projections.catchUpToLatest(),
    async close() {
      await app.close();
      await redis.quit();
      await database.drop();
    },
  };
}

export type TestService = Awaited<ReturnType<typeof startTestService>>;

export { testDirectory } from './directory/test-directory.ts';
export { helplineCall, walkInBody } from './intake/test-builders.ts';
