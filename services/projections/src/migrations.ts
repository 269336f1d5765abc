import { Migration } from '@mikro-orm/migrations';
import { eventStoreMigrations, type MigrationEntry } from '@parcours/eventstore';

/**
 * The integration-event log (the rebuild source, independent of Kafka's retention) and the views
 * folded from it, one row per thing of a case (docs in ../README.md).
 */
class ProjectionTables extends Migration {
  override async up(): Promise<void> {
    // Append-only: a row is never updated nor deleted (erasure aside: the log holds no personal data in clear).
    this.addSql(`
      CREATE TABLE pj_event_log (
        event_id    text         PRIMARY KEY,
        seq         bigserial    NOT NULL CONSTRAINT pj_event_log_seq_unique UNIQUE,
        topic       text         NOT NULL,
        type        text         NOT NULL,
        case_key    text         NOT NULL,
        time        timestamptz  NOT NULL,
        received_at timestamptz  NOT NULL DEFAULT now(),
        data        jsonb        NOT NULL
      )`);
    this.addSql('CREATE INDEX pj_event_log_case ON pj_event_log (case_key, time, event_id)');
    this.addSql(`
      CREATE TABLE pj_cases (
        case_key              text         PRIMARY KEY,
        channel               text,
        intake_office_id      text,
        intake_association_id text,
        offence_category      text,
        first_at              timestamptz  NOT NULL,
        last_at               timestamptz  NOT NULL
      )`);
    this.addSql(`
      CREATE TABLE pj_files (
        file_id          text         PRIMARY KEY,
        case_key         text         NOT NULL,
        association_id   text         NOT NULL,
        office_id        text         NOT NULL,
        person_key       text         NOT NULL,
        origin           text,
        channel          text,
        offence_category text,
        status           text         NOT NULL,
        caseworker_id    text,
        opened_at        timestamptz,
        closed_at        timestamptz,
        closure_reason   text,
        first_contact_at timestamptz,
        last_activity_at timestamptz  NOT NULL,
        inactive_since   timestamptz
      )`);
    this.addSql('CREATE INDEX pj_files_case ON pj_files (case_key)');
    this.addSql('CREATE INDEX pj_files_office ON pj_files (office_id, status)');
    this.addSql('CREATE INDEX pj_files_association ON pj_files (association_id, status)');
    this.addSql(`
      CREATE TABLE pj_referrals (
        referral_id      text         PRIMARY KEY,
        case_key         text         NOT NULL,
        association_id   text,
        office_id        text,
        from_office_id   text,
        mode             text,
        status           text         NOT NULL,
        urgency          text,
        proposed_at      timestamptz,
        due_at           timestamptz,
        answered_at      timestamptz,
        accepted_at      timestamptz
      )`);
    this.addSql('CREATE INDEX pj_referrals_case ON pj_referrals (case_key)');
    this.addSql('CREATE INDEX pj_referrals_office ON pj_referrals (office_id, status)');
    this.addSql('CREATE INDEX pj_referrals_association ON pj_referrals (association_id, status)');
    this.addSql(`
      CREATE TABLE pj_actions (
        action_id      text         PRIMARY KEY,
        case_key       text         NOT NULL,
        file_id        text         NOT NULL,
        association_id text         NOT NULL,
        office_id      text         NOT NULL,
        person_key     text         NOT NULL,
        kind           text         NOT NULL,
        done_at        timestamptz  NOT NULL
      )`);
    this.addSql('CREATE INDEX pj_actions_case ON pj_actions (case_key)');
    this.addSql('CREATE INDEX pj_actions_association ON pj_actions (association_id, done_at)');
    this.addSql('CREATE INDEX pj_actions_done ON pj_actions (done_at)');
    this.addSql(`
      CREATE TABLE pj_hearings (
        hearing_id            text         PRIMARY KEY,
        case_key              text         NOT NULL,
        file_id               text         NOT NULL,
        association_id        text         NOT NULL,
        office_id             text         NOT NULL,
        starts_at             timestamptz  NOT NULL,
        accompaniment_planned boolean      NOT NULL
      )`);
    this.addSql('CREATE INDEX pj_hearings_case ON pj_hearings (case_key)');
    this.addSql('CREATE INDEX pj_hearings_office ON pj_hearings (office_id, starts_at)');
    this.addSql('CREATE INDEX pj_hearings_association ON pj_hearings (association_id, starts_at)');
    this.addSql(`
      CREATE TABLE pj_evvi (
        request_id     text         PRIMARY KEY,
        case_key       text         NOT NULL,
        file_id        text         NOT NULL,
        association_id text         NOT NULL,
        office_id      text         NOT NULL,
        requested_at   timestamptz,
        due_on         text,
        submitted_at   timestamptz,
        late           boolean      NOT NULL
      )`);
    this.addSql('CREATE INDEX pj_evvi_case ON pj_evvi (case_key)');
    this.addSql('CREATE INDEX pj_evvi_association ON pj_evvi (association_id, submitted_at)');
    this.addSql(`
      CREATE TABLE pj_breaches (
        breach_id      text         PRIMARY KEY,
        case_key       text         NOT NULL,
        kind           text         NOT NULL,
        association_id text,
        office_id      text,
        at             timestamptz  NOT NULL
      )`);
    this.addSql('CREATE INDEX pj_breaches_case ON pj_breaches (case_key)');
    this.addSql('CREATE INDEX pj_breaches_office ON pj_breaches (office_id, at)');
    this.addSql('CREATE INDEX pj_breaches_association ON pj_breaches (association_id, at)');
    this.addSql(`
      CREATE TABLE pj_mediations (
        mandate_id           text         PRIMARY KEY,
        case_key             text         NOT NULL,
        association_id       text         NOT NULL,
        office_id            text         NOT NULL,
        status               text         NOT NULL,
        return_reason        text,
        fulfilled            boolean,
        deadline             text,
        first_convocation_by text,
        outcome_at           timestamptz,
        sessions_held        integer      NOT NULL
      )`);
    this.addSql('CREATE INDEX pj_mediations_case ON pj_mediations (case_key)');
    this.addSql('CREATE INDEX pj_mediations_office ON pj_mediations (office_id, status)');
    this.addSql('CREATE INDEX pj_mediations_association ON pj_mediations (association_id, status)');
    this.addSql(`
      CREATE TABLE pj_offices (
        office_id      text         PRIMARY KEY,
        association_id text         NOT NULL,
        type           text         NOT NULL,
        commune_code   text         NOT NULL,
        departement    text         NOT NULL,
        region         text         NOT NULL,
        active         boolean      NOT NULL,
        at             timestamptz  NOT NULL
      )`);
    this.addSql(`
      CREATE TABLE pj_views (
        name         text         PRIMARY KEY,
        status       text         NOT NULL,
        processed    bigint       NOT NULL,
        total        bigint       NOT NULL,
        started_at   timestamptz,
        finished_at  timestamptz,
        applied_at   timestamptz
      )`);
    this.addSql(
      `INSERT INTO pj_views (name, status, processed, total) VALUES ('cases', 'live', 0, 0), ('directory', 'live', 0, 0)`,
    );
  }
}

/**
 * A dashboard's figures on files and referrals read from their scope's index alone (index-only
 * scans, once the rows are all visible: a rebuild vacuums its new tables): the rows of an
 * association lie on as many heap pages as it has rows (bench/projections/REPORT.md).
 */
class DashboardCoveringIndexes extends Migration {
  override async up(): Promise<void> {
    for (const scope of ['office', 'association']) {
      this.addSql(`DROP INDEX pj_files_${scope}`);
      this.addSql(`CREATE INDEX pj_files_${scope} ON pj_files (${scope}_id, status)
        INCLUDE (caseworker_id, opened_at, last_activity_at, first_contact_at, inactive_since)`);
      this.addSql(`DROP INDEX pj_referrals_${scope}`);
      this.addSql(`CREATE INDEX pj_referrals_${scope} ON pj_referrals (${scope}_id, status)
        INCLUDE (proposed_at, due_at, accepted_at)`);
    }
  }
}

/**
 * The victim's link with the author (intake's ready-for-orientation v2), so that the annual report
 * counts a couple's violence and a former couple's apart. Files folded before it have none until
 * the case views are rebuilt; v1 intakes never had one.
 */
class FileAuthorLink extends Migration {
  override async up(): Promise<void> {
    this.addSql('ALTER TABLE pj_files ADD COLUMN author_link text');
  }
}

export const projectionsMigrations: MigrationEntry[] = [
  ...eventStoreMigrations,
  { name: '0500_projection_tables', class: ProjectionTables },
  { name: '0501_dashboard_covering_indexes', class: DashboardCoveringIndexes },
  { name: '0502_file_author_link', class: FileAuthorLink },
];
