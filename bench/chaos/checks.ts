// What must hold after each fault, read from the services' databases and from Kafka: every call
// intake accepted recorded once and referred once, every accepted referral with exactly one open
// file in the accepting office, read models counting each event once, outboxes
// drained, dead letters counted and explained, and no message on any topic carrying the surge's
// personal data in clear. The harness reads the event tables to count events: a service never does.
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { clearTextMarkers } from './surge.ts';

export interface Counts {
  /** IntakeRecorded events, rows of the intake list, distinct match keys (one per victim). */
  recordedEvents: number;
  summaryRows: number;
  distinctVictims: number;
  readyEvents: number;
  intakeOutbox: number;
  /** Referrals created (proposed or queued), rows of the office inboxes, distinct cases in them. */
  referralEvents: number;
  inboxRows: number;
  referredCases: number;
  referralOutbox: number;
  /** Referrals to an office still proposed, and accepted (the acceptor answers every proposal). */
  proposedReferrals: number;
  acceptedReferrals: number;
  /** FileOpened events, rows of the files' list, distinct referrals among them, follow-up's outbox. */
  openedEvents: number;
  fileRows: number;
  filedReferrals: number;
  followupOutbox: number;
}

const one = async (db: pg.Pool, sql: string) => Number((await db.query(sql)).rows[0].n);

export class Checks {
  readonly intake: pg.Pool;
  readonly referral: pg.Pool;
  readonly followUp: pg.Pool;
  private readonly kafka: Kafka;

  constructor(intakeDbUrl: string, referralDbUrl: string, followUpDbUrl: string, brokers: string[]) {
    // A pool rides over a PostgreSQL restart: a dead connection fails one query, the next connects anew.
    this.intake = new pg.Pool({ connectionString: intakeDbUrl, max: 2 });
    this.referral = new pg.Pool({ connectionString: referralDbUrl, max: 2 });
    this.followUp = new pg.Pool({ connectionString: followUpDbUrl, max: 2 });
    this.intake.on('error', () => undefined);
    this.referral.on('error', () => undefined);
    this.followUp.on('error', () => undefined);
    this.kafka = new Kafka({ clientId: 'chaos-checks', brokers, logLevel: logLevel.NOTHING });
  }

  async counts(): Promise<Counts> {
    const [recordedEvents, summaryRows, distinctVictims, readyEvents, intakeOutbox] = await Promise.all([
      one(this.intake, "SELECT count(*) AS n FROM es_events WHERE type = 'IntakeRecorded'"),
      one(this.intake, 'SELECT count(*) AS n FROM intake_summaries'),
      one(this.intake, 'SELECT count(DISTINCT match_key) AS n FROM intake_summaries'),
      one(this.intake, "SELECT count(*) AS n FROM es_events WHERE type = 'IntakeReadyForOrientation'"),
      one(this.intake, 'SELECT count(*) AS n FROM es_outbox'),
    ]);
    const [referralEvents, inboxRows, referredCases, referralOutbox, proposedReferrals, acceptedReferrals] =
      await Promise.all([
        one(
          this.referral,
          "SELECT count(*) AS n FROM es_events WHERE type IN ('ReferralProposed', 'ReferralQueued')",
        ),
        one(this.referral, 'SELECT count(*) AS n FROM referral_inbox'),
        one(this.referral, 'SELECT count(DISTINCT case_id) AS n FROM referral_inbox'),
        one(this.referral, 'SELECT count(*) AS n FROM es_outbox'),
        one(
          this.referral,
          "SELECT count(*) AS n FROM referral_inbox WHERE status = 'proposed' AND target_kind = 'office'",
        ),
        one(
          this.referral,
          "SELECT count(*) AS n FROM referral_inbox WHERE status = 'accepted' AND target_kind = 'office'",
        ),
      ]);
    const [openedEvents, fileRows, filedReferrals, followupOutbox] = await Promise.all([
      one(this.followUp, "SELECT count(*) AS n FROM es_events WHERE type = 'FileOpened'"),
      one(this.followUp, 'SELECT count(*) AS n FROM followup_files'),
      one(this.followUp, 'SELECT count(DISTINCT referral_id) AS n FROM followup_files'),
      one(this.followUp, 'SELECT count(*) AS n FROM es_outbox'),
    ]);
    return {
      recordedEvents,
      summaryRows,
      distinctVictims,
      readyEvents,
      intakeOutbox,
      referralEvents,
      inboxRows,
      referredCases,
      referralOutbox,
      proposedReferrals,
      acceptedReferrals,
      openedEvents,
      fileRows,
      filedReferrals,
      followupOutbox,
    };
  }

  /**
   * Accepted calls whose case has no referral yet, referrals not yet accepted, accepted referrals
   * without their file: the backlog between intake, referral and follow-up.
   */
  static backlog(accepted: number, counts: Counts) {
    return (
      Math.max(0, accepted - counts.referredCases) +
      counts.proposedReferrals +
      Math.max(0, counts.acceptedReferrals - counts.filedReferrals)
    );
  }

  /** Everything accepted went through, and every count agrees with every other. */
  static drained(accepted: number, c: Counts) {
    return (
      c.recordedEvents === accepted &&
      c.summaryRows === accepted &&
      c.referredCases === accepted &&
      c.inboxRows === c.referralEvents &&
      c.intakeOutbox === 0 &&
      c.referralOutbox === 0 &&
      c.proposedReferrals === 0 &&
      c.filedReferrals === c.acceptedReferrals &&
      c.fileRows === c.openedEvents &&
      c.followupOutbox === 0
    );
  }

  /**
   * Follow-up against referral: accepted referrals without a file, referrals with more than one,
   * files in another office than the accepting one or not open, files of no accepted referral.
   */
  async fileDifferences() {
    const { rows: accepted } = await this.referral.query<{ referral_id: string; office_id: string }>(
      "SELECT referral_id, office_id FROM referral_inbox WHERE status = 'accepted' AND target_kind = 'office'",
    );
    const { rows: files } = await this.followUp.query<{
      referral_id: string;
      office_id: string;
      status: string;
    }>('SELECT referral_id, office_id, status FROM followup_files');
    const filesOf = new Map<string, { office_id: string; status: string }[]>();
    for (const file of files) filesOf.set(file.referral_id, [...(filesOf.get(file.referral_id) ?? []), file]);
    const acceptedIds = new Set(accepted.map((r) => r.referral_id));
    return {
      filesMissing: accepted.filter((r) => !filesOf.has(r.referral_id)).length,
      filesDoubled: [...filesOf.values()].filter((f) => f.length > 1).length,
      filesElsewhere: accepted.filter((r) =>
        (filesOf.get(r.referral_id) ?? []).some((f) => f.office_id !== r.office_id || f.status !== 'open'),
      ).length,
      filesUnexpected: [...filesOf.keys()].filter((id) => !acceptedIds.has(id)).length,
    };
  }

  /** Cases accepted but not in any inbox, and cases in the inboxes that intake never answered. */
  async caseDifferences(accepted: Iterable<string>) {
    const { rows } = await this.referral.query<{ case_id: string; n: number }>(
      'SELECT case_id, count(*)::int AS n FROM referral_inbox GROUP BY case_id',
    );
    const referred = new Map(rows.map((r) => [r.case_id, r.n]));
    const expected = new Set(accepted);
    return {
      missing: [...expected].filter((c) => !referred.has(c)).length,
      unexpected: [...referred.keys()].filter((c) => !expected.has(c)).length,
      doubled: rows.filter((r) => r.n > 1).length,
    };
  }

  /**
   * Every dead letter of every `.dlq` topic, with the error it carries (what explains it); and every
   * message of every topic scanned for the surge's names, phones and addresses in clear.
   */
  async scanKafka() {
    const admin = this.kafka.admin();
    await admin.connect();
    const dlq: { topic: string; error: string }[] = [];
    let scanned = 0;
    let clear = 0;
    const clearSamples: string[] = [];
    try {
      const topics = (await admin.listTopics()).filter((t) => !t.startsWith('__'));
      const ends = new Map<string, Map<number, bigint>>();
      for (const topic of topics) {
        const offsets = await admin.fetchTopicOffsets(topic);
        ends.set(topic, new Map(offsets.map((o) => [o.partition, BigInt(o.high)])));
      }
      const remaining = () =>
        [...ends.values()].reduce((n, parts) => n + [...parts.values()].filter((h) => h > 0n).length, 0);
      for (const parts of ends.values()) for (const [p, high] of parts) if (high === 0n) parts.delete(p);
      if (remaining() === 0) return { scanned, clear, clearSamples, dlq };
      const consumer = this.kafka.consumer({ groupId: `chaos-scan-${Date.now()}`, maxWaitTimeInMs: 200 });
      await consumer.connect();
      await consumer.subscribe({ topics: [...ends.keys()], fromBeginning: true });
      const done = new Promise<void>((resolve) => {
        void consumer.run({
          eachBatch: async ({ batch }) => {
            for (const message of batch.messages) {
              scanned++;
              const text = [
                message.key?.toString() ?? '',
                message.value?.toString() ?? '',
                ...Object.values(message.headers ?? {}).map(String),
              ].join('\n');
              if (clearTextMarkers.some((marker) => text.includes(marker))) {
                clear++;
                if (clearSamples.length < 3) clearSamples.push(`${batch.topic}: ${text.slice(0, 200)}`);
              }
              if (batch.topic.endsWith('.dlq'))
                dlq.push({ topic: batch.topic, error: String(message.headers?.['dlq_error'] ?? '') });
            }
            // Done with a partition once the end it had when the scan began is read.
            const parts = ends.get(batch.topic);
            const high = parts?.get(batch.partition);
            if (high !== undefined && BigInt(batch.lastOffset()) + 1n >= high) parts!.delete(batch.partition);
            if (remaining() === 0) resolve();
          },
        });
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('the Kafka scan did not reach the end of every topic')),
          180_000,
        );
      });
      try {
        await Promise.race([done, timeout]);
      } finally {
        clearTimeout(timer);
        await consumer.disconnect();
      }
      return { scanned, clear, clearSamples, dlq };
    } finally {
      await admin.disconnect();
    }
  }

  async close() {
    await this.intake.end();
    await this.referral.end();
    await this.followUp.end();
  }
}
