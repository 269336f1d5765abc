import { randomBytes } from 'node:crypto';
import { type DevIssuer, loadConfig } from '@parcours/service-kit';
import { testServiceEnv } from '@parcours/service-kit/testing';
import { createTestDatabase } from '@parcours/testing';
import { Redis } from 'ioredis';
import { buildApp } from '../../../mediation/src/app.ts';
import { mediationConfigSchema } from '../../../mediation/src/config.ts';

/**
 * The mediation service as its tests build it, but trusting the system's one dev issuer (its test
 * support makes an issuer of its own): a fresh database, the given topics, reminders kept in memory.
 */
export async function startMediation(issuer: DevIssuer, env: Record<string, string>) {
  const database = await createTestDatabase('mediation_web_e2e');
  const config = loadConfig(mediationConfigSchema, {
    ...testServiceEnv('mediation-test', database.url),
    LOG_LEVEL: process.env['MEDIATION_TEST_LOG'] ?? 'silent',
    KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    FOLLOWUP_CONSUMER_GROUP: `mediation-requests-${randomBytes(4).toString('hex')}`,
    RUN_WORKERS: 'false',
    ...env,
  });
  const redis = new Redis(config.REDIS_URL);
  const { openMediationModule } = await import('../../../mediation/src/module.ts');
  const module = await openMediationModule(config);
  const { app } = await buildApp({ config, module, redis, devIssuer: issuer });
  await app.ready();
  return {
    app,
    module,
    config,
    async close() {
      await app.close();
      await module.close();
      await redis.quit();
      await database.drop();
    },
  };
}
