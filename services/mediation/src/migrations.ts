import { Migration } from '@mikro-orm/migrations';
import { eventStoreMigrations, type MigrationEntry, subjectKeyMigrations } from '@parcours/eventstore';
import { calendarShards, calendarVersionBody, mediatorVersionBody, monthEntryBody } from './read-models.ts';

/**
 * What a calendar must never do, said by the database: two bookings of one mediator, one room or
 * one party at the same time. Rows are written in the scheduling command's own transaction; the
 * exclusion constraint decides races between two requests that both passed the slot check.
 */
class Bookings extends Migration {
  override async up(): Promise<void> {
    this.addSql('CREATE EXTENSION IF NOT EXISTS btree_gist');
    this.addSql(`
      CREATE TABLE mediation_bookings (
        session_id     text       NOT NULL,
        mandate_id     text       NOT NULL,
        resource_kind  text       NOT NULL,
        resource_id    text       NOT NULL,
        during         tstzrange  NOT NULL,
        PRIMARY KEY (session_id, resource_kind, resource_id),
        CONSTRAINT mediation_bookings_no_overlap
          EXCLUDE USING gist (resource_kind WITH =, resource_id WITH =, during WITH &&)
      )`);
  }
}

/**
 * The read models (read-models.ts): mandates per office, the parties' roles (no identity), and the
 * sessions of the calendar by mediator, room, office and time.
 */
class ReadModels extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE mediation_mandates (
        mandate_id        text         PRIMARY KEY,
        association_id    text         NOT NULL,
        office_id         text         NOT NULL,
        court             text         NOT NULL,
        origin            text         NOT NULL,
        status            text         NOT NULL,
        offence_category  text         NOT NULL,
        case_id           text,
        mediator_id       text,
        deadline          text,
        first_convocation_by text,
        reason            text,
        first_convocation_late boolean NOT NULL DEFAULT false,
        updated_at        timestamptz  NOT NULL
      )`);
    this.addSql('CREATE INDEX mediation_mandates_office ON mediation_mandates (office_id, status)');
    this.addSql(`
      CREATE TABLE mediation_parties (
        party_id    text  PRIMARY KEY,
        mandate_id  text  NOT NULL,
        role        text  NOT NULL,
        minor       boolean NOT NULL
      )`);
    this.addSql('CREATE INDEX mediation_parties_mandate ON mediation_parties (mandate_id)');
    this.addSql(`
      CREATE TABLE mediation_sessions (
        session_id      text         PRIMARY KEY,
        mandate_id      text         NOT NULL,
        association_id  text         NOT NULL,
        office_id       text         NOT NULL,
        mediator_id     text         NOT NULL,
        room_id         text         NOT NULL,
        kind            text         NOT NULL,
        status          text         NOT NULL,
        starts_at       timestamptz  NOT NULL,
        ends_at         timestamptz  NOT NULL,
        convocations    jsonb        NOT NULL,
        sequence        integer      NOT NULL
      )`);
    this.addSql('CREATE INDEX mediation_sessions_office ON mediation_sessions (office_id, starts_at)');
    this.addSql('CREATE INDEX mediation_sessions_mediator ON mediation_sessions (mediator_id, starts_at)');
    this.addSql('CREATE INDEX mediation_sessions_mandate ON mediation_sessions (mandate_id)');
  }
}

/**
 * The office's month as PostgreSQL sends it (calendar/views.ts): each session's JSON kept in its row
 * by a trigger (any writer, the bench's straight inserts included), so a month of 2,000 sessions is
 * one indexed scan and a string_agg; and the mediators of each association with their names.
 */
class MonthEntries extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE mediation_sessions ADD COLUMN month_entry text');
    // As MikroORM writes an entity's trigger (read-models.ts), so that the schema check finds no drift.
    this.addSql(
      `create or replace function "mediation_sessions_month_entry_fn"() returns trigger as $$ begin ${monthEntryBody}; end; $$ language plpgsql`,
    );
    this.addSql(
      'create trigger "month_entry" BEFORE INSERT OR UPDATE on "mediation_sessions" for each ROW execute function "mediation_sessions_month_entry_fn"()',
    );
    this.addSql('UPDATE mediation_sessions SET month_entry = NULL');
    this.addSql(`
      CREATE TABLE mediation_mediators (
        mediator_id     text  PRIMARY KEY,
        association_id  text  NOT NULL,
        name            text
      )`);
    this.addSql('CREATE INDEX mediation_mediators_association ON mediation_mediators (association_id, name)');
    // The mediators registered before this table (their names, if any, come with MediatorNamed).
    this.addSql(`
      INSERT INTO mediation_mediators (mediator_id, association_id)
      SELECT data->>'mediatorId', data->>'associationId' FROM es_events WHERE type = 'MediatorRegistered'
      ON CONFLICT DO NOTHING`);
  }
}

/**
 * Reminders leave through an outbox (notifications.ts): one row per reminder (its job's key: fired
 * once), the party's address sealed with their key; the development sender's record of what it sent.
 */
class Notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE mediation_notifications (
        notification_id  text         PRIMARY KEY,
        mandate_id       text         NOT NULL,
        session_id       text         NOT NULL,
        party_id         text         NOT NULL,
        subject_id       text         NOT NULL,
        channel          text         NOT NULL,
        leave_voicemail  boolean      NOT NULL,
        hours_before     integer      NOT NULL,
        address          jsonb        NOT NULL,
        created_at       timestamptz  NOT NULL DEFAULT now(),
        sent_at          timestamptz
      )`);
    this.addSql(
      'CREATE INDEX mediation_notifications_pending ON mediation_notifications (created_at) WHERE sent_at IS NULL',
    );
    this.addSql(`
      CREATE TABLE mediation_dev_deliveries (
        notification_id  text         PRIMARY KEY,
        subject_id       text         NOT NULL,
        channel          text         NOT NULL,
        leave_voicemail  boolean      NOT NULL,
        address          jsonb        NOT NULL,
        delivered_at     timestamptz  NOT NULL DEFAULT now()
      )`);
  }
}

/**
 * A version per office, UTC month and association (in shards), bumped by triggers whenever a session row or a
 * mediator's name changes (read-models.ts): the month view answers from its cache while the versions
 * it read are unchanged (calendar/month-cache.ts). The months already written start at a version.
 */
class CalendarVersions extends Migration {
  override async up(): Promise<void> {
    this.addSql('CREATE SEQUENCE mediation_calendar_version');
    this.addSql(`
      CREATE TABLE mediation_calendar_versions (
        office_id       text    NOT NULL,
        month           date    NOT NULL,
        association_id  text    NOT NULL,
        shard           integer NOT NULL,
        version         bigint  NOT NULL,
        PRIMARY KEY (office_id, month, association_id, shard)
      )`);
    // As MikroORM writes an entity's trigger (read-models.ts), so that the schema check finds no drift.
    for (const [table, body] of [
      ['mediation_sessions', calendarVersionBody],
      ['mediation_mediators', mediatorVersionBody],
    ] as const) {
      this.addSql(
        `create or replace function "${table}_calendar_version_fn"() returns trigger as $$ begin ${body}; end; $$ language plpgsql`,
      );
    }
    this.addSql(
      'create trigger "calendar_version" AFTER INSERT OR UPDATE OR DELETE on "mediation_sessions" for each ROW execute function "mediation_sessions_calendar_version_fn"()',
    );
    this.addSql(
      'create trigger "calendar_version" AFTER INSERT OR UPDATE on "mediation_mediators" for each ROW execute function "mediation_mediators_calendar_version_fn"()',
    );
    this.addSql(`
      INSERT INTO mediation_calendar_versions (office_id, month, association_id, shard, version)
      SELECT office_id, month, association_id, shard, nextval('mediation_calendar_version')
      FROM (SELECT DISTINCT office_id, date_trunc('month', starts_at AT TIME ZONE 'UTC')::date AS month, association_id,
                   hashtext(session_id) & ${calendarShards - 1} AS shard
            FROM mediation_sessions) AS keys`);
  }
}

export const mediationMigrations: MigrationEntry[] = [
  ...eventStoreMigrations,
  ...subjectKeyMigrations,
  { name: '0400_mediation_bookings', class: Bookings },
  { name: '0401_mediation_read_models', class: ReadModels },
  { name: '0402_mediation_month_entries', class: MonthEntries },
  { name: '0403_mediation_notifications', class: Notifications },
  { name: '0404_mediation_calendar_versions', class: CalendarVersions },
];
