import { Migration } from '@mikro-orm/migrations';
import { eventStoreMigrations, type MigrationEntry, subjectKeyMigrations } from '@parcours/eventstore';

/**
 * The intake service's read models and logs. None holds personal data in clear: identities stay in
 * the events' encrypted envelopes; duplicates are found on the match key (an HMAC).
 */
class IntakeReadModels extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE intake_summaries (
        intake_id        text         PRIMARY KEY,
        case_id          text         NOT NULL,
        channel          text         NOT NULL,
        status           text         NOT NULL,
        offence_category text         NOT NULL,
        urgency          text         NOT NULL,
        office_id        text,
        association_id   text,
        mass_event_id    text,
        match_key        text,
        merged_into      text,
        recorded_by      text         NOT NULL,
        recorded_at      timestamptz  NOT NULL
      )`);
    this.addSql('CREATE INDEX intake_summaries_recorded ON intake_summaries (recorded_at DESC, intake_id)');
    this.addSql(
      'CREATE INDEX intake_summaries_match_key ON intake_summaries (match_key) WHERE match_key IS NOT NULL',
    );
    this.addSql(
      'CREATE INDEX intake_summaries_mass_event ON intake_summaries (mass_event_id) WHERE mass_event_id IS NOT NULL',
    );

    this.addSql(`
      CREATE TABLE callback_queue (
        task_id        text         PRIMARY KEY,
        source         text         NOT NULL,
        intake_id      text,
        urgency        text         NOT NULL,
        urgency_rank   smallint     NOT NULL,
        due_at         timestamptz  NOT NULL,
        status         text         NOT NULL,
        requested_at   timestamptz  NOT NULL,
        completed_at   timestamptz,
        completed_by   text,
        outcome        text
      )`);
    this.addSql(
      "CREATE INDEX callback_queue_open ON callback_queue (urgency_rank, due_at) WHERE status = 'open'",
    );

    this.addSql(`
      CREATE TABLE mass_events (
        mass_event_id     text         PRIMARY KEY,
        name              text         NOT NULL,
        kind              text         NOT NULL,
        occurred_on       date         NOT NULL,
        commune_code      text,
        offence_category  text         NOT NULL,
        status            text         NOT NULL,
        recorded_at       timestamptz  NOT NULL
      )`);

    this.addSql(`
      CREATE TABLE mass_event_imports (
        import_id      text         PRIMARY KEY,
        mass_event_id  text         NOT NULL,
        status         text         NOT NULL,
        total          integer,
        done           integer      NOT NULL DEFAULT 0,
        imported       integer      NOT NULL DEFAULT 0,
        failed         integer      NOT NULL DEFAULT 0,
        errors         jsonb        NOT NULL DEFAULT '[]',
        started_by     text         NOT NULL,
        started_at     timestamptz  NOT NULL DEFAULT now(),
        finished_at    timestamptz
      )`);

    // Who read which file, when and why (PRODUCT.md: supervisors see who read which file).
    this.addSql(`
      CREATE TABLE access_log (
        id         bigserial    PRIMARY KEY,
        actor      text         NOT NULL,
        intake_id  text         NOT NULL,
        at         timestamptz  NOT NULL DEFAULT now(),
        purpose    text         NOT NULL
      )`);
    this.addSql('CREATE INDEX access_log_intake ON access_log (intake_id, at)');
  }
}

/** The copy of the network directory (directory/copy.ts): latest state per office, partner, agreement. */
class IntakeDirectory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE intake_directory (
        key         text         PRIMARY KEY,
        type        text         NOT NULL,
        data        jsonb        NOT NULL,
        changed_at  timestamptz  NOT NULL
      )`);
  }
}

/** The reads logged so far move to the event store's access log (es_access_log), one for every service. */
class AccessLogMoved extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      INSERT INTO es_access_log (at, actor, subject_kind, subject_id, purpose)
      SELECT at, actor, 'intake', intake_id, purpose FROM access_log ORDER BY at, id`);
    this.addSql('DROP TABLE access_log');
  }
}

/**
 * Whether an intake awaits orientation (every channel but a helpline call whose listener chose a
 * callback or information only): the helpline's intakes to complete are the open ones that do. The
 * intakes recorded before it are told from their IntakeRecorded event.
 */
class SummaryAwaitsOrientation extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE intake_summaries ADD COLUMN awaits_orientation boolean NOT NULL DEFAULT true');
    this.addSql(`
      UPDATE intake_summaries s SET awaits_orientation = false FROM es_events e
      WHERE e.type = 'IntakeRecorded' AND e.data->>'intakeId' = s.intake_id
        AND e.data->'details'->>'channel' = 'helpline' AND e.data->'details'->>'outcome' <> 'orientation'`);
    this.addSql('ALTER TABLE intake_summaries ALTER COLUMN awaits_orientation DROP DEFAULT');
  }
}

export const intakeMigrations: MigrationEntry[] = [
  ...eventStoreMigrations,
  ...subjectKeyMigrations,
  { name: '0100_intake_read_models', class: IntakeReadModels },
  { name: '0101_intake_directory', class: IntakeDirectory },
  { name: '0102_access_log_moved', class: AccessLogMoved },
  { name: '0103_summary_awaits_orientation', class: SummaryAwaitsOrientation },
];
