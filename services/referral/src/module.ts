import { randomUUID } from 'node:crypto';
import { Database, EventStore, OutboxRelay, ProjectionRunner, Scheduler } from '@parcours/eventstore';
import { type Geography, loadGeography } from '@parcours/geography';
import { createMessaging, createOutboxSink, type Messaging, type RunningConsumer } from '@parcours/messaging';
import type { ReferralConfig } from './config.ts';
import { DirectoryFeed } from './directory/index.ts';
import {
  checkDirectoryFeed,
  type DirectoryFeedDeps,
  type FeedCheck,
  republishDirectoryFeed,
  watchDirectoryFeed,
} from './directory/publish.ts';
import { seedDirectory } from './directory/seed.ts';
import { referralEntities } from './entities.ts';
import { referralMigrations } from './migrations.ts';
import { orientationBatchHandler, orientationHandler } from './referral/consumers.ts';
import { referralInbox } from './referral/inbox/index.ts';
import { referralEventSchemas } from './referral/referral.ts';
import { deadlineHandlers } from './referral/scheduler.ts';
import { ReferralService } from './referral/service.ts';

type Logger = {
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
  info(o: object, m: string): void;
};

/** Everything the routes use, opened once per process: database, geography, directory, messaging, workers. */
export interface ReferralModule {
  config: ReferralConfig;
  db: Database<typeof referralEntities>;
  store: EventStore;
  geography: Geography;
  directory: DirectoryFeed;
  referrals: ReferralService;
  projections: ProjectionRunner;
  messaging: Messaging;
  relay: OutboxRelay;
  scheduler: Scheduler;
  /** Creates the topics this service reads and writes, with their dead-letter topics (never auto-created). */
  ensureTopics(): Promise<void>;
  /** Joins the routing consumer group on the intake topic. */
  startConsumer(): Promise<RunningConsumer>;
  /** Creates the topics if they are gone, then publishes the directory snapshot if its topic lacks it. */
  checkDirectoryFeed(): Promise<FeedCheck>;
  /** Publishes the directory snapshot again (an admin's command); returns how many messages. */
  republishDirectoryFeed(): Promise<number>;
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

export async function openReferralModule(
  config: ReferralConfig,
  options: { logger?: Logger; clock?: () => Date } = {},
): Promise<ReferralModule> {
  const geography = loadGeography();
  const db = await Database.connect({
    url: config.DATABASE_URL,
    migrations: referralMigrations,
    poolSize: config.DB_POOL_SIZE,
    applicationName: config.SERVICE_NAME,
    entities: referralEntities,
  });
  // The inbox is written with the referral events, in the append's transaction (inline).
  const store = new EventStore(db, referralEventSchemas, { inline: [referralInbox] });
  const clock = options.clock ?? (() => new Date());
  if (config.SEED_DIRECTORY) {
    const seeded = await seedDirectory(db, store, geography, clock());
    if (seeded > 0) options.logger?.info({ commands: seeded }, 'seeded the synthetic network directory');
  }
  // Routing needs the whole directory from the first message: wait for the last directory event
  // (a transaction open elsewhere on the server can hold the commit-safe reader back), then follow.
  const directory = new DirectoryFeed(db, store);
  const last = await store.lastCheckpoint({ streamPrefix: 'directory-' });
  if (last) await directory.catchUpUntil(last, 60_000);
  directory.follow();
  const referrals = new ReferralService({
    db,
    store,
    topic: config.REFERRAL_TOPIC,
    directory: () => directory.index,
    geography,
  });
  const projections = new ProjectionRunner(db, store, [referralInbox], { pollIntervalMs: 500 });
  const messaging = createMessaging({
    brokers: config.KAFKA_BROKERS,
    clientId: config.SERVICE_NAME,
  });
  const relay = new OutboxRelay(db, createOutboxSink(messaging), {
    pollIntervalMs: 500,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const scheduler = new Scheduler(db, {
    handlers: deadlineHandlers(referrals),
    instance: `${config.SERVICE_NAME}-${randomUUID().slice(0, 8)}`,
    pollMs: config.SCHEDULER_POLL_MS,
    clock,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const feed: DirectoryFeedDeps = {
    db,
    store,
    topic: config.DIRECTORY_TOPIC,
    offsets: () => messaging.topicOffsets(config.DIRECTORY_TOPIC),
  };
  let feedWatch: { stop(): Promise<void> } | undefined;
  const consumers: RunningConsumer[] = [];
  let started = false;
  const module: ReferralModule = {
    config,
    db,
    store,
    geography,
    directory,
    referrals,
    projections,
    messaging,
    relay,
    scheduler,
    async ensureTopics() {
      const spec = {
        partitions: config.KAFKA_TOPIC_PARTITIONS,
        replicationFactor: config.KAFKA_REPLICATION_FACTOR,
      };
      await messaging.ensureTopics([
        { topic: config.INTAKE_TOPIC, ...spec },
        { topic: config.REFERRAL_TOPIC, ...spec },
        { topic: config.DIRECTORY_TOPIC, ...spec, compacted: true },
      ]);
    },
    async startConsumer() {
      const consumer = await messaging.startConsumer({
        groupId: config.ROUTING_CONSUMER_GROUP,
        topics: [config.INTAKE_TOPIC],
        handler: orientationHandler(db, referrals, clock),
        batchHandler: orientationBatchHandler(db, referrals, clock),
        fromBeginning: true,
        partitionsConcurrently: config.ROUTING_CONCURRENCY,
      });
      consumers.push(consumer);
      return consumer;
    },
    async checkDirectoryFeed() {
      // A topic deleted, or a new and empty cluster: created again, then found without the snapshot.
      await module.ensureTopics();
      return checkDirectoryFeed(feed);
    },
    republishDirectoryFeed: () => republishDirectoryFeed(feed),
    async startWorkers() {
      if (started) return;
      started = true;
      projections.start();
      relay.start();
      scheduler.start();
      feedWatch = watchDirectoryFeed(
        () => module.checkDirectoryFeed(),
        config.DIRECTORY_FEED_CHECK_MS,
        options.logger,
      );
      await module.startConsumer();
    },
    async close() {
      await Promise.allSettled(consumers.map((c) => c.stop()));
      await feedWatch?.stop();
      if (started) await Promise.all([projections.stop(), relay.stop(), scheduler.stop()]);
      await directory.stop();
      await messaging.disconnect().catch(() => undefined);
      await db.close();
    },
  };
  await module.ensureTopics();
  const published = await checkDirectoryFeed(feed);
  if (published.published > 0) options.logger?.info(published, 'published the directory feed');
  return module;
}
