import { randomUUID } from 'node:crypto';
import {
  Database,
  EventStore,
  OutboxRelay,
  ProjectionRunner,
  Scheduler,
  SubjectKeys,
  subjectKeyMigrations,
} from '@parcours/eventstore';
import { createMessaging, createOutboxSink, type Messaging, type RunningConsumer } from '@parcours/messaging';
import type { FollowUpConfig } from './config.ts';
import { caseBatchHandler, caseHandler } from './consumers.ts';
import { fileViews, followUpEntities } from './files/read-model.ts';
import { followUpMigrations } from './migrations.ts';
import { FollowUpService } from './service.ts';
import { fileJobHandlers } from './tasks/jobs.ts';
import { defaultScheduleSettings } from './tasks/schedule.ts';

type Logger = {
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
  info(o: object, m: string): void;
};

/** Everything the routes use, opened once per process: database, keys, messaging, workers. */
export interface FollowUpModule {
  config: FollowUpConfig;
  db: Database<typeof followUpEntities>;
  store: EventStore;
  keys: SubjectKeys;
  followUp: FollowUpService;
  projections: ProjectionRunner;
  messaging: Messaging;
  relay: OutboxRelay;
  scheduler: Scheduler;
  /** Creates the topics this service reads and writes, with their dead-letter topics. */
  ensureTopics(): Promise<void>;
  /** Joins the consumer group on intake's, referral's and mediation's topics. */
  startConsumer(): Promise<RunningConsumer>;
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

export async function openFollowUpModule(
  config: FollowUpConfig,
  options: { logger?: Logger; clock?: () => Date } = {},
): Promise<FollowUpModule> {
  const db = await Database.connect({
    url: config.DATABASE_URL,
    migrations: followUpMigrations,
    entities: followUpEntities,
    poolSize: config.DB_POOL_SIZE,
    applicationName: config.SERVICE_NAME,
  });
  // The files' lists are written with the file events, in the append's transaction (inline).
  const store = new EventStore(db, {}, { inline: [fileViews] });
  // The deployment's shared key store: what intake encrypted for the victim, this service decrypts.
  const keystore = config.KEYSTORE_URL
    ? await Database.connect({ url: config.KEYSTORE_URL, migrations: subjectKeyMigrations, poolSize: 4 })
    : db;
  const keys = new SubjectKeys(keystore, { kek: Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64') });
  const clock = options.clock ?? (() => new Date());
  const followUp = new FollowUpService({
    db,
    store,
    keys,
    topic: config.FOLLOWUP_TOPIC,
    policy: {
      reach: { unansweredAttempts: config.UNREACHABLE_ATTEMPTS, overDays: config.UNREACHABLE_DAYS },
      inactivityWeeks: config.INACTIVITY_WEEKS,
    },
    settings: { ...defaultScheduleSettings, inactivityWeeks: config.INACTIVITY_WEEKS },
    fileStateCache: config.FILE_STATE_CACHE,
  });
  const projections = new ProjectionRunner(db, store, [fileViews], { pollIntervalMs: 500 });
  const messaging = createMessaging({ brokers: config.KAFKA_BROKERS, clientId: config.SERVICE_NAME });
  const relay = new OutboxRelay(db, createOutboxSink(messaging), {
    pollIntervalMs: 500,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const scheduler = new Scheduler(db, {
    handlers: fileJobHandlers(followUp),
    instance: `${config.SERVICE_NAME}-${randomUUID().slice(0, 8)}`,
    pollMs: config.SCHEDULER_POLL_MS,
    clock,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const consumers: RunningConsumer[] = [];
  let started = false;
  const module: FollowUpModule = {
    config,
    db,
    store,
    keys,
    followUp,
    projections,
    messaging,
    relay,
    scheduler,
    async ensureTopics() {
      const spec = {
        partitions: config.KAFKA_TOPIC_PARTITIONS,
        replicationFactor: config.KAFKA_REPLICATION_FACTOR,
      };
      await messaging.ensureTopics(
        [config.FOLLOWUP_TOPIC, config.INTAKE_TOPIC, config.REFERRAL_TOPIC, config.MEDIATION_TOPIC].map(
          (topic) => ({ topic, ...spec }),
        ),
      );
    },
    async startConsumer() {
      const consumer = await messaging.startConsumer({
        groupId: config.CONSUMER_GROUP,
        topics: [config.INTAKE_TOPIC, config.REFERRAL_TOPIC, config.MEDIATION_TOPIC],
        handler: caseHandler(db, followUp, clock),
        batchHandler: caseBatchHandler(db, followUp, clock),
        fromBeginning: true,
        partitionsConcurrently: config.CONSUMER_CONCURRENCY,
      });
      consumers.push(consumer);
      return consumer;
    },
    async startWorkers() {
      if (started) return;
      started = true;
      relay.start();
      scheduler.start();
      await module.startConsumer();
    },
    async close() {
      await Promise.allSettled(consumers.map((c) => c.stop()));
      if (started) await Promise.all([relay.stop(), scheduler.stop()]);
      await messaging.disconnect().catch(() => undefined);
      if (keystore !== db) await keystore.close();
      await db.close();
    },
  };
  await module.ensureTopics();
  return module;
}
