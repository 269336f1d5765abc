import type { IntegrationEvent } from '@parcours/contracts';
import { ProjectionRunner, type SubjectKeys } from '@parcours/eventstore';
import { type Geography, loadGeography } from '@parcours/geography';
import { type EventSourcedModule, type ModuleLogger, openServiceModule } from '@parcours/service-kit/module';
import { callbackViews } from './callbacks/queue.ts';
import type { IntakeConfig } from './config.ts';
import { DirectoryCopy, isDirectoryEvent } from './directory/copy.ts';
import { MatchKeys } from './duplicates/match-key.ts';
import { intakeEntities } from './entities.ts';
import { IntakeService } from './intake/service.ts';
import { MassEventImporter } from './mass-events/import.ts';
import { intakeMigrations } from './migrations.ts';
import { intakeViews } from './read-models.ts';

/** Everything the routes use, opened once per process: database, keys, messaging, workers. */
export interface IntakeModule extends EventSourcedModule<IntakeConfig, typeof intakeEntities> {
  keys: SubjectKeys;
  matchKeys: MatchKeys;
  /** The official geography (communes, postcodes), loaded once per process. */
  geography: Geography;
  /** The offices and agreements intakes are checked against, fed by the referral service's directory. */
  directory: DirectoryCopy;
  intakes: IntakeService;
  importer: MassEventImporter;
  projections: ProjectionRunner;
}

export async function openIntakeModule(
  config: IntakeConfig,
  options: { logger?: ModuleLogger } = {},
): Promise<IntakeModule> {
  const parts = await openServiceModule(config, {
    migrations: intakeMigrations,
    entities: intakeEntities,
    // The callback queue is written with the callbacks' events (inline); the lists by the runner.
    inline: (db) => [callbackViews(db)],
    keys: true,
    // Its own topic and the directory's it reads, created at boot when missing (whichever of
    // intake and referral starts first).
    topics: [config.INTAKE_TOPIC, { topic: config.DIRECTORY_TOPIC, compacted: true }],
    logger: options.logger,
  });
  const { db, store, keys, messaging } = parts;
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
  const projections = parts.addWorker(
    new ProjectionRunner(db, store, [intakeViews(db)], { pollIntervalMs: 500 }),
  );
  const applyDirectory = (events: IntegrationEvent[]) => directory.apply(events.filter(isDirectoryEvent));
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
    relay: parts.relay,
    ensureTopics: parts.ensureTopics,
    startWorkers: () =>
      parts.startWorkers(() =>
        parts.addConsumer(() =>
          messaging.startConsumer({
            groupId: config.DIRECTORY_CONSUMER_GROUP,
            topics: [config.DIRECTORY_TOPIC],
            handler: (event) => applyDirectory([event]),
            batchHandler: (messages) => applyDirectory(messages.map((m) => m.event)),
            maxBatchSize: 1_000,
            fromBeginning: true,
          }),
        ),
      ),
    async close() {
      // Imports under way finish while the relay and the database are still open.
      directory.stop();
      await importer.drain();
      await parts.close();
    },
  };
}
