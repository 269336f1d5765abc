import { Migration } from '@mikro-orm/migrations';
import { eventStoreMigrations, type MigrationEntry, subjectKeyMigrations } from '@parcours/eventstore';

/** The follow-up service's read models: files per office and caseworker, and each file's support actions. */
class FollowUpReadModels extends Migration {
  override async up(): Promise<void> {
    // One row per file; a transferred file keeps its row as the read-only trace.
    this.addSql(`
      CREATE TABLE followup_files (
        file_id                 text         PRIMARY KEY,
        case_id                 text         NOT NULL,
        association_id          text         NOT NULL,
        office_id               text         NOT NULL,
        status                  text         NOT NULL,
        origin                  text         NOT NULL,
        referral_id             text         NOT NULL,
        linked_file_id          text,
        caseworker_id           text,
        channel                 text         NOT NULL,
        offence_category        text         NOT NULL,
        urgency                 text         NOT NULL,
        needs                   jsonb        NOT NULL,
        action_count            integer      NOT NULL DEFAULT 0,
        mediation_open          boolean      NOT NULL DEFAULT false,
        closed_reason           text,
        opened_at               timestamptz  NOT NULL,
        last_activity_at        timestamptz  NOT NULL,
        flagged_inactive_since  timestamptz,
        updated_at              timestamptz  NOT NULL
      )`);
    this.addSql('CREATE INDEX followup_files_office ON followup_files (office_id, status, opened_at)');
    this.addSql(
      'CREATE INDEX followup_files_caseworker ON followup_files (caseworker_id, status) WHERE caseworker_id IS NOT NULL',
    );
    this.addSql('CREATE INDEX followup_files_case ON followup_files (case_id)');
    // The support actions, newest first on the file's page; the note stays an encrypted envelope.
    this.addSql(`
      CREATE TABLE followup_actions (
        action_id         text         PRIMARY KEY,
        file_id           text         NOT NULL,
        kind              text         NOT NULL,
        "on"              timestamptz  NOT NULL,
        duration_minutes  integer      NOT NULL,
        channel           text         NOT NULL,
        staff_ids         jsonb        NOT NULL,
        note              jsonb,
        scheme            text,
        oriented_to       text,
        hearing_id        text,
        recorded_by       text         NOT NULL,
        recorded_at       timestamptz  NOT NULL
      )`);
    this.addSql('CREATE INDEX followup_actions_file ON followup_actions (file_id, "on")');
  }
}

/** Open tasks for the overdue lists, per caseworker and per office. */
class FollowUpTasks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE followup_tasks (
        task_id         text         PRIMARY KEY,
        file_id         text         NOT NULL,
        association_id  text         NOT NULL,
        office_id       text         NOT NULL,
        kind            text         NOT NULL,
        due_at          timestamptz  NOT NULL,
        assignee_id     text,
        status          text         NOT NULL,
        updated_at      timestamptz  NOT NULL
      )`);
    this.addSql(
      "CREATE INDEX followup_tasks_office ON followup_tasks (office_id, due_at) WHERE status = 'open'",
    );
    this.addSql(
      "CREATE INDEX followup_tasks_assignee ON followup_tasks (assignee_id, due_at) WHERE status = 'open'",
    );
    this.addSql('CREATE INDEX followup_tasks_file ON followup_tasks (file_id)');
  }
}

export const followUpMigrations: MigrationEntry[] = [
  ...eventStoreMigrations,
  // The subject keys live here unless KEYSTORE_URL names the deployment's shared key store.
  ...subjectKeyMigrations,
  { name: '0300_followup_read_models', class: FollowUpReadModels },
  { name: '0301_followup_tasks', class: FollowUpTasks },
];
