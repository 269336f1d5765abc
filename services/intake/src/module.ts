import type { IntegrationEvent } from '@parcours/contracts';
import {
  Database,
  EventStore,
  OutboxRelay,
  ProjectionRunner,
  SubjectKeys,
  subjectKeyMigrations,
} from '@parcours/eventstore';
import { type Geography, loadGeography } from '@parcours/geography';
import { createMessaging, createOutboxSink, type Messaging, type RunningConsumer } from '@parcours/messaging';
import type { IntakeConfig } from './config.ts';
import { DirectoryCopy, isDirectoryEvent } from './directory/copy.ts';
import { MatchKeys } from './duplicates/match-key.ts';
import { type IntakeDb, intakeEntities } from './entities.ts';
import { IntakeService } from './intake/service.ts';
import { MassEventImporter } from './mass-events/import.ts';
import { intakeMigrations } from './migrations.ts';
import { intakeViews } from './read-models.ts';

/** Everything the routes use, opened once per process: database, keys, messaging, workers. */
export interface IntakeModule {
  config: IntakeConfig;
  db: IntakeDb;
  store: EventStore;
  keys: SubjectKeys;
  matchKeys: MatchKeys;
  /** The official geography (communes, postcodes), loaded once per process. */
  geography: Geography;
  /** The offices and agreements intakes are checked against, fed by the referral service's directory. */
  directory: DirectoryCopy;
  intakes: IntakeService;
  importer: MassEventImporter;
  projections: ProjectionRunner;
  messaging: Messaging;
  relay: OutboxRelay;
  /** Starts the relay, the projections and the directory consumer. */
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

export async function openIntakeModule(
  config: IntakeConfig,
  options: { logger?: { warn(o: object, m: string): void } } = {},
): Promise<IntakeModule> {
  const db = await Database.connect({
    url: config.DATABASE_URL,
    migrations: intakeMigrations,
    entities: intakeEntities,
    poolSize: config.DB_POOL_SIZE,
    applicationName: config.SERVICE_NAME,
  });
  const store = new EventStore(db);
  const keystore = config.KEYSTORE_URL
    ? await Database.connect({ url: config.KEYSTORE_URL, migrations: subjectKeyMigrations, poolSize: 4 })
    : db;
  const keys = new SubjectKeys(keystore, { kek: Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64') });
  const matchKeys = new MatchKeys(config.MATCH_KEY_SECRET);
  const directory = new DirectoryCopy(db);
  await directory.load();
  directory.follow(config.DIRECTORY_REFRESH_MS, (error) =>
    options.logger?.warn({ err: error }, 'directory reload failed; retrying at the next tick'),
  );
  const geography = loadGeography();
  const intakes = new IntakeService({
    db,
    store,
    keys,
    matchKeys,
    reference: directory,
    geography,
    topic: config.INTAKE_TOPIC,
  });
  const importer = new MassEventImporter(db, intakes);
  const projections = new ProjectionRunner(db, store, [intakeViews(db)], { pollIntervalMs: 500 });
  const messaging = createMessaging({ brokers: config.KAFKA_BROKERS, clientId: config.SERVICE_NAME });
  // Its own topic and the directory's it reads, with their dead-letter topics, created at boot
  // when missing (whichever of intake and referral starts first).
  const spec = {
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
  };
  await messaging.ensureTopics([
    { topic: config.INTAKE_TOPIC, ...spec },
    { topic: config.DIRECTORY_TOPIC, ...spec, compacted: true },
  ]);
  const relay = new OutboxRelay(db, createOutboxSink(messaging), {
    pollIntervalMs: 500,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const applyDirectory = (events: IntegrationEvent[]) => directory.apply(events.filter(isDirectoryEvent));
  let consumer: RunningConsumer | undefined;
  let started = false;
  return {
    config,
    db,
    store,
    keys,
    matchKeys,
    geography,
    directory,
    intakes,
    importer,
    projections,
    messaging,
    relay,
    async startWorkers() {
      if (started) return;
      started = true;
      projections.start();
      relay.start();
      consumer = await messaging.startConsumer({
        groupId: config.DIRECTORY_CONSUMER_GROUP,
        topics: [config.DIRECTORY_TOPIC],
        handler: (event) => applyDirectory([event]),
        batchHandler: (messages) => applyDirectory(messages.map((m) => m.event)),
        maxBatchSize: 1_000,
        fromBeginning: true,
      });
    },
    async close() {
      directory.stop();
      await importer.drain();
      await consumer?.stop();
      if (started) await Promise.all([projections.stop(), relay.stop()]);
      await messaging.disconnect().catch(() => undefined);
      if (keystore !== db) await keystore.close();
      await db.close();
    },
  };
}
