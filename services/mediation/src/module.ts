import type { Scheduler, SubjectKeys } from '@parcours/eventstore';
import type { RunningConsumer } from '@parcours/messaging';
import { type EventSourcedModule, type ModuleLogger, openServiceModule } from '@parcours/service-kit/module';
import type { MediationConfig } from './config.ts';
import { requestHandler } from './consumers.ts';
import { mediationJobHandlers } from './jobs.ts';
import { mediationMigrations } from './migrations.ts';
import { devDelivery, type NotificationDelivery, NotificationSender } from './notifications.ts';
import { defaultPolicy, type MediationPolicy } from './policy.ts';
import { mediationEntities, mediationViews } from './read-models.ts';
import { MediationService } from './service.ts';

/** Everything the routes use, opened once per process: database, keys, messaging, workers. */
export interface MediationModule extends EventSourcedModule<MediationConfig, typeof mediationEntities> {
  keys: SubjectKeys;
  mediation: MediationService;
  scheduler: Scheduler;
  /** Sends the reminders queued in the notifications outbox (notifications.ts). */
  notifications: NotificationSender;
  /** Joins the consumer group of the follow-up topic (mediation requests). */
  startConsumer(): Promise<RunningConsumer>;
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
  options: { logger?: ModuleLogger; clock?: () => Date; deliver?: NotificationDelivery } = {},
): Promise<MediationModule> {
  const parts = await openServiceModule(config, {
    migrations: mediationMigrations,
    entities: mediationEntities,
    inline: (db) => [mediationViews(db)],
    keys: true,
    topics: [config.MEDIATION_TOPIC, config.FOLLOWUP_TOPIC],
    logger: options.logger,
  });
  const { db, store, keys, messaging } = parts;
  const mediation = new MediationService({
    db,
    store,
    keys,
    topic: config.MEDIATION_TOPIC,
    policy: policyOf(config),
  });
  const clock = options.clock ?? (() => new Date());
  const scheduler = parts.schedule(
    mediationJobHandlers({
      mediation,
      decrypt: (envelope) => keys.tryDecrypt(envelope),
      seal: (subjectId, value) => keys.encrypt(subjectId, value),
      ...(options.logger ? { logger: options.logger } : {}),
    }),
    clock,
  );
  // No SMS or e-mail gateway is wired yet: the development sender records what it would send.
  const notifications = parts.addWorker(
    new NotificationSender(db, options.deliver ?? devDelivery, {
      pollMs: config.SCHEDULER_POLL_MS,
      ...(options.logger ? { logger: options.logger } : {}),
    }),
  );
  const startConsumer = () =>
    parts.addConsumer(() =>
      messaging.startConsumer({
        groupId: config.FOLLOWUP_CONSUMER_GROUP,
        topics: [config.FOLLOWUP_TOPIC],
        handler: requestHandler(db, mediation, clock),
        fromBeginning: true,
      }),
    );
  return {
    config,
    db,
    store,
    keys,
    mediation,
    messaging,
    relay: parts.relay,
    scheduler,
    notifications,
    ensureTopics: parts.ensureTopics,
    startConsumer,
    startWorkers: () => parts.startWorkers(startConsumer),
    close: () => parts.close(),
  };
}
