import { Migration } from '@mikro-orm/migrations';
import { eventStoreMigrations, type MigrationEntry } from '@parcours/eventstore';

/** The referral service's read model (office inboxes) and its deadline schedule. */
class ReferralTables extends Migration {
  override async up(): Promise<void> {
    // One row per referral; the sender keeps a read-only trace through from_office_id.
    this.addSql(`
      CREATE TABLE referral_inbox (
        referral_id        text         PRIMARY KEY,
        case_id            text         NOT NULL,
        intake_id          text         NOT NULL,
        status             text         NOT NULL,
        mode               text,
        target_kind        text,
        association_id     text,
        office_id          text,
        organisation_id    text,
        from_association_id text,
        from_office_id     text,
        urgency            text         NOT NULL,
        urgency_rank       smallint     NOT NULL,
        offence_category   text         NOT NULL,
        needs              jsonb        NOT NULL DEFAULT '[]',
        reasons            jsonb        NOT NULL DEFAULT '[]',
        queue_reason       text,
        candidates         jsonb,
        due_at             timestamptz,
        reminders_sent     jsonb        NOT NULL DEFAULT '[]',
        escalated          boolean      NOT NULL DEFAULT false,
        decline_reason     text,
        redirected_to      text,
        redirected_from    text,
        outcome            jsonb,
        proposed_at        timestamptz  NOT NULL,
        updated_at         timestamptz  NOT NULL
      )`);
    this.addSql(
      'CREATE INDEX referral_inbox_office ON referral_inbox (office_id, status, urgency_rank, due_at)',
    );
    this.addSql(
      'CREATE INDEX referral_inbox_sender ON referral_inbox (from_office_id) WHERE from_office_id IS NOT NULL',
    );
    this.addSql(
      "CREATE INDEX referral_inbox_queue ON referral_inbox (urgency_rank, proposed_at) WHERE status = 'queued'",
    );

    // The system of record for deadlines: written with the proposal, fired once by the scheduler.
    this.addSql(`
      CREATE TABLE referral_deadlines (
        referral_id  text         NOT NULL,
        kind         text         NOT NULL,
        due_at       timestamptz  NOT NULL,
        fired_at     timestamptz,
        fired_by     text,
        PRIMARY KEY (referral_id, kind)
      )`);
    this.addSql('CREATE INDEX referral_deadlines_due ON referral_deadlines (due_at) WHERE fired_at IS NULL');
  }
}

/** A case's referrals, by case id (GET /cases/:caseId/referrals). */
class ReferralByCase extends Migration {
  override async up(): Promise<void> {
    this.addSql('CREATE INDEX referral_inbox_case ON referral_inbox (case_id)');
  }
}

/** The directory feed's snapshots published (directory/publish.ts): one row per FEED_VERSION. */
class DirectoryFeed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE directory_feed (
        version      integer      PRIMARY KEY,
        published_at timestamptz  NOT NULL,
        messages     integer      NOT NULL
      )`);
  }
}

/**
 * The deadlines move to the event store's schedule (es_schedule, one mechanism for every service):
 * each row becomes the job referral/scheduler.ts would schedule for it, fired ones stay fired.
 */
class DeadlinesOnSchedule extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      INSERT INTO es_schedule (key, kind, group_key, due_at, run_at, payload, fired_at, fired_by)
      SELECT 'referral-deadline:' || referral_id || ':' || kind, 'referral-deadline', 'referral-' || referral_id,
             due_at, due_at, jsonb_build_object('referralId', referral_id, 'deadline', kind), fired_at, fired_by
      FROM referral_deadlines
      ON CONFLICT (key) DO NOTHING`);
    this.addSql('DROP TABLE referral_deadlines');
  }
}

/** What tells whether the feed's topic still holds its snapshot (directory/publish.ts). */
class DirectoryFeedOffsets extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      ALTER TABLE directory_feed
        ADD COLUMN publications  integer      NOT NULL DEFAULT 1,
        ADD COLUMN topic_offsets jsonb,
        ADD COLUMN confirmed_at  timestamptz`);
  }
}

/** Reasons became codes (routing/reasons.ts): the inbox's English lines are kept as `note`s. */
class ReasonCodes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      UPDATE referral_inbox SET reasons = (
        SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(r) = 'string'
                 THEN jsonb_build_object('code', 'note', 'params', jsonb_build_object('text', r)) ELSE r END
                 ORDER BY n), '[]'::jsonb)
        FROM jsonb_array_elements(reasons) WITH ORDINALITY AS t(r, n))
      WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(reasons) r WHERE jsonb_typeof(r) = 'string')`);
  }
}

export const referralMigrations: MigrationEntry[] = [
  ...eventStoreMigrations,
  { name: '0200_referral_tables', class: ReferralTables },
  { name: '0201_referral_by_case', class: ReferralByCase },
  { name: '0202_directory_feed', class: DirectoryFeed },
  { name: '0203_deadlines_on_schedule', class: DeadlinesOnSchedule },
  { name: '0204_directory_feed_offsets', class: DirectoryFeedOffsets },
  { name: '0205_reason_codes', class: ReasonCodes },
];
