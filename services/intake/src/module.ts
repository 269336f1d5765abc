import {
  Database,
  EventStore,
  OutboxRelay,
  ProjectionRunner,
  SubjectKeys,
  subjectKeyMigrations,
} from '@parcours/eventstore';
import { createMessaging, createOutboxSink, type Messaging } from '@parcours/messaging';
import type { IntakeConfig } from './config.ts';
import { MatchKeys } from './duplicates/match-key.ts';
import { IntakeService } from './intake/service.ts';
import { MassEventImporter } from './mass-events/import.ts';
import { intakeMigrations } from './migrations.ts';
import { intakeViews } from './read-models.ts';
import { defaultReference, type Reference } from './reference.ts';

/** Everything the routes use, opened once per process: database, keys, messaging, workers. */
export interface IntakeModule {
  config: IntakeConfig;
  db: Database;
  store: EventStore;
  keys: SubjectKeys;
  matchKeys: MatchKeys;
  intakes: IntakeService;
  importer: MassEventImporter;
  projections: ProjectionRunner;
  messaging: Messaging;
  relay: OutboxRelay;
  startWorkers(): void;
  close(): Promise<void>;
}

export async function openIntakeModule(
  config: IntakeConfig,
  options: { reference?: Reference; logger?: { warn(o: object, m: string): void } } = {},
): Promise<IntakeModule> {
  const db = await Database.connect({
    url: config.DATABASE_URL,
    migrations: intakeMigrations,
    poolSize: config.DB_POOL_SIZE,
    applicationName: config.SERVICE_NAME,
  });
  const store = new EventStore(db);
  const keystore = config.KEYSTORE_URL
    ? await Database.connect({ url: config.KEYSTORE_URL, migrations: subjectKeyMigrations, poolSize: 4 })
    : db;
  const keys = new SubjectKeys(keystore, { kek: Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64') });
  const matchKeys = new MatchKeys(config.MATCH_KEY_SECRET);
  const intakes = new IntakeService({
    db,
    store,
    keys,
    matchKeys,
    reference: options.reference ?? defaultReference,
    topic: config.INTAKE_TOPIC,
  });
  const importer = new MassEventImporter(db, intakes);
  const projections = new ProjectionRunner(db, store, [intakeViews], { pollIntervalMs: 500 });
  const messaging = createMessaging({ brokers: config.KAFKA_BROKERS, clientId: config.SERVICE_NAME });
  // The service owns its topic: created (with its dead-letter topic) at boot when missing.
  await messaging.ensureTopics([
    {
      topic: config.INTAKE_TOPIC,
      partitions: config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    },
  ]);
  const relay = new OutboxRelay(db, createOutboxSink(messaging), {
    pollIntervalMs: 500,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  let started = false;
  return {
    config,
    db,
    store,
    keys,
    matchKeys,
    intakes,
    importer,
    projections,
    messaging,
    relay,
    startWorkers() {
      if (started) return;
      started = true;
      projections.start();
      relay.start();
    },
    async close() {
      await importer.drain();
      if (started) await Promise.all([projections.stop(), relay.stop()]);
      await messaging.disconnect().catch(() => undefined);
      if (keystore !== db) await keystore.close();
      await db.close();
    },
  };
}
