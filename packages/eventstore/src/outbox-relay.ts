import type { OutboxMessage, OutboxSink } from '@parcours/contracts';
import type { Database } from './database.ts';
import { OUTBOX_LANES } from './event-store.ts';

export interface RelayLogger {
  warn(object: object, message: string): void;
}

export interface OutboxRelayOptions {
  batchSize?: number;
  /** Fallback polling when no notification arrives (default 1 s). */
  pollIntervalMs?: number;
  /** Longest wait between retries while the broker is unreachable (default 10 s). */
  maxBackoffMs?: number;
  /** How long wake-ups are gathered before the next batch (default 5 ms). */
  coalesceMs?: number;
  logger?: RelayLogger;
}

interface OutboxRow {
  lane: number;
  position: string;
  id: string;
  topic: string;
  key: string;
  event: OutboxMessage['event'];
  headers: Record<string, string>;
}

const RELAY_LOCK = 727002;

/**
 * Moves outbox rows to Kafka. Woken by LISTEN/NOTIFY, polling as a fallback. Each lane (a hash of
 * the key) is drained by one relay at a time: a relay skips a lane another relay holds
 * (`pg_try_advisory_lock`), so several relays share the work and one case's messages keep their
 * order. A row is deleted only after the broker acknowledged it; while the broker is down the rows
 * wait, and nothing else waits for them.
 */
export class OutboxRelay {
  private readonly db: Database;
  private readonly sink: OutboxSink;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly coalesceMs: number;
  private readonly logger: RelayLogger | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private pending = false;
  private unsubscribe: (() => void) | undefined;
  /** Messages published since start. */
  published = 0;

  constructor(db: Database, sink: OutboxSink, options: OutboxRelayOptions = {}) {
    this.db = db;
    this.sink = sink;
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.coalesceMs = options.coalesceMs ?? 5;
    this.logger = options.logger;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.db.onAppended(() => this.notify());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.notify();
    await this.loop;
  }

  /** Rows waiting to be published. */
  async backlog(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM es_outbox');
    return row?.n ?? 0;
  }

  /** Publishes everything that is committed now; returns how many messages went out. */
  async drainOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      // A batch takes only the lanes it needs: it can be short while lanes it left hold rows.
      const { sent, more } = await this.drainBatch();
      total += sent;
      if (!more) return total;
    }
  }

  /**
   * One batch: take the lanes with rows that no other relay holds, as many as one batch needs
   * (session-level advisory locks), read their oldest rows in position order, publish them as one Kafka batch, delete them, let the lanes go.
   * The lanes are taken in a statement of their own, before the rows are read: a statement reads
   * with the snapshot of its start, so rows read in the statement that takes a lane could include
   * rows another relay deleted just before letting that lane go (published twice; seen in CI with
   * two relays). The rows are read and deleted in autocommit statements: nothing holds a
   * transaction id while Kafka is called, so a slow or absent broker never holds back the xmin
   * horizon that projection readers wait on.
   */
  private async drainBatch(): Promise<{ sent: number; more: boolean }> {
    const client = await this.db.pool.connect();
    let healthy = true;
    let lanes: number[] = [];
    try {
      // Raw SQL, the relay's hot path (bench/eventstore relay phase).
      const { rows: locked } = await client.query<{ lanes: number[]; more: boolean }>({
        name: 'es_outbox_take_lanes',
        // The lanes no other relay of this database holds (pg_locks lists every database's), oldest row first, only as many as this batch needs (their
        // rows counted up to a batch each); rows in the other lanes go to another relay meanwhile.
        // CASE: the lock is tried only on the lanes kept, after the window has counted.
        text: `WITH held AS (
                 SELECT objid::int AS lane FROM pg_locks
                 WHERE locktype = 'advisory' AND classid = ${RELAY_LOCK} AND objsubid = 2 AND granted
                   AND database = (SELECT oid FROM pg_database WHERE datname = current_database())),
               waiting AS (
                 SELECT lane, w.oldest, w.n FROM generate_series(0, ${OUTBOX_LANES - 1}) AS lane
                 CROSS JOIN LATERAL (
                   SELECT min(position) AS oldest, count(*) AS n FROM (
                     SELECT position FROM es_outbox o WHERE o.lane = lane.lane ORDER BY position LIMIT $1) r) w
                 WHERE w.n > 0 AND lane NOT IN (SELECT lane FROM held)),
               needed AS (SELECT lane, sum(n) OVER (ORDER BY oldest) - n AS before FROM waiting)
               SELECT coalesce(array_agg(lane) FILTER (WHERE taken), '{}') AS lanes, coalesce(bool_or(before >= $1), false) AS more
               FROM (SELECT lane, before, CASE WHEN before < $1 THEN pg_try_advisory_lock(${RELAY_LOCK}, lane) ELSE false END AS taken
                     FROM needed) t`,
        values: [this.batchSize],
      });
      lanes = locked[0]?.lanes ?? [];
      const more = locked[0]?.more ?? false;
      if (lanes.length === 0) return { sent: 0, more };
      const { rows } = await client.query<OutboxRow>({
        name: 'es_outbox_read_batch',
        text: `SELECT lane, position, id, topic, key, event, headers FROM es_outbox
               WHERE lane = ANY($1::smallint[]) ORDER BY position LIMIT $2`,
        values: [lanes, this.batchSize],
      });
      if (rows.length === 0) return { sent: 0, more };
      const positions = rows.map((r) => r.position);
      try {
        await this.sink(
          rows.map(({ id, topic, key, event, headers }) => ({ id, topic, key, event, headers })),
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await client.query({
          name: 'es_outbox_failed',
          text: `UPDATE es_outbox SET attempts = attempts + 1, last_error = $3
                 WHERE lane = ANY($1::smallint[]) AND position = ANY($2::bigint[])`,
          values: [lanes, positions, message.slice(0, 500)],
        });
        throw error;
      }
      await client.query({
        name: 'es_outbox_delete',
        text: 'DELETE FROM es_outbox WHERE lane = ANY($1::smallint[]) AND position = ANY($2::bigint[])',
        values: [lanes, positions],
      });
      this.published += rows.length;
      return { sent: rows.length, more: more || rows.length === this.batchSize };
    } finally {
      if (lanes.length > 0) {
        await client
          .query({
            name: 'es_outbox_release_lanes',
            text: `SELECT pg_advisory_unlock(${RELAY_LOCK}, lane) FROM unnest($1::int[]) AS lane`,
            values: [lanes],
          })
          .catch(() => {
            // A connection that cannot unlock is closed instead, which releases the locks.
            healthy = false;
          });
      }
      client.release(!healthy);
    }
  }

  private notify(): void {
    this.pending = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      this.pending = false;
      try {
        await this.drainOnce();
        failures = 0;
      } catch (error) {
        failures++;
        const delay = Math.min(this.maxBackoffMs, 200 * 2 ** Math.min(failures, 10));
        this.logger?.warn(
          { err: error instanceof Error ? error.message : String(error), retryInMs: delay },
          'outbox relay could not publish; rows kept',
        );
        if (this.running) await this.sleep(delay);
        continue;
      }
      if (!this.running) return;
      // Under load a wake-up arrives with every append: gather them for a few milliseconds so each
      // batch carries many rows instead of one.
      if (this.pending) await new Promise((resolve) => setTimeout(resolve, this.coalesceMs));
      else await this.sleep(this.pollIntervalMs);
    }
  }
}
