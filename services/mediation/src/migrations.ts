import { Migration } from '@mikro-orm/migrations';
import { eventStoreMigrations, type MigrationEntry, subjectKeyMigrations } from '@parcours/eventstore';

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

export const mediationMigrations: MigrationEntry[] = [
  ...eventStoreMigrations,
  ...subjectKeyMigrations,
  { name: '0400_mediation_bookings', class: Bookings },
  { name: '0401_mediation_read_models', class: ReadModels },
];
