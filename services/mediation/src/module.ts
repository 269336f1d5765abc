import { randomUUID } from 'node:crypto';
import {
  Database,
  EventStore,
  OutboxRelay,
  Scheduler,
  SubjectKeys,
  subjectKeyMigrations,
} from '@parcours/eventstore';
import { createMessaging, createOutboxSink, type Messaging, type RunningConsumer } from '@parcours/messaging';
import type { MediationConfig } from './config.ts';
import { requestHandler } from './consumers.ts';
import { mediationJobHandlers } from './jobs.ts';
import { mediationMigrations } from './migrations.ts';
import { devDelivery, type NotificationDelivery, NotificationSender } from './notifications.ts';
import { defaultPolicy, type MediationPolicy } from './policy.ts';
import { type MediationDatabase, mediationEntities, mediationViews } from './read-models.ts';
import { MediationService } from './service.ts';

type Logger = {
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
  info(o: object, m: string): void;
};

/** Everything the routes use, opened once per process: database, keys, messaging, workers. */
export interface MediationModule {
  config: MediationConfig;
  db: MediationDatabase;
  store: EventStore;
  keys: SubjectKeys;
  mediation: MediationService;
  messaging: Messaging;
  relay: OutboxRelay;
  scheduler: Scheduler;
  /** Sends the reminders queued in the notifications outbox (notifications.ts). */
  notifications: NotificationSender;
  /** Creates the topics this service reads and writes, with their dead-letter topics. */
  ensureTopics(): Promise<void>;
  /** Joins the consumer group of the follow-up topic (mediation requests). */
  startConsumer(): Promise<RunningConsumer>;
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

export function policyOf(config: MediationConfig): MediationPolicy {
  return {
    ...defaultPolicy,
    timeZone: config.MEDIATION_TIME_ZONE,
    firstConvocationWithinDays: config.FIRST_CONVOCATION_WITHIN_DAYS,
    arrivalGapMinutes: config.ARRIVAL_GAP_MINUTES,
    noShowsBeforeReturn: config.NO_SHOWS_BEFORE_RETURN,
    mediatorAgeLimit: { ...defaultPolicy.mediatorAgeLimit, years: config.MEDIATOR_AGE_LIMIT },
  };
}

export async function openMediationModule(
  config: MediationConfig,
  options: { logger?: Logger; clock?: () => Date; deliver?: NotificationDelivery } = {},
): Promise<MediationModule> {
  const db: MediationDatabase = await Database.connect({
    url: config.DATABASE_URL,
    migrations: mediationMigrations,
    entities: mediationEntities,
    poolSize: config.DB_POOL_SIZE,
    applicationName: config.SERVICE_NAME,
  });
  const store = new EventStore(db, {}, { inline: [mediationViews(db)] });
  const keystore = config.KEYSTORE_URL
    ? await Database.connect({ url: config.KEYSTORE_URL, migrations: subjectKeyMigrations, poolSize: 4 })
    : db;
  const keys = new SubjectKeys(keystore, { kek: Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64') });
  const mediation = new MediationService({
    db,
    store,
    keys,
    topic: config.MEDIATION_TOPIC,
    policy: policyOf(config),
  });
  const messaging = createMessaging({ brokers: config.KAFKA_BROKERS, clientId: config.SERVICE_NAME });
  const relay = new OutboxRelay(db, createOutboxSink(messaging), {
    pollIntervalMs: 500,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  // No SMS or e-mail gateway is wired yet: the development sender records what it would send.
  const notifications = new NotificationSender(db, options.deliver ?? devDelivery, {
    pollMs: config.SCHEDULER_POLL_MS,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const clock = options.clock ?? (() => new Date());
  const scheduler = new Scheduler(db, {
    handlers: mediationJobHandlers({
      mediation,
      decrypt: (envelope) => keys.tryDecrypt(envelope),
      seal: (subjectId, value) => keys.encrypt(subjectId, value),
      ...(options.logger ? { logger: options.logger } : {}),
    }),
    instance: `${config.SERVICE_NAME}-${randomUUID().slice(0, 8)}`,
    pollMs: config.SCHEDULER_POLL_MS,
    clock,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const consumers: RunningConsumer[] = [];
  let started = false;
  const module: MediationModule = {
    config,
    db,
    store,
    keys,
    mediation,
    messaging,
    relay,
    scheduler,
    notifications,
    async ensureTopics() {
      const spec = {
        partitions: config.KAFKA_TOPIC_PARTITIONS,
        replicationFactor: config.KAFKA_REPLICATION_FACTOR,
      };
      await messaging.ensureTopics([
        { topic: config.MEDIATION_TOPIC, ...spec },
        { topic: config.FOLLOWUP_TOPIC, ...spec },
      ]);
    },
    async startConsumer() {
      const consumer = await messaging.startConsumer({
        groupId: config.FOLLOWUP_CONSUMER_GROUP,
        topics: [config.FOLLOWUP_TOPIC],
        handler: requestHandler(db, mediation, clock),
        fromBeginning: true,
      });
      consumers.push(consumer);
      return consumer;
    },
    async startWorkers() {
      if (started) return;
      started = true;
      relay.start();
      scheduler.start();
      notifications.start();
      await module.startConsumer();
    },
    async close() {
      await Promise.allSettled(consumers.map((c) => c.stop()));
      if (started) await Promise.all([relay.stop(), scheduler.stop(), notifications.stop()]);
      await messaging.disconnect().catch(() => undefined);
      if (keystore !== db) await keystore.close();
      await db.close();
    },
  };
  await module.ensureTopics();
  return module;
}
