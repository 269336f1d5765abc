import type { Database, Tx } from './database.ts';
import type { EventStore } from './event-store.ts';
import { type Checkpoint, type Event, START, type StoredEvent } from './events.ts';
import { applyEvents, type Projection } from './projection.ts';

interface CheckpointRow {
  transaction_id: string;
  position: string;
}

/** A string as an SQL literal (standard_conforming_strings: only quotes are doubled). */
const sqlLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * A read model as an evolve function over one document per id: `(document | null,
 * event) => document | null` (null deletes). Stored in es_documents.
 */
export function documentProjection<E extends Event, Doc>(definition: {
  name: string;
  types?: E['type'][];
  idOf: (event: StoredEvent<E>) => string | undefined;
  evolve: (document: Doc | null, event: StoredEvent<E>) => Doc | null;
}): Projection<E> & {
  evolve: (document: Doc | null, event: StoredEvent<E>) => Doc | null;
  get(db: Database | Tx, id: string): Promise<Doc | null>;
} {
  return {
    name: definition.name,
    evolve: definition.evolve,
    ...(definition.types ? { types: definition.types } : {}),
    async apply(tx, event) {
      const id = definition.idOf(event);
      if (id === undefined) return;
      const [row] = await tx.query<{ document: Doc }>(
        'SELECT document FROM es_documents WHERE projection = $1 AND id = $2 FOR UPDATE',
        [definition.name, id],
      );
      const next = definition.evolve(row?.document ?? null, event);
      if (next === null) {
        await tx.query('DELETE FROM es_documents WHERE projection = $1 AND id = $2', [definition.name, id]);
      } else {
        await tx.query(
          `INSERT INTO es_documents (projection, id, document) VALUES ($1, $2, $3)
           ON CONFLICT (projection, id) DO UPDATE SET document = excluded.document`,
          [definition.name, id, JSON.stringify(next)],
        );
      }
    },
    async reset(tx) {
      await tx.query('DELETE FROM es_documents WHERE projection = $1', [definition.name]);
    },
    async get(db, id) {
      const [row] = await db.query<{ document: Doc }>(
        'SELECT document FROM es_documents WHERE projection = $1 AND id = $2',
        [definition.name, id],
      );
      return row?.document ?? null;
    },
  };
}

export interface ProjectionRunnerOptions {
  batchSize?: number;
  pollIntervalMs?: number;
  /** How long wake-ups are gathered before the next catch-up (default 5 ms). */
  coalesceMs?: number;
}

/**
 * Runs projections: each batch of events and the projection's checkpoint commit in one
 * transaction, so a crash replays nothing twice and skips nothing.
 */
export class ProjectionRunner {
  private readonly db: Database;
  private readonly store: EventStore;
  private readonly projections: Projection[];
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly coalesceMs: number;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private pending = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    db: Database,
    store: EventStore,
    projections: Projection<any>[],
    options: ProjectionRunnerOptions = {},
  ) {
    this.db = db;
    this.store = store;
    this.projections = projections;
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.coalesceMs = options.coalesceMs ?? 5;
  }

  start(): void {
    if (this.running || this.followed().length === 0) return;
    this.running = true;
    // Woken by the types it reads (by every append when one projection reads them all).
    const followed = this.followed();
    const types = followed.every((p) => p.types) ? followed.flatMap((p) => p.types ?? []) : undefined;
    this.unsubscribe = this.db.onAppended(
      () => {
        this.pending = true;
        this.wake?.();
      },
      types ? { types } : {},
    );
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
  }

  /** Brings every projection it follows up to date with what is committed now; returns events applied. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (const projection of this.followed()) total += await this.catchUpOne(projection);
    return total;
  }

  private followed(): Projection[] {
    return this.projections.filter((projection) => !projection.inline);
  }

  private async catchUpOne(projection: Projection): Promise<number> {
    let total = 0;
    for (;;) {
      const { applied, more } = await this.step(projection);
      total += applied;
      if (!more) return total;
    }
  }

  /**
   * Catches up until every projection has passed `target` (the checkpoint an append returned:
   * read-your-writes after a command). Waits while an older transaction anywhere on the server is
   * still open, since the global order cannot pass it; gives up after `timeoutMs`.
   */
  async catchUpUntil(
    target: Checkpoint,
    timeoutMs = 10_000,
    projections: Projection[] = this.followed(),
  ): Promise<void> {
    const goal = { transactionId: BigInt(target.transactionId), position: target.position };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const projection of projections) await this.catchUpOne(projection);
      let reached = true;
      for (const projection of projections) {
        const at = await this.checkpoint(projection.name);
        const tx = BigInt(at.transactionId);
        if (tx < goal.transactionId || (tx === goal.transactionId && at.position < goal.position))
          reached = false;
      }
      if (reached) return;
      if (Date.now() > deadline) {
        throw new Error(
          `projections did not reach ${target.transactionId}/${target.position} in ${timeoutMs} ms`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Catches up until every projection has applied every event committed before this call. */
  async catchUpToLatest(timeoutMs = 10_000, projections: Projection[] = this.followed()): Promise<void> {
    const [last] = await this.db.query<{ transaction_id: string; position: string }>(
      'SELECT transaction_id::text, position FROM es_events ORDER BY transaction_id DESC, position DESC LIMIT 1',
    );
    if (last) {
      await this.catchUpUntil(
        { transactionId: last.transaction_id, position: Number(last.position) },
        timeoutMs,
        projections,
      );
    }
  }

  /**
   * Empties the projection's read model and replays the whole store into it, up to at least the
   * last event committed when the rebuild began. An inline projection's writers may run meanwhile:
   * a row can show an older state until the replay reaches that row's latest events.
   */
  async rebuild(name: string): Promise<void> {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection) throw new Error(`unknown projection ${name}`);
    await this.db.transaction(async (tx) => {
      await this.lockCheckpoint(tx, projection.name);
      await projection.reset(tx);
      await tx.query(
        `UPDATE es_checkpoints SET transaction_id = '0', position = 0, updated_at = now() WHERE projection = $1`,
        [projection.name],
      );
    });
    await this.catchUpToLatest(60_000, [projection]);
  }

  async checkpoint(name: string): Promise<Checkpoint> {
    const [row] = await this.db.query<{ transaction_id: string; position: string }>(
      'SELECT transaction_id::text, position FROM es_checkpoints WHERE projection = $1',
      [name],
      'es_checkpoint_read',
    );
    return row ? { transactionId: row.transaction_id, position: Number(row.position) } : START;
  }

  /** Creates the projection's checkpoint row when it has none, and locks it. */
  private async lockCheckpoint(tx: Tx, name: string): Promise<Checkpoint> {
    await tx.query(
      'INSERT INTO es_checkpoints (projection) VALUES ($1) ON CONFLICT DO NOTHING',
      [name],
      'es_checkpoint_ensure',
    );
    const [row] = await tx.query<CheckpointRow>(
      'SELECT transaction_id::text, position FROM es_checkpoints WHERE projection = $1 FOR UPDATE',
      [name],
      'es_checkpoint_lock',
    );
    return { transactionId: row!.transaction_id, position: Number(row!.position) };
  }

  /**
   * One batch: how many events were applied, and whether there may be more to read now (the batch
   * was full: the checkpoint may also move past events of other types).
   */
  private async step(projection: Projection): Promise<{ applied: number; more: boolean }> {
    // Run for every batch of every projection: the checkpoint is locked in BEGIN's round trip and
    // moved in COMMIT's (names and positions go in as literals: these statements take no parameters).
    const name = sqlLiteral(projection.name);
    return this.db.transactionFrom<CheckpointRow, { applied: number; more: boolean }>(
      `SELECT transaction_id::text, position FROM es_checkpoints WHERE projection = ${name} FOR UPDATE`,
      async (tx, [locked]) => {
        // The row lock makes two runners of one projection take turns instead of applying twice;
        // the first batch of a new projection creates its row.
        const from = locked
          ? { transactionId: locked.transaction_id, position: Number(locked.position) }
          : await this.lockCheckpoint(tx, projection.name);
        const { events, checkpoint, scanned } = await this.store.readAll(from, {
          limit: this.batchSize,
          ...(projection.types ? { types: projection.types } : {}),
          tx,
        });
        await applyEvents(projection, tx, events);
        const moved =
          checkpoint.transactionId !== from.transactionId || checkpoint.position !== from.position;
        if (moved) {
          const { transactionId, position } = checkpoint;
          if (!/^\d+$/.test(transactionId) || !Number.isSafeInteger(position))
            throw new Error(`not a checkpoint: ${transactionId}/${position}`);
          tx.commitWith(
            `UPDATE es_checkpoints SET transaction_id = '${transactionId}'::xid8, position = ${position},
               updated_at = now() WHERE projection = ${name}`,
          );
        }
        return { applied: events.length, more: scanned >= this.batchSize };
      },
    );
  }

  private async run(): Promise<void> {
    // After a notification the new events may still be behind an older open transaction: look
    // again soon, backing off towards the polling interval.
    let hot = 0;
    while (this.running) {
      const woken = this.pending;
      this.pending = false;
      let applied = 0;
      try {
        applied = await this.catchUp();
      } catch {
        // A failing projection is retried on the next wake-up; its checkpoint did not move.
      }
      if (woken && applied === 0) hot = 1;
      else if (applied > 0) hot = 0;
      if (!this.running) return;
      if (this.pending) {
        // Under load a wake-up arrives with every append: gather them for a few milliseconds so
        // each transaction applies many events instead of one.
        await new Promise((resolve) => setTimeout(resolve, this.coalesceMs));
        continue;
      }
      const delay = hot > 0 ? Math.min(this.pollIntervalMs, 25 * 2 ** hot++) : this.pollIntervalMs;
      if (delay >= this.pollIntervalMs) hot = 0;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, delay);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
    }
  }
}
