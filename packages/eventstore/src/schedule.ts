import type { Sql } from './database.ts';

/** A job to run once at `dueAt`, known by its key (scheduling the same key again changes nothing). */
export interface Job<Payload = unknown> {
  /** Idempotency key: one job per key; reschedule and cancel by it. */
  key: string;
  /** Which handler runs it (Scheduler's `handlers`). */
  kind: string;
  dueAt: Date | string;
  payload?: Payload;
  /**
   * Jobs of one group never run at the same time on two instances (e.g. the stream they act on:
   * two deadlines of one referral would race on its stream).
   */
  group?: string;
}

/**
 * Schedules jobs in the caller's transaction, so that a job exists if and only if what asked for it
 * committed. A key already scheduled (pending, fired or cancelled) is left as it is.
 */
export async function schedule(sql: Sql, jobs: Job | readonly Job[]): Promise<void> {
  const list = Array.isArray(jobs) ? jobs : [jobs as Job];
  if (list.length === 0) return;
  // One statement for all the jobs of a command (a batch of proposals schedules three each).
  await sql.query(
    `INSERT INTO es_schedule (key, kind, group_key, due_at, run_at, payload)
     SELECT j.key, j.kind, j.group_key, j.due_at, j.due_at, p.value::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) WITH ORDINALITY AS j(key, kind, group_key, due_at, n)
     JOIN json_array_elements($5::json) WITH ORDINALITY AS p(value, n) ON p.n = j.n
     ON CONFLICT (key) DO NOTHING`,
    [
      list.map((job) => job.key),
      list.map((job) => job.kind),
      list.map((job) => job.group ?? null),
      list.map((job) => job.dueAt),
      JSON.stringify(list.map((job) => job.payload ?? {})),
    ],
    'es_schedule_insert',
  );
}

/** Moves a job that has not fired yet to `dueAt` (its failed attempts forgotten); false when none. */
export async function reschedule(sql: Sql, key: string, dueAt: Date | string): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE es_schedule SET due_at = $2, run_at = $2, attempts = 0, last_error = NULL
     WHERE key = $1 AND fired_at IS NULL AND cancelled_at IS NULL RETURNING 1`,
    [key, dueAt],
  );
  return rows.length > 0;
}

/** Cancels a job that has not fired yet; false when there was none to cancel. */
export async function cancelJob(sql: Sql, key: string): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE es_schedule SET cancelled_at = now()
     WHERE key = $1 AND fired_at IS NULL AND cancelled_at IS NULL RETURNING 1`,
    [key],
  );
  return rows.length > 0;
}

export interface ScheduledJob {
  key: string;
  kind: string;
  group: string | null;
  dueAt: Date;
  payload: unknown;
  attempts: number;
  lastError: string | null;
  firedAt: Date | null;
  firedBy: string | null;
  cancelledAt: Date | null;
}

/** A job as stored, for tests and operators; undefined when the key was never scheduled. */
export async function scheduledJob(sql: Sql, key: string): Promise<ScheduledJob | undefined> {
  const [row] = await sql.query<Record<keyof ScheduledJob, any>>(
    `SELECT key, kind, group_key AS "group", due_at AS "dueAt", payload, attempts, last_error AS "lastError",
            fired_at AS "firedAt", fired_by AS "firedBy", cancelled_at AS "cancelledAt"
     FROM es_schedule WHERE key = $1`,
    [key],
  );
  if (!row) return undefined;
  // The pool hands timestamps over as text.
  const at = (value: string | null) => (value === null ? null : new Date(value));
  return { ...row, dueAt: new Date(row.dueAt), firedAt: at(row.firedAt), cancelledAt: at(row.cancelledAt) };
}
