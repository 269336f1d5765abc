import { Migration } from '@mikro-orm/migrations';
import type { MigrationEntry } from './database.ts';

/**
 * The event store's tables. `transaction_id` (xid8) with `position` gives the global order that
 * readers follow: a reader only goes past transactions older than every one still running, so an
 * event that commits after a later one is never skipped (see readAll).
 */
class EventStoreSchema extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE es_events (
        position        bigserial    NOT NULL,
        transaction_id  xid8         NOT NULL DEFAULT pg_current_xact_id(),
        stream_id       text         NOT NULL,
        stream_version  integer      NOT NULL,
        event_id        uuid         NOT NULL,
        type            text         NOT NULL,
        schema_version  smallint     NOT NULL DEFAULT 1,
        data            jsonb        NOT NULL,
        metadata        jsonb        NOT NULL DEFAULT '{}',
        recorded_at     timestamptz  NOT NULL DEFAULT now(),
        -- The global order is the key: every index costs each append (bench/eventstore).
        CONSTRAINT es_events_global_order PRIMARY KEY (transaction_id, position),
        CONSTRAINT es_events_stream_version UNIQUE (stream_id, stream_version)
      )`);

    // Lane = hash of the key: one relay at a time drains a lane, so one case's messages keep their order
    // even with several relays running.
    this.addSql(`
      CREATE TABLE es_outbox (
        position     bigserial    NOT NULL,
        id           uuid         NOT NULL,
        lane         smallint     NOT NULL,
        topic        text         NOT NULL,
        key          text         NOT NULL,
        event        jsonb        NOT NULL,
        headers      jsonb        NOT NULL DEFAULT '{}',
        created_at   timestamptz  NOT NULL DEFAULT now(),
        attempts     integer      NOT NULL DEFAULT 0,
        last_error   text,
        PRIMARY KEY (lane, position)
      )`);

    this.addSql(`
      CREATE TABLE es_inbox (
        consumer      text         NOT NULL,
        event_id      text         NOT NULL,
        processed_at  timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);

    this.addSql(`
      CREATE TABLE es_checkpoints (
        projection      text         PRIMARY KEY,
        transaction_id  xid8         NOT NULL DEFAULT '0',
        position        bigint       NOT NULL DEFAULT 0,
        updated_at      timestamptz  NOT NULL DEFAULT now()
      )`);

    this.addSql(`
      CREATE TABLE es_documents (
        projection  text   NOT NULL,
        id          text   NOT NULL,
        document    jsonb  NOT NULL,
        PRIMARY KEY (projection, id)
      )`);
  }
}

/** The per-subject data keys; lives in the key store's database (by default the service's own). */
class SubjectKeysSchema extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE subject_keys (
        subject_id   text         PRIMARY KEY,
        wrapped_key  bytea,
        created_at   timestamptz  NOT NULL DEFAULT now(),
        erased_at    timestamptz,
        erased_by    text,
        CONSTRAINT subject_keys_erased CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
      )`);
  }
}

/**
 * The outbox is a queue: every row is deleted once published, so after a backlog (a broker down
 * for a while) it holds mostly dead rows, and the relay's ordered read walks their index entries:
 * after draining 400,000 rows it ran at ~10,500 messages/s instead of ~19,000-26,000 until vacuumed
 * (bench/eventstore/FINDINGS.md). Vacuum it after a fixed number of dead rows, not a share of a
 * table that is nearly empty when healthy, and without the cost-based pauses.
 */
class OutboxVacuum extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      ALTER TABLE es_outbox SET (
        autovacuum_vacuum_scale_factor = 0,
        autovacuum_vacuum_threshold = 5000,
        autovacuum_vacuum_cost_delay = 0
      )`);
  }
}

/**
 * The schedule of every service's timed work (scheduler.ts): written in the transaction of what asked
 * for it, fired once by whichever instance claims it first.
 */
class Schedule extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE es_schedule (
        key           text         PRIMARY KEY,
        kind          text         NOT NULL,
        group_key     text,
        due_at        timestamptz  NOT NULL,
        run_at        timestamptz  NOT NULL,
        payload       jsonb        NOT NULL DEFAULT '{}',
        attempts      integer      NOT NULL DEFAULT 0,
        last_error    text,
        fired_at      timestamptz,
        fired_by      text,
        cancelled_at  timestamptz,
        created_at    timestamptz  NOT NULL DEFAULT now()
      )`);
    this.addSql(
      'CREATE INDEX es_schedule_pending ON es_schedule (run_at) WHERE fired_at IS NULL AND cancelled_at IS NULL',
    );
  }
}

/** Who read which file with personal data, when and why (access-log.ts). Append-only. */
class AccessLog extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE es_access_log (
        id            bigserial    PRIMARY KEY,
        at            timestamptz  NOT NULL DEFAULT now(),
        actor         text         NOT NULL,
        subject_kind  text         NOT NULL,
        subject_id    text         NOT NULL,
        purpose       text         NOT NULL
      )`);
    this.addSql('CREATE INDEX es_access_log_subject ON es_access_log (subject_kind, subject_id, at)');
    this.addSql('CREATE INDEX es_access_log_actor ON es_access_log (actor, at)');
    this.addSql('CREATE INDEX es_access_log_at ON es_access_log (at)');
  }
}

export const eventStoreMigrations: MigrationEntry[] = [
  { name: '0001_event_store', class: EventStoreSchema },
  { name: '0002_outbox_vacuum', class: OutboxVacuum },
  { name: '0003_schedule', class: Schedule },
  { name: '0004_access_log', class: AccessLog },
];
export const subjectKeyMigrations: MigrationEntry[] = [
  { name: '0001_subject_keys', class: SubjectKeysSchema },
];
