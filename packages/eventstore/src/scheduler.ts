import type { Database, Tx } from './database.ts';

/** What a handler gets: the job as claimed, and the scheduler's time and name. */
export interface ClaimedJob<Payload = any> {
  key: string;
  kind: string;
  group: string | null;
  dueAt: Date;
  payload: Payload;
  /** Failed attempts before this one. */
  attempts: number;
  now: Date;
}

/** Runs a job in the transaction that marks it fired: its writes and "fired" commit together. */
export type JobHandler<Payload = any> = (tx: Tx, job: ClaimedJob<Payload>) => Promise<void>;

export interface SchedulerOptions {
  /** One handler per job kind. */
  handlers: Record<string, JobHandler>;
  /** Names this instance in es_schedule.fired_by. */
  instance: string;
  pollMs?: number;
  batchSize?: number;
  clock?: () => Date;
  /** Delay before the next attempt of a job that failed `attempts` times (default 1 s doubling, at most 1 h). */
  backoffMs?: (attempts: number) => number;
  logger?: { error(o: object, m: string): void };
}

interface JobRow {
  key: string;
  kind: string;
  group_key: string | null;
  due_at: string;
  payload: unknown;
  attempts: number;
}

/** The advisory lock namespace of job groups (727001: migrations, 727002: the relay's lanes). */
const GROUP_LOCK = 727003;

/**
 * Fires due jobs of es_schedule (PostgreSQL is the system of record). Due rows are claimed with
 * FOR UPDATE SKIP LOCKED, and a job whose group another instance holds (a transaction-level
 * advisory lock) is left for later, so with several instances running each job fires once and two
 * jobs of one group never run at once. Each job runs under a savepoint: one that fails is rolled
 * back alone, its attempts and last error recorded, and tried again after a backoff, while the
 * others of the batch fire.
 */
export class Scheduler {
  private readonly db: Database;
  private readonly options: Required<Omit<SchedulerOptions, 'logger'>> & Pick<SchedulerOptions, 'logger'>;
  private timer: NodeJS.Timeout | undefined;
  private loop: Promise<void> | undefined;
  private running = false;

  constructor(db: Database, options: SchedulerOptions) {
    this.db = db;
    this.options = {
      pollMs: 1_000,
      batchSize: 50,
      clock: () => new Date(),
      backoffMs: (attempts) => Math.min(3_600_000, 1_000 * 2 ** Math.min(attempts - 1, 22)),
      ...options,
    };
  }

  /** Fires what is due now; returns how many jobs this call fired. */
  async fireDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const { claimed, succeeded } = await this.fireBatch();
      fired += succeeded;
      if (claimed < this.options.batchSize) return fired;
    }
  }

  private fireBatch(): Promise<{ claimed: number; succeeded: number }> {
    const now = this.options.clock();
    return this.db.transaction(async (tx) => {
      const due = await tx.query<JobRow>(
        `SELECT key, kind, group_key, due_at, payload, attempts FROM es_schedule
         WHERE fired_at IS NULL AND cancelled_at IS NULL AND run_at <= $1
           AND (group_key IS NULL OR pg_try_advisory_xact_lock(${GROUP_LOCK}, hashtext(group_key)))
         ORDER BY run_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, this.options.batchSize],
        'es_schedule_claim',
      );
      let succeeded = 0;
      for (const row of due) if (await this.fire(tx, row, now)) succeeded++;
      return { claimed: due.length, succeeded };
    });
  }

  private async fire(tx: Tx, row: JobRow, now: Date): Promise<boolean> {
    await tx.query('SAVEPOINT es_job');
    try {
      const handler = this.options.handlers[row.kind];
      if (!handler) throw new Error(`no handler for jobs of kind ${row.kind}`);
      await handler(tx, {
        key: row.key,
        kind: row.kind,
        group: row.group_key,
        dueAt: new Date(row.due_at),
        payload: row.payload,
        attempts: row.attempts,
        now,
      });
      await tx.query('UPDATE es_schedule SET fired_at = $2, fired_by = $3 WHERE key = $1', [
        row.key,
        now,
        this.options.instance,
      ]);
      await tx.query('RELEASE SAVEPOINT es_job');
      return true;
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT es_job');
      const attempts = row.attempts + 1;
      // The error's message only: a handler's error never carries personal data (they are codes
      // and ids), and the stack stays in the log.
      await tx.query('UPDATE es_schedule SET attempts = $2, last_error = $3, run_at = $4 WHERE key = $1', [
        row.key,
        attempts,
        String((error as Error)?.message ?? error).slice(0, 1_000),
        new Date(now.getTime() + this.options.backoffMs(attempts)),
      ]);
      this.options.logger?.error(
        { err: error, job: row.key, attempts },
        'scheduled job failed; retrying later',
      );
      return false;
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const tick = async () => {
      try {
        await this.fireDue();
      } catch (error) {
        this.options.logger?.error({ err: error }, 'scheduler failed; retrying at the next tick');
      }
      if (this.running) this.timer = setTimeout(() => (this.loop = tick()), this.options.pollMs);
    };
    this.loop = tick();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.loop;
  }
}
