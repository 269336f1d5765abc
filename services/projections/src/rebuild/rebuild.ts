import type { Database, Sql } from '@parcours/eventstore';
import type { Geography } from '@parcours/geography';
import { foldCase } from '../cases/fold.ts';
import { applyOffices } from '../cases/offices.ts';
import { caseTables, groupByCase, writeCases } from '../cases/store.ts';
import { VIEWS_LOCK } from '../log/ingest.ts';
import { DIRECTORY_KEY, fromRow, LOG_COLUMNS } from '../log/log.ts';

export const Views = ['cases', 'directory'] as const;
export type View = (typeof Views)[number];

export interface ViewStatus {
  name: View;
  status: 'live' | 'rebuilding' | 'failed';
  processed: number;
  total: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Events of the log the view has not applied yet (during a rebuild: those still to go). */
  lagEvents: number;
  /** Seconds since the rebuild began (0 when live: the consumer applies each batch in its transaction). */
  lagSeconds: number;
}

const CHUNK = 20_000;
type Logger = { error(o: object, m: string): void; info(o: object, m: string): void };

/**
 * Rebuilds a view from the integration-event log: emptied, then folded again case by case in
 * chunks. Each chunk holds the views' lock exclusively, so a batch of the live consumer lands
 * before or after it, never in between: the rows a rebuild writes are the fold of the log as it is.
 */
export class Rebuilds {
  readonly #running = new Map<View, Promise<void>>();
  #stopping = false;

  private readonly db: Database;
  private readonly geography: Geography;
  private readonly logger: Logger | undefined;

  constructor(db: Database, geography: Geography, logger?: Logger) {
    this.db = db;
    this.geography = geography;
    this.logger = logger;
  }

  async status(): Promise<ViewStatus[]> {
    const rows = await this.db.query<{
      name: View;
      status: ViewStatus['status'];
      processed: string;
      total: string;
      started_at: string | null;
      finished_at: string | null;
    }>('SELECT name, status, processed, total, started_at, finished_at FROM pj_views ORDER BY name');
    const now = Date.now();
    const date = (value: string | null) => (value === null ? null : new Date(value));
    return rows.map((row) => {
      const rebuilding = row.status === 'rebuilding';
      const startedAt = date(row.started_at);
      return {
        name: row.name,
        status: row.status,
        processed: Number(row.processed),
        total: Number(row.total),
        startedAt,
        finishedAt: date(row.finished_at),
        lagEvents: rebuilding ? Math.max(0, Number(row.total) - Number(row.processed)) : 0,
        lagSeconds: rebuilding && startedAt ? Math.round((now - startedAt.getTime()) / 1000) : 0,
      };
    });
  }

  /** Marks the view as rebuilding, then rebuilds it in the background; false when one is already running here. */
  async start(view: View): Promise<boolean> {
    if (this.#running.has(view)) return false;
    let begun!: () => void;
    const marked = new Promise<void>((resolve) => {
      begun = resolve;
    });
    const run = this.run(view, begun)
      .catch(async (error: unknown) => {
        this.logger?.error({ err: error, view }, 'rebuild failed');
        await this.db.query(`UPDATE pj_views SET status = 'failed', finished_at = now() WHERE name = $1`, [
          view,
        ]);
      })
      .finally(() => this.#running.delete(view));
    this.#running.set(view, run);
    await Promise.race([marked, run]);
    return true;
  }

  /** Waits for the running rebuild of a view (tests, the bench). */
  async wait(view: View): Promise<void> {
    await this.#running.get(view);
  }

  async run(view: View, begun: () => void = () => undefined): Promise<void> {
    const where = view === 'directory' ? 'case_key = $1' : 'case_key <> $1';
    const [count] = await this.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM pj_event_log WHERE ${where}`,
      [DIRECTORY_KEY],
    );
    await this.db.query(
      `UPDATE pj_views SET status = 'rebuilding', processed = 0, total = $2, started_at = now(), finished_at = NULL
       WHERE name = $1`,
      [view, count?.n ?? 0],
    );
    begun();
    await this.exclusive(async (tx) => {
      const tables = view === 'directory' ? ['pj_offices'] : caseTables.map(([table]) => table);
      await tx.query(`TRUNCATE ${tables.join(', ')}`);
    });
    let processed = 0;
    let after = '';
    for (;;) {
      if (this.#stopping) return;
      const done = await this.exclusive(async (tx) => {
        const chunk =
          view === 'directory' ? await this.directoryChunk(tx, after) : await this.casesChunk(tx, after);
        processed += chunk.events;
        after = chunk.after;
        await tx.query('UPDATE pj_views SET processed = $2 WHERE name = $1', [view, processed]);
        return chunk.last;
      });
      if (done) break;
    }
    await this.db.query(
      `UPDATE pj_views SET status = 'live', processed = $2, finished_at = now(), applied_at = now() WHERE name = $1`,
      [view, processed],
    );
  }

  /** The next cases after `after`, every event of each (a case cut at the chunk's end waits for the next). */
  private async casesChunk(tx: Sql, after: string) {
    const rows = await tx.query<Parameters<typeof fromRow>[0]>(
      `SELECT ${LOG_COLUMNS} FROM pj_event_log
       WHERE case_key > $1 AND case_key <> $2 ORDER BY case_key, time, event_id LIMIT $3`,
      [after, DIRECTORY_KEY, CHUNK],
    );
    const full = rows.length === CHUNK;
    let events = rows.map(fromRow);
    const lastKey = events.at(-1)?.caseKey;
    if (full && lastKey !== undefined) {
      const cut = events.filter((event) => event.caseKey !== lastKey);
      if (cut.length > 0) events = cut;
      // One case longer than a chunk: read it whole.
      else
        events = (
          await tx.query<Parameters<typeof fromRow>[0]>(
            `SELECT ${LOG_COLUMNS} FROM pj_event_log WHERE case_key = $1
             ORDER BY time, event_id`,
            [lastKey],
          )
        ).map(fromRow);
    }
    const byCase = groupByCase(events);
    await writeCases(
      tx,
      [...byCase].map(([key, list]) => foldCase(key, list)),
      false,
    );
    return { events: events.length, after: events.at(-1)?.caseKey ?? after, last: !full };
  }

  private async directoryChunk(tx: Sql, after: string) {
    const rows = await tx.query<Parameters<typeof fromRow>[0]>(
      `SELECT ${LOG_COLUMNS} FROM pj_event_log
       WHERE case_key = $1 AND event_id > $2 ORDER BY event_id LIMIT $3`,
      [DIRECTORY_KEY, after, CHUNK],
    );
    const events = rows.map(fromRow);
    await applyOffices(tx, events, this.geography);
    return { events: events.length, after: events.at(-1)?.eventId ?? after, last: rows.length < CHUNK };
  }

  private exclusive<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [VIEWS_LOCK]);
      return work(tx);
    });
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.allSettled(this.#running.values());
  }
}
