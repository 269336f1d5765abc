import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { resolveStack } from './stack.ts';

/** Topics made by `uniqueTopic` (and their dead-letter topics): `<context>.<8 hex>.v1[.dlq]`. */
const testTopic = /^[a-z][a-z0-9-]*\.([0-9a-f]{8})\.v1(\.dlq)?$/;

/** Vitest global setup for the int and e2e projects: find or start the real servers once. */
export default async function setup(): Promise<() => Promise<void>> {
  const stack = await resolveStack();
  process.env['DATABASE_URL'] = stack.databaseUrl;
  process.env['REDIS_URL'] = stack.redisUrl;
  process.env['KAFKA_BROKERS'] = stack.kafkaBrokers.join(',');
  // This run's mark in its topics' names (uniqueTopic): the teardown leaves other runs' topics alone.
  const run = randomBytes(2).toString('hex');
  process.env['PARCOURS_TEST_RUN'] = run;
  // Every test file makes topics of its own; a long-lived development broker would pile up
  // thousands of partitions over many runs and slow down. Remove this run's test topics at the end.
  return async () => {
    const admin = new Kafka({
      clientId: 'test-teardown',
      brokers: stack.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    try {
      await admin.connect();
      const topics = (await admin.listTopics()).filter((topic) =>
        testTopic.exec(topic)?.[1]?.startsWith(run),
      );
      if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    } catch {
      // Cleaning up is a courtesy to the next run; a broker already gone is fine.
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  };
}
