import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@parcours/contracts';
import { toKafkaMessage } from '@parcours/messaging';
import { DevIssuer, type DevUser, type DevUserName, loadConfig } from '@parcours/service-kit';
import { testServiceEnv } from '@parcours/service-kit/testing';
import { createTestDatabase, uniqueTopic } from '@parcours/testing';
import { Redis } from 'ioredis';
import { buildApp } from './app.ts';
import { projectionsConfigSchema } from './config.ts';
import { ingest } from './log/ingest.ts';

/**
 * The projections service on the real stack for one test file: a fresh database, topics of its
 * own, a dev issuer, a unique service name. The consumer does not run unless asked: tests feed
 * batches through `deliver` (what the consumer does with a fetch) or publish to Kafka and start it.
 */
export async function startTestService(
  name: string,
  options: { env?: Record<string, string>; issuer?: DevIssuer } = {},
) {
  const database = await createTestDatabase(`projections_${name}`);
  const issuer =
    options.issuer ?? (await DevIssuer.create({ issuer: 'test-issuer', audience: 'test-audience' }));
  const config = loadConfig(projectionsConfigSchema, {
    ...testServiceEnv('projections-test', database.url),
    LOG_LEVEL: process.env['PROJECTIONS_TEST_LOG'] ?? 'silent',
    INTAKE_TOPIC: uniqueTopic('intake'),
    REFERRAL_TOPIC: uniqueTopic('referral'),
    DIRECTORY_TOPIC: uniqueTopic('directory'),
    FOLLOWUP_TOPIC: uniqueTopic('followup'),
    MEDIATION_TOPIC: uniqueTopic('mediation'),
    CONSUMER_GROUP: `projections-${randomUUID().slice(0, 8)}`,
    LIVE_CHANNEL: `parcours:projections-test:${randomUUID()}`,
    KAFKA_TOPIC_PARTITIONS: '2',
    RUN_WORKERS: 'false',
    ...options.env,
  });
  const redis = new Redis(config.REDIS_URL);
  const { openProjectionsModule } = await import('./module.ts');
  const module = await openProjectionsModule(config);
  const { app } = await buildApp({ config, module, redis, devIssuer: issuer });
  await app.ready();
  const topicOf = (event: IntegrationEvent) => {
    const [, , service] = event.type.split('.');
    const topics: Record<string, string> = {
      intake: config.INTAKE_TOPIC,
      referral: config.REFERRAL_TOPIC,
      directory: config.DIRECTORY_TOPIC,
      followup: config.FOLLOWUP_TOPIC,
      mediation: config.MEDIATION_TOPIC,
    };
    return topics[service ?? ''] ?? config.INTAKE_TOPIC;
  };
  return {
    app,
    module,
    config,
    database,
    issuer,
    topicOf,
    auth: async (user: DevUserName | DevUser) => ({ authorization: `Bearer ${await issuer.sign(user)}` }),
    /** What the consumer does with one fetch: one batch, in one transaction. */
    deliver: (events: readonly IntegrationEvent[]) =>
      ingest(
        module.db,
        module.geography,
        events.map((event) => ({ event, topic: topicOf(event) })),
      ),
    /** Publishes to the service's own topics, as the producing services' relays do. */
    publish: async (events: readonly IntegrationEvent[]) => {
      // Raw records: the topics are the test's own, not the contracts' (the contracts are checked by deliver).
      await module.messaging.publishRaw(
        events.map((event) => ({ topic: topicOf(event), ...toKafkaMessage(event) })),
      );
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
