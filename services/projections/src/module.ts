import { type Geography, loadGeography } from '@parcours/geography';
import type { RunningConsumer } from '@parcours/messaging';
import { type BaseModule, type ModuleLogger, openServiceModule } from '@parcours/service-kit/module';
import { Redis } from 'ioredis';
import type { ProjectionsConfig } from './config.ts';
import { loadDemo, progressBar } from './demo/load.ts';
import { projectionEntities } from './entities.ts';
import { DashboardNotices, placesOfCases } from './live/notify.ts';
import { consumerHandlers, type Ingested } from './log/ingest.ts';
import { projectionsMigrations } from './migrations.ts';
import { Rebuilds } from './rebuild/rebuild.ts';

/** Everything the routes use, opened once per process: database, geography, messaging, live notices, rebuilds. */
export interface ProjectionsModule extends BaseModule<ProjectionsConfig, typeof projectionEntities> {
  geography: Geography;
  redis: Redis;
  notices: DashboardNotices;
  rebuilds: Rebuilds;
  topics: string[];
  /** Called after each committed batch (live notices; tests wait on it). */
  onIngested(listener: (ingested: Ingested) => void): () => void;
  /** Joins the consumer group on every integration topic. */
  startConsumer(): Promise<RunningConsumer>;
}

export async function openProjectionsModule(
  config: ProjectionsConfig,
  options: { logger?: ModuleLogger } = {},
): Promise<ProjectionsModule> {
  const geography = loadGeography();
  const topics = [
    config.INTAKE_TOPIC,
    config.REFERRAL_TOPIC,
    config.DIRECTORY_TOPIC,
    config.FOLLOWUP_TOPIC,
    config.MEDIATION_TOPIC,
  ];
  // It reads the others' topics and writes none: no event store, no outbox relay, no keys.
  const parts = await openServiceModule(config, {
    migrations: projectionsMigrations,
    entities: projectionEntities,
    store: false,
    topics: topics.map((topic) =>
      topic === config.DIRECTORY_TOPIC ? { topic, compacted: true as const } : topic,
    ),
    logger: options.logger,
  });
  const { db, messaging } = parts;
  const redis = new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const notices = new DashboardNotices(redis, config.LIVE_CHANNEL);
  const rebuilds = new Rebuilds(db, geography, { logger: options.logger });
  const listeners = new Set<(ingested: Ingested) => void>();
  const changed = (ingested: Ingested) => {
    for (const listener of listeners) listener(ingested);
  };
  listeners.add((ingested) => {
    placesOfCases(db, ingested.cases)
      .then((places) => notices.changed(places))
      .catch((error: unknown) => options.logger?.warn({ err: error }, 'live notice not sent'));
  });
  const startConsumer = () =>
    parts.addConsumer(() =>
      messaging.startConsumer({
        groupId: config.CONSUMER_GROUP,
        topics,
        ...consumerHandlers(db, geography, changed),
        fromBeginning: true,
        partitionsConcurrently: config.CONSUMER_CONCURRENCY,
        maxBatchSize: 500,
      }),
    );
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
    ensureTopics: parts.ensureTopics,
    startConsumer,
    startWorkers: () => parts.startWorkers(startConsumer),
    close: () =>
      parts.close(async () => {
        await rebuilds.stop();
        await notices.close();
        redis.disconnect();
      }),
  };
  if (config.DEMO_DATA) void loadDemoOnce(module, options.logger);
  return module;
}

/** The demo year, loaded in the background when the log is empty (scripts/up.sh --demo). */
async function loadDemoOnce(module: ProjectionsModule, logger?: ModuleLogger) {
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
