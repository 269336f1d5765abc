import { randomUUID } from 'node:crypto';
import {
  Database,
  type Entities,
  type EventSchemas,
  EventStore,
  type JobHandler,
  type MigrationEntry,
  OutboxRelay,
  type Projection,
  Scheduler,
  SubjectKeys,
  subjectKeyMigrations,
} from '@parcours/eventstore';
import { createMessaging, createOutboxSink, type Messaging, type RunningConsumer } from '@parcours/messaging';
import type { BaseConfig } from './config.ts';

/** What a module logs with (the app's pino logger). */
export interface ModuleLogger {
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
  info(o: object, m: string): void;
}

/** The variables the common parts read: the base ones, the pool size, and the optional ones of the parts a service uses. */
export type ModuleConfig = Pick<
  BaseConfig,
  'SERVICE_NAME' | 'DATABASE_URL' | 'KAFKA_BROKERS' | 'KAFKA_TOPIC_PARTITIONS' | 'KAFKA_REPLICATION_FACTOR'
> & {
  DB_POOL_SIZE: number;
  /** With `keys: true` (personalDataConfigProperties). */
  KEY_ENCRYPTION_KEY?: string;
  KEYSTORE_URL?: string | undefined;
  /** The scheduler's polling interval (the Scheduler's own default, 1 s, when unset). */
  SCHEDULER_POLL_MS?: number;
};

/** Something the module runs in the background when workers run (RUN_WORKERS): relay, scheduler, projections… */
export interface ModuleWorker {
  start(): void;
  stop(): Promise<void>;
}

export interface OpenModuleOptions<E extends Entities> {
  /** The service's migrations, the event store's first. */
  migrations: MigrationEntry[];
  /** The service's read models (Database.connect's `entities`). */
  entities: E;
  /** `false` for a service without an event store (projections): no store and no outbox relay. */
  store?: boolean;
  /** The upcasters of the service's events (EventStore's `schemas`). */
  schemas?: EventSchemas;
  /** The projections written in each append's transaction (EventStore's `inline`). */
  inline?: (db: Database<E>) => Projection<any>[];
  /** Opens the deployment's key store and the victims' data keys (KEYSTORE_URL, KEY_ENCRYPTION_KEY). */
  keys?: boolean;
  /** The topics the service writes and reads, each with its dead-letter topic; `compacted` for state-carrying ones. */
  topics: readonly (string | { topic: string; compacted: true })[];
  logger?: ModuleLogger | undefined;
}

/** What every service's module shows its routes and tests; its own interface extends it. */
export interface BaseModule<Config, E extends Entities> {
  config: Config;
  db: Database<E>;
  messaging: Messaging;
  /** Creates the topics this service reads and writes, with their dead-letter topics (never auto-created). */
  ensureTopics(): Promise<void>;
  /** Starts the workers and the consumers (RUN_WORKERS); a second call does nothing. */
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

/** A module with an event store, whose outbox the relay publishes. */
export interface EventSourcedModule<Config, E extends Entities> extends BaseModule<Config, E> {
  store: EventStore;
  relay: OutboxRelay;
}

/** The parts every module has, and how it runs and closes them. */
export interface ModuleParts<E extends Entities> {
  db: Database<E>;
  messaging: Messaging;
  /** Creates the service's topics with their dead-letter topics (never auto-created); done once at open. */
  ensureTopics(): Promise<void>;
  /** A scheduler over the service's jobs, run with the workers. */
  schedule(handlers: Record<string, JobHandler>, clock: () => Date): Scheduler;
  /** Runs a worker of the service's own (a projection runner, a sender) with the others. */
  addWorker<W extends ModuleWorker>(worker: W): W;
  /** Starts a consumer and keeps it to stop at close. */
  addConsumer(start: () => Promise<RunningConsumer>): Promise<RunningConsumer>;
  /** Starts the workers, then `consumers` (the service's consumers); a second call does nothing. */
  startWorkers(consumers?: () => Promise<unknown>): Promise<void>;
  /**
   * Stops the consumers, then the workers if `startWorkers` started them, then runs `own` (what the
   * service opened itself and its workers may use until they stop), then disconnects from Kafka and
   * closes the key store and the database.
   */
  close(own?: () => Promise<void>): Promise<void>;
}

type Opened<E extends Entities, Store, Keys> = ModuleParts<E> &
  (Store extends false ? unknown : { store: EventStore; relay: OutboxRelay }) &
  (Keys extends true ? { keys: SubjectKeys } : unknown);

/**
 * Opens what every service's module opens the same way: its database (migrated), its event store
 * and outbox relay, the key store, messaging and its topics; and keeps what runs (workers,
 * consumers) so that `startWorkers` and `close` are the same everywhere. The module adds its own
 * service, views, jobs and consumers' handlers (docs/adding-a-service.md, "The module").
 */
export async function openServiceModule<
  const E extends Entities,
  const Store extends boolean = true,
  const Keys extends boolean = false,
>(
  config: ModuleConfig,
  options: OpenModuleOptions<E> & { store?: Store; keys?: Keys },
): Promise<Opened<E, Store, Keys>> {
  const logger = options.logger ? { logger: options.logger } : {};
  const db = await Database.connect({
    url: config.DATABASE_URL,
    migrations: options.migrations,
    entities: options.entities,
    poolSize: config.DB_POOL_SIZE,
    applicationName: config.SERVICE_NAME,
  });
  const workers: ModuleWorker[] = [];
  const consumers: RunningConsumer[] = [];
  const messaging = createMessaging({ brokers: config.KAFKA_BROKERS, clientId: config.SERVICE_NAME });
  let eventParts: { store: EventStore; relay: OutboxRelay } | undefined;
  if (options.store !== false) {
    const store = new EventStore(db, options.schemas ?? {}, { inline: options.inline?.(db) ?? [] });
    const relay = new OutboxRelay(db, createOutboxSink(messaging), { pollIntervalMs: 500, ...logger });
    workers.push(relay);
    eventParts = { store, relay };
  }
  // The deployment's shared key store: what intake encrypted for the victim, the others decrypt.
  let keystore: Database = db;
  let keys: SubjectKeys | undefined;
  if (options.keys) {
    if (!config.KEY_ENCRYPTION_KEY)
      throw new Error('KEY_ENCRYPTION_KEY is required to open the subject keys');
    if (config.KEYSTORE_URL)
      keystore = await Database.connect({
        url: config.KEYSTORE_URL,
        migrations: subjectKeyMigrations,
        poolSize: 4,
      });
    keys = new SubjectKeys(keystore, { kek: Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64') });
  }
  const spec = {
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
  };
  let started = false;
  const parts: ModuleParts<E> = {
    db,
    messaging,
    async ensureTopics() {
      await messaging.ensureTopics(
        options.topics.map((topic) =>
          typeof topic === 'string' ? { topic, ...spec } : { ...topic, ...spec },
        ),
      );
    },
    schedule(handlers, clock) {
      const scheduler = new Scheduler(db, {
        handlers,
        instance: `${config.SERVICE_NAME}-${randomUUID().slice(0, 8)}`,
        ...(config.SCHEDULER_POLL_MS === undefined ? {} : { pollMs: config.SCHEDULER_POLL_MS }),
        clock,
        ...logger,
      });
      return parts.addWorker(scheduler);
    },
    addWorker(worker) {
      workers.push(worker);
      return worker;
    },
    async addConsumer(start) {
      const consumer = await start();
      consumers.push(consumer);
      return consumer;
    },
    async startWorkers(startConsumers) {
      if (started) return;
      started = true;
      for (const worker of workers) worker.start();
      await startConsumers?.();
    },
    async close(own) {
      await Promise.allSettled(consumers.map((consumer) => consumer.stop()));
      if (started) await Promise.all(workers.map((worker) => worker.stop()));
      await own?.();
      await messaging.disconnect().catch(() => undefined);
      if (keystore !== db) await keystore.close();
      await db.close();
    },
  };
  await parts.ensureTopics();
  return { ...parts, ...eventParts, ...(keys ? { keys } : {}) } as Opened<E, Store, Keys>;
}
