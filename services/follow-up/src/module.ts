import { ProjectionRunner, type Scheduler, type SubjectKeys } from '@parcours/eventstore';
import type { RunningConsumer } from '@parcours/messaging';
import { type EventSourcedModule, type ModuleLogger, openServiceModule } from '@parcours/service-kit/module';
import type { FollowUpConfig } from './config.ts';
import { caseBatchHandler, caseHandler } from './consumers.ts';
import { fileViews, followUpEntities } from './files/read-model.ts';
import { followUpMigrations } from './migrations.ts';
import { FollowUpService } from './service.ts';
import { fileJobHandlers } from './tasks/jobs.ts';
import { defaultScheduleSettings } from './tasks/schedule.ts';

/** Everything the routes use, opened once per process: database, keys, messaging, workers. */
export interface FollowUpModule extends EventSourcedModule<FollowUpConfig, typeof followUpEntities> {
  keys: SubjectKeys;
  followUp: FollowUpService;
  projections: ProjectionRunner;
  scheduler: Scheduler;
  /** Joins the consumer group on intake's, referral's and mediation's topics. */
  startConsumer(): Promise<RunningConsumer>;
}

export async function openFollowUpModule(
  config: FollowUpConfig,
  options: { logger?: ModuleLogger; clock?: () => Date } = {},
): Promise<FollowUpModule> {
  const parts = await openServiceModule(config, {
    migrations: followUpMigrations,
    entities: followUpEntities,
    // The files' lists are written with the file events, in the append's transaction (inline).
    inline: () => [fileViews],
    keys: true,
    topics: [config.FOLLOWUP_TOPIC, config.INTAKE_TOPIC, config.REFERRAL_TOPIC, config.MEDIATION_TOPIC],
    logger: options.logger,
  });
  const { db, store, keys, messaging } = parts;
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
  const startConsumer = () =>
    parts.addConsumer(() =>
      messaging.startConsumer({
        groupId: config.CONSUMER_GROUP,
        topics: [config.INTAKE_TOPIC, config.REFERRAL_TOPIC, config.MEDIATION_TOPIC],
        handler: caseHandler(db, followUp, clock),
        batchHandler: caseBatchHandler(db, followUp, clock),
        fromBeginning: true,
        partitionsConcurrently: config.CONSUMER_CONCURRENCY,
      }),
    );
  return {
    config,
    db,
    store,
    keys,
    followUp,
    projections: new ProjectionRunner(db, store, [fileViews], { pollIntervalMs: 500 }),
    messaging,
    relay: parts.relay,
    scheduler: parts.schedule(fileJobHandlers(followUp), clock),
    ensureTopics: parts.ensureTopics,
    startConsumer,
    startWorkers: () => parts.startWorkers(startConsumer),
    close: () => parts.close(),
  };
}
