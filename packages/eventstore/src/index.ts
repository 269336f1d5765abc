// The wire-side types the event store reads and writes, defined once in contracts.
export type { EncryptedEnvelope, OutboxMessage, OutboxSink } from '@parcours/contracts';
export {
  type AccessLogQuery,
  type AccessLogRecord,
  type AccessSubject,
  logAccess,
  queryAccessLog,
} from './access-log.ts';
export { AggregateCache } from './aggregate-cache.ts';
export {
  type HandleOptions,
  type HandleResult,
  handleCommand,
  handleCommands,
  handleNewStreams,
} from './command-handler.ts';
export {
  Database,
  type DatabaseOptions,
  type Entities,
  type EntityManagerOf,
  type MigrationEntry,
  type SessionLock,
  type Sql,
  type Tx,
} from './database.ts';
export { retryDeadlocks } from './deadlocks.ts';
export { AccessLogEntry } from './entities.ts';
export { isEncryptedEnvelope } from './envelopes.ts';
export { ConcurrencyError, UpcastError } from './errors.ts';
export {
  type AppendOptions,
  type AppendRequest,
  type AppendResult,
  EventStore,
  type KeysWithEvents,
  OUTBOX_LANES,
} from './event-store.ts';
export {
  type Aggregate,
  type Checkpoint,
  type Decider,
  type Event,
  type EventMetadata,
  START,
  type StoredEvent,
} from './events.ts';
export { processBatchOnce, processOnce } from './inbox.ts';
export { eventStoreMigrations, subjectKeyMigrations } from './migrations.ts';
export { NewKeys } from './new-keys.ts';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay.ts';
export type { Projection } from './projection.ts';
export { documentProjection, ProjectionRunner } from './projections.ts';
export { READ_MODEL_KYSELY, readModels, readRows, schemaDrift, write } from './read-models.ts';
export {
  cancelJob,
  type Job,
  reschedule,
  type ScheduledJob,
  schedule,
  scheduledJob,
} from './schedule.ts';
export { type ClaimedJob, type JobHandler, Scheduler, type SchedulerOptions } from './scheduler.ts';
export {
  SubjectErasedError,
  SubjectKeys,
  type SubjectKeysOptions,
} from './subject-keys.ts';
export { currentSchemaVersion, type EventSchemas, upcast } from './upcasting.ts';
