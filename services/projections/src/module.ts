import { Database } from '@parcours/eventstore';
import { type Geography, loadGeography } from '@parcours/geography';
import { createMessaging, type Messaging, type RunningConsumer } from '@parcours/messaging';
import { Redis } from 'ioredis';
import type { ProjectionsConfig } from './config.ts';
import { loadDemo, progressBar } from './demo/load.ts';
import { projectionEntities } from './entities.ts';
import { DashboardNotices, placesOfCases } from './live/notify.ts';
import { consumerHandlers, type Ingested } from './log/ingest.ts';
import { projectionsMigrations } from './migrations.ts';
import { Rebuilds } from './rebuild/rebuild.ts';

type Logger = {
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
  info(o: object, m: string): void;
};

/** Everything the routes use, opened once per process: database, geography, messaging, live notices, rebuilds. */
export interface ProjectionsModule {
  config: ProjectionsConfig;
  db: Database<typeof projectionEntities>;
  geography: Geography;
  messaging: Messaging;
  redis: Redis;
  notices: DashboardNotices;
  rebuilds: Rebuilds;
  topics: string[];
  /** Called after each committed batch (live notices; tests wait on it). */
  onIngested(listener: (ingested: Ingested) => void): () => void;
  ensureTopics(): Promise<void>;
  startConsumer(): Promise<RunningConsumer>;
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

export async function openProjectionsModule(
  config: ProjectionsConfig,
  options: { logger?: Logger } = {},
): Promise<ProjectionsModule> {
  const geography = loadGeography();
  const db = await Database.connect({
    url: config.DATABASE_URL,
    migrations: projectionsMigrations,
    entities: projectionEntities,
    poolSize: config.DB_POOL_SIZE,
    applicationName: config.SERVICE_NAME,
  });
  const messaging = createMessaging({ brokers: config.KAFKA_BROKERS, clientId: config.SERVICE_NAME });
  const redis = new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const notices = new DashboardNotices(redis, config.LIVE_CHANNEL);
  const rebuilds = new Rebuilds(db, geography, { logger: options.logger });
  const topics = [
    config.INTAKE_TOPIC,
    config.REFERRAL_TOPIC,
    config.DIRECTORY_TOPIC,
    config.FOLLOWUP_TOPIC,
    config.MEDIATION_TOPIC,
  ];
  const listeners = new Set<(ingested: Ingested) => void>();
  const changed = (ingested: Ingested) => {
    for (const listener of listeners) listener(ingested);
  };
  listeners.add((ingested) => {
    placesOfCases(db, ingested.cases)
      .then((places) => notices.changed(places))
      .catch((error: unknown) => options.logger?.warn({ err: error }, 'live notice not sent'));
  });
  const consumers: RunningConsumer[] = [];
  let started = false;
  const module: ProjectionsModule = {
    config,
    db,
    geography,
    messaging,
    redis,
    notices,
    rebuilds,
    topics,
    onIngested(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ensureTopics() {
      const spec = {
        partitions: config.KAFKA_TOPIC_PARTITIONS,
        replicationFactor: config.KAFKA_REPLICATION_FACTOR,
      };
      await messaging.ensureTopics(
        topics.map((topic) => ({
          topic,
          ...spec,
          ...(topic === config.DIRECTORY_TOPIC ? { compacted: true } : {}),
        })),
      );
    },
    async startConsumer() {
      const consumer = await messaging.startConsumer({
        groupId: config.CONSUMER_GROUP,
        topics,
        ...consumerHandlers(db, geography, changed),
        fromBeginning: true,
        partitionsConcurrently: config.CONSUMER_CONCURRENCY,
        maxBatchSize: 500,
      });
      consumers.push(consumer);
      return consumer;
    },
    async startWorkers() {
      if (started) return;
      started = true;
      await module.startConsumer();
    },
    async close() {
      await Promise.allSettled(consumers.map((consumer) => consumer.stop()));
      await rebuilds.stop();
      await notices.close();
      await messaging.disconnect().catch(() => undefined);
      redis.disconnect();
      await db.close();
    },
  };
  await module.ensureTopics();
  if (config.DEMO_DATA) void loadDemoOnce(module, options.logger);
  return module;
}

/** The demo year, loaded in the background when the log is empty (scripts/up.sh --demo). */
async function loadDemoOnce(module: ProjectionsModule, logger?: Logger) {
  const [any] = await module.db.query('SELECT 1 FROM pj_event_log LIMIT 1');
  if (any) return;
  let shown = -1;
  try {
    const events = await loadDemo(
      module.db,
      module.geography,
      { victims: module.config.DEMO_VICTIMS, year: new Date().getUTCFullYear() - 1 },
      (progress) => {
        const tenth =
          Math.floor((progress.done / Math.max(progress.total, 1)) * 10) +
          (progress.phase === 'views' ? 10 : 0);
        if (tenth === shown) return;
        shown = tenth;
        logger?.info({ demo: progressBar(progress) }, 'loading the demo year');
      },
    );
    logger?.info({ events }, 'demo year loaded');
  } catch (error) {
    logger?.error({ err: error }, 'demo year not loaded');
  }
}
