import type { Database, SessionLock, Sql } from '@parcours/eventstore';
import type { Geography } from '@parcours/geography';
import { conflict } from '@parcours/service-kit';
import { foldCase } from '../cases/fold.ts';
import { applyOffices } from '../cases/offices.ts';
import { type CaseColumns, CopyText, caseColumns, caseTables, refoldCases } from '../cases/store.ts';
import { VIEWS_LOCK } from '../log/ingest.ts';
import { DIRECTORY_KEY, fromRow, LOG_COLUMNS, type LogEvent } from '../log/log.ts';

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

/**
 * Held by a view's rebuild (with the view's index in `Views`) from its start to its swap: one
 * rebuild of a view at a time across instances, so none drops the `_next` tables another is filling.
 */
export const REBUILD_LOCK = 727_501;

/** What a second request to rebuild a view gets while one runs (409). */
export const rebuildRunning = () => conflict('rebuild_running', 'This view is being rebuilt already');

type LogRow = Parameters<typeof fromRow>[0];
type Logger = { error(o: object, m: string): void; info(o: object, m: string): void };

export interface RebuildOptions {
  logger?: Logger;
  /** Events read, folded and written at a time (a case is never split across two chunks). */
  chunk?: number;
}

// With the services' 8 MiB young generation, 5,000 events against 20,000: per million events
// 0.3–0.9 s less CPU in Node (the service's one thread) and 0.3–0.4 s more in PostgreSQL, the wall
// time within 3 %, 50–65 MiB less resident at the peak (bench/projections/REPORT.md, chunks.ts).
const CHUNK = 5_000;

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
  private readonly chunk: number;

  constructor(db: Database, geography: Geography, options: RebuildOptions = {}) {
    this.db = db;
    this.geography = geography;
    this.logger = options.logger;
    this.chunk = options.chunk ?? CHUNK;
    if (!Number.isInteger(this.chunk) || this.chunk < 1)
      throw new Error(`chunk ${this.chunk}: a positive integer`);
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

  /**
   * Marks the view as rebuilding, then rebuilds it in the background; false when a rebuild of it
   * is running already, here or in another instance (its lock is held).
   */
  async start(view: View): Promise<boolean> {
    if (this.#running.has(view)) return false;
    const lock = await this.lock(view);
    if (!lock) return false;
    let begun!: () => void;
    const marked = new Promise<void>((resolve) => {
      begun = resolve;
    });
    const run = this.rebuild(view, lock, begun)
      .catch(async (error: unknown) => {
        this.logger?.error({ err: error, view }, 'rebuild failed');
        await this.db.query(`UPDATE pj_views SET status = 'failed', finished_at = now() WHERE name = $1`, [
          view,
        ]);
      })
      .finally(async () => {
        await lock.release().catch(() => undefined);
        this.#running.delete(view);
      });
    this.#running.set(view, run);
    await Promise.race([marked, run]);
    return true;
  }

  /** Waits for the running rebuild of a view (tests, the bench). */
  async wait(view: View): Promise<void> {
    await this.#running.get(view);
  }

  /** Rebuilds a view and returns once it is live (the demo loader, the bench); a conflict while another rebuild of it runs. */
  async run(view: View): Promise<void> {
    const lock = await this.lock(view);
    if (!lock) throw rebuildRunning();
    try {
      await this.rebuild(view, lock, () => undefined);
    } finally {
      await lock.release();
    }
  }

  private lock(view: View) {
    return this.db.tryLock(REBUILD_LOCK, Views.indexOf(view));
  }

  private async rebuild(view: View, lock: SessionLock, begun: () => void): Promise<void> {
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
    if (view === 'cases') return this.rebuildCases(lock);
    await this.exclusive((tx) => tx.query('TRUNCATE pj_offices'));
    let processed = 0;
    let after = '';
    for (;;) {
      if (this.#stopping) return;
      const done = await this.exclusive(async (tx) => {
        const chunk = await this.directoryChunk(tx, after);
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

  /**
   * The case views are folded into new tables (`pj_files_next`, …) without indexes, written by COPY,
   * while the live ones keep serving and the consumer keeps writing them; the indexes are then built
   * once (two tables at a time), and in one transaction holding the views' lock exclusively, the
   * cases that got events since the start are folded again into the new tables, which replace the
   * old. Reading and folding a chunk overlaps the writing of the previous one.
   */
  private async rebuildCases(lock: SessionLock): Promise<void> {
    // Its lock lost (its connection dropped), another rebuild may have made the `_next` tables anew:
    // this one stops before writing them again, and before the swap.
    const holding = async (tx: Sql) => {
      if (!(await lock.holds(tx))) throw new Error('the rebuild lost its lock');
    };
    const tables = caseTables.map(([table]) => table);
    const indexes = await this.indexesOf(tables);
    const columns = await caseColumns(this.db);
    // Under the lock no batch is appending: every event up to `since` is committed, any later one comes after it.
    const since = await this.exclusive(async (tx) => {
      for (const table of tables)
        await tx.query(
          `DROP TABLE IF EXISTS ${table}_next; CREATE TABLE ${table}_next (LIKE ${table} INCLUDING DEFAULTS)`,
        );
      const [last] = await tx.query<{ seq: string }>('SELECT coalesce(max(seq), 0) AS seq FROM pj_event_log');
      return last?.seq ?? '0';
    });
    let processed = 0;
    let writing: Promise<void> = Promise.resolve();
    // Three at once: the next chunk read by PostgreSQL, this one folded here, the previous one written.
    let next: Promise<LogRow[]> | undefined = this.casesRows('');
    while (next) {
      if (this.#stopping) return void (await writing.catch(() => undefined));
      const rows: LogRow[] = await next;
      const full = rows.length === this.chunk;
      const lastKey = rows.at(-1)?.case_key;
      // A case cut at the chunk's end waits for the next one; one case longer than a chunk is read whole.
      let kept: LogRow[] = rows;
      if (full && lastKey !== undefined) {
        let cut = rows.length - 1;
        while (cut >= 0 && rows[cut]!.case_key === lastKey) cut--;
        kept =
          cut >= 0
            ? rows.slice(0, cut + 1)
            : await this.db.query<LogRow>(
                `SELECT ${LOG_COLUMNS} FROM pj_event_log WHERE case_key = $1 ORDER BY pj_event_log.time, event_id`,
                [lastKey],
              );
      }
      next = full ? this.casesRows(kept.at(-1)!.case_key) : undefined;
      // Not awaited now: an unhandled rejection otherwise, until the loop gets to it.
      next?.catch(() => undefined);
      const text = foldRows(kept, columns);
      await writing;
      writing = this.db.transaction(async (tx) => {
        await tx.query('SET LOCAL synchronous_commit = off');
        await holding(tx);
        await text.copy(tx, '_next');
        processed += kept.length;
        await tx.query(`UPDATE pj_views SET processed = $1 WHERE name = 'cases'`, [processed]);
      });
      writing.catch(() => undefined);
    }
    await writing;
    // Table by table, the largest first, on two connections at once: PostgreSQL builds an index and
    // vacuums on one core each, and the fold has nothing left to do.
    const bySize = await this.db.query<{ table: string }>(
      `SELECT relname AS "table" FROM pg_class WHERE oid = ANY($1::regclass[]) ORDER BY pg_relation_size(oid) DESC`,
      [tables.map((table) => `${table}_next`)],
    );
    const queue = bySize.map((row) => row.table.slice(0, -'_next'.length));
    // Settled both before a failure is told: no statement of this rebuild still runs once it is over.
    const completed = await Promise.allSettled([
      ...[1, 2].map(async () => {
        for (let table = queue.shift(); table !== undefined; table = queue.shift())
          await this.completeTable(
            table,
            indexes.filter((index) => index.table === table),
          );
      }),
      // The log's statistics too (a sample, a fraction of a second): after a bulk load (a demo, a
      // long catch-up) and before autovacuum's turn, the live refold's prepared read of a few cases
      // (`eventsOfCases`) took a generic plan that scanned the whole log (374 ms at 320,000 victims,
      // against 0.06 ms with statistics).
      this.db.query('ANALYZE pj_event_log'),
    ]);
    for (const result of completed) if (result.status === 'rejected') throw result.reason;
    await this.exclusive(async (tx) => {
      await holding(tx);
      const late = await tx.query<{ case_key: string }>(
        `SELECT DISTINCT case_key FROM pj_event_log WHERE seq > $1 AND case_key <> $2 ORDER BY 1`,
        [since, DIRECTORY_KEY],
      );
      await refoldCases(
        tx,
        late.map((row) => row.case_key),
        '_next',
      );
      for (const table of tables)
        await tx.query(`DROP TABLE ${table}; ALTER TABLE ${table}_next RENAME TO ${table}`);
      for (const { name } of indexes) await tx.query(`ALTER INDEX ${name}_next RENAME TO ${name}`);
      await tx.query(
        `UPDATE pj_views SET status = 'live', processed = $1, finished_at = now(), applied_at = now() WHERE name = 'cases'`,
        [processed],
      );
    });
  }

  /**
   * A new table once its rows are in: its indexes as the migrations made them, then statistics
   * (without them the planner reads a dashboard's few rows by a full scan) and a visibility map
   * (without it a dashboard's figures read the rows, not their index alone).
   */
  private async completeTable(table: string, indexes: Awaited<ReturnType<Rebuilds['indexesOf']>>) {
    for (const { name, definition } of indexes)
      await this.db.query(definition.replace(`${name}`, `${name}_next`));
    for (const { name, constraint } of indexes)
      if (constraint)
        await this.db.query(
          `ALTER TABLE ${table}_next ADD CONSTRAINT ${name}_next ${constraint} USING INDEX ${name}_next`,
        );
    await this.db.query(`VACUUM (ANALYZE) ${table}_next`);
  }

  /** The indexes of these tables as the migrations made them, to build on the new tables. */
  private async indexesOf(tables: readonly string[]) {
    const rows = await this.db.query<{
      name: string;
      table: string;
      definition: string;
      kind: string | null;
    }>(
      `SELECT i.indexname AS name, i.tablename AS "table", i.indexdef AS definition, c.contype AS kind
       FROM pg_indexes i LEFT JOIN pg_constraint c ON c.conname = i.indexname AND c.conrelid = i.tablename::regclass
       WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[]) ORDER BY i.tablename, i.indexname`,
      [tables],
    );
    return rows.map((row) => ({
      name: row.name,
      table: row.table,
      // `CREATE [UNIQUE] INDEX name ON schema.table USING …`: the same on the new table.
      definition: row.definition.replace(
        new RegExp(` ON ((?:\\S+\\.)?)${row.table} USING `),
        ` ON $1${row.table}_next USING `,
      ),
      constraint: row.kind === 'p' ? 'PRIMARY KEY' : row.kind === 'u' ? 'UNIQUE' : null,
    }));
  }

  /** The log's next rows after the case `after`, in the order of the folds. */
  private casesRows(after: string): Promise<LogRow[]> {
    return this.db.query<LogRow>(
      `SELECT ${LOG_COLUMNS} FROM pj_event_log
       WHERE case_key > $1 AND case_key <> $2 ORDER BY case_key, pj_event_log.time, event_id LIMIT $3`,
      [after, DIRECTORY_KEY, this.chunk],
    );
  }

  private async directoryChunk(tx: Sql, after: string) {
    const rows = await tx.query<Parameters<typeof fromRow>[0]>(
      `SELECT ${LOG_COLUMNS} FROM pj_event_log
       WHERE case_key = $1 AND event_id > $2 ORDER BY event_id LIMIT $3`,
      [DIRECTORY_KEY, after, this.chunk],
    );
    const events = rows.map(fromRow);
    await applyOffices(tx, events, this.geography);
    return { events: events.length, after: events.at(-1)?.eventId ?? after, last: rows.length < this.chunk };
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

/**
 * Folds a chunk's rows (in case order) into their COPY text, case by case: a case's events are
 * parsed just before its fold, and garbage with its rows right after (CopyText).
 */
function foldRows(rows: readonly LogRow[], columns: CaseColumns): CopyText {
  const text = new CopyText(columns);
  let events: LogEvent[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    events.push(fromRow(row));
    if (rows[i + 1]?.case_key !== row.case_key) {
      text.add(foldCase(row.case_key, events));
      events = [];
    }
  }
  return text;
}
