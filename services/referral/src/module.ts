import { ProjectionRunner, type Scheduler } from '@parcours/eventstore';
import { type Geography, loadGeography } from '@parcours/geography';
import type { RunningConsumer } from '@parcours/messaging';
import { type EventSourcedModule, type ModuleLogger, openServiceModule } from '@parcours/service-kit/module';
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

/** Everything the routes use, opened once per process: database, geography, directory, messaging, workers. */
export interface ReferralModule extends EventSourcedModule<ReferralConfig, typeof referralEntities> {
  geography: Geography;
  directory: DirectoryFeed;
  referrals: ReferralService;
  projections: ProjectionRunner;
  scheduler: Scheduler;
  /** Joins the routing consumer group on the intake topic. */
  startConsumer(): Promise<RunningConsumer>;
  /** Creates the topics if they are gone, then publishes the directory snapshot if its topic lacks it. */
  checkDirectoryFeed(): Promise<FeedCheck>;
  /** Publishes the directory snapshot again (an admin's command); returns how many messages. */
  republishDirectoryFeed(): Promise<number>;
}

export async function openReferralModule(
  config: ReferralConfig,
  options: { logger?: ModuleLogger; clock?: () => Date } = {},
): Promise<ReferralModule> {
  const geography = loadGeography();
  const parts = await openServiceModule(config, {
    migrations: referralMigrations,
    entities: referralEntities,
    schemas: referralEventSchemas,
    // The inbox is written with the referral events, in the append's transaction (inline).
    inline: () => [referralInbox],
    topics: [config.INTAKE_TOPIC, config.REFERRAL_TOPIC, { topic: config.DIRECTORY_TOPIC, compacted: true }],
    logger: options.logger,
  });
  const { db, store, messaging } = parts;
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
  const projections = parts.addWorker(
    new ProjectionRunner(db, store, [referralInbox], { pollIntervalMs: 500 }),
  );
  const scheduler = parts.schedule(deadlineHandlers(referrals), clock);
  const feed: DirectoryFeedDeps = {
    db,
    store,
    topic: config.DIRECTORY_TOPIC,
    offsets: () => messaging.topicOffsets(config.DIRECTORY_TOPIC),
  };
  let feedWatch: { stop(): Promise<void> } | undefined;
  const module: ReferralModule = {
    config,
    db,
    store,
    geography,
    directory,
    referrals,
    projections,
    messaging,
    relay: parts.relay,
    scheduler,
    ensureTopics: parts.ensureTopics,
    startConsumer: () =>
      parts.addConsumer(() =>
        messaging.startConsumer({
          groupId: config.ROUTING_CONSUMER_GROUP,
          topics: [config.INTAKE_TOPIC],
          handler: orientationHandler(db, referrals, clock),
          batchHandler: orientationBatchHandler(db, referrals, clock),
          fromBeginning: true,
          partitionsConcurrently: config.ROUTING_CONCURRENCY,
        }),
      ),
    async checkDirectoryFeed() {
      // A topic deleted, or a new and empty cluster: created again, then found without the snapshot.
      await module.ensureTopics();
      return checkDirectoryFeed(feed);
    },
    republishDirectoryFeed: () => republishDirectoryFeed(feed),
    startWorkers: () =>
      parts.startWorkers(async () => {
        feedWatch = watchDirectoryFeed(
          () => module.checkDirectoryFeed(),
          config.DIRECTORY_FEED_CHECK_MS,
          options.logger,
        );
        await module.startConsumer();
      }),
    async close() {
      await feedWatch?.stop();
      // The directory is followed until the deadline jobs, which route with it, have stopped.
      await parts.close(() => directory.stop());
    },
  };
  const published = await checkDirectoryFeed(feed);
  if (published.published > 0) options.logger?.info(published, 'published the directory feed');
  return module;
}
