import { randomBytes, randomUUID } from 'node:crypto';
import { eventStoreMigrations } from '@parcours/eventstore';
import { createTestDatabase, uniqueTopic } from '@parcours/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModuleConfig, openServiceModule } from './module.ts';

// What every service's module relies on: the parts opened once, the workers and consumers started
// once whatever the callers, and the close order (consumers, workers, the service's own, Kafka,
// the key store, the database). On the real PostgreSQL and Kafka.
type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
const databases: TestDatabase[] = [];

const configOf = (url: string, env: Partial<ModuleConfig> = {}): ModuleConfig => ({
  SERVICE_NAME: `module-test-${randomUUID().slice(0, 8)}`,
  DATABASE_URL: url,
  DB_POOL_SIZE: 4,
  KAFKA_BROKERS: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
  KAFKA_TOPIC_PARTITIONS: 2,
  KAFKA_REPLICATION_FACTOR: 1,
  ...env,
});

async function database(prefix: string) {
  const created = await createTestDatabase(prefix);
  databases.push(created);
  return created;
}

/** A database the tests of start and close share (each opens the module on it). */
let shared: TestDatabase;
beforeAll(async () => {
  shared = await database('module');
});

afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});

describe('openServiceModule', () => {
  it('opens the database, the event store, the keys in the shared key store and the topics', async () => {
    const [service, keystore] = [await database('module_service'), await database('module_keys')];
    const topic = uniqueTopic('module');
    const directory = uniqueTopic('module-directory');
    const parts = await openServiceModule(
      configOf(service.url, {
        KEYSTORE_URL: keystore.url,
        KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      }),
      {
        migrations: eventStoreMigrations,
        entities: [],
        keys: true,
        topics: [topic, { topic: directory, compacted: true }],
      },
    );
    try {
      const envelope = await parts.keys.encrypt('victim-1', { name: 'Camille' });
      expect(await parts.keys.decrypt(envelope)).toEqual({ name: 'Camille' });
      // The keys live in the key store, not in the service's database.
      expect(await parts.db.query("SELECT 1 FROM pg_tables WHERE tablename = 'subject_keys'")).toEqual([]);
      await parts.store.appendToStream('stream-1', [{ type: 'Noted', data: {} }], { expectedVersion: 0 });
      expect(await parts.db.query('SELECT stream_id FROM es_events')).toEqual([{ stream_id: 'stream-1' }]);
      const described = await parts.messaging.describeTopics([topic, `${directory}.dlq`]);
      expect(described.sort((a, b) => a.topic.localeCompare(b.topic))).toEqual(
        [
          { topic, partitions: 2 },
          { topic: `${directory}.dlq`, partitions: 2 },
        ].sort((a, b) => a.topic.localeCompare(b.topic)),
      );
    } finally {
      await parts.close();
    }
  });

  it('starts the workers and consumers once, and closes them in order', async () => {
    const topic = uniqueTopic('module');
    const parts = await openServiceModule(configOf(shared.url), {
      migrations: eventStoreMigrations,
      entities: [],
      store: false,
      topics: [topic],
    });
    const seen: string[] = [];
    let starts = 0;
    parts.addWorker({
      start: () => {
        starts += 1;
      },
      stop: async () => {
        seen.push('worker');
      },
    });
    const startConsumer = () =>
      parts.addConsumer(async () => {
        const consumer = await parts.messaging.startConsumer({
          groupId: `module-${randomUUID().slice(0, 8)}`,
          topics: [topic],
          handler: async () => undefined,
        });
        return {
          stop: async () => {
            seen.push('consumer');
            await consumer.stop();
          },
        };
      });
    await Promise.all([parts.startWorkers(startConsumer), parts.startWorkers(startConsumer)]);
    await parts.startWorkers(startConsumer);
    expect(starts).toBe(1);
    await parts.close(async () => {
      seen.push('own');
      // Still open for the service's own resources.
      expect(await parts.db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    });
    expect(seen).toEqual(['consumer', 'worker', 'own']);
    await expect(parts.db.query('SELECT 1')).rejects.toThrow();
  });

  it('leaves the workers alone at close when they were never started', async () => {
    const parts = await openServiceModule(configOf(shared.url), {
      migrations: eventStoreMigrations,
      entities: [],
      topics: [uniqueTopic('module')],
    });
    let stopped = 0;
    parts.addWorker({
      start: () => undefined,
      stop: async () => {
        stopped += 1;
      },
    });
    await parts.close();
    expect(stopped).toBe(0);
  });
});
