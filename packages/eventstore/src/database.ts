import { randomUUID } from 'node:crypto';
import { finished } from 'node:stream/promises';
import type { Constructor, EntitySchema } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import { Migrator } from '@mikro-orm/migrations';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { eventStoreEntities } from './entities.ts';

/** Anything that runs parameterised SQL: the pool, or one transaction. */
export interface Sql {
  /**
   * `name` makes it a prepared statement on each pooled connection (parsed and planned once): for
   * hot statements whose text never changes.
   */
  query<Row = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    name?: string,
  ): Promise<Row[]>;
  /** Runs `callback` once what was written is committed: at once on the pool, after COMMIT in a transaction. */
  afterCommit?(callback: () => void): void;
  /** Tells this process's and other processes' readers that events (of these types) were appended. */
  notifyAppended?(types?: readonly string[]): void;
}

/** One transaction: SQL on its connection. */
export interface Tx extends Sql {
  afterCommit(callback: () => void): void;
  /** Runs `callback` if the transaction rolls back (undoes what was written elsewhere for it), before the rollback is reported. */
  afterRollback(callback: () => void | Promise<void>): void;
  /** A statement without parameters to run last, sent with COMMIT in one round trip. */
  commitWith(statement: string): void;
  /**
   * Sends `data`, rows in COPY's text format, to `statement` (`COPY table (columns) FROM STDIN`):
   * a bulk load that PostgreSQL parses far cheaper than a statement's JSON parameter.
   */
  copyFrom(statement: string, data: string): Promise<void>;
}

/** A session-level advisory lock held on a connection of its own (`Database.tryLock`). */
export interface SessionLock {
  release(): Promise<void>;
  /** Whether it is still held: read in `sql`'s transaction, so that work after it relies on it. */
  holds(sql: Sql): Promise<boolean>;
}

export interface MigrationEntry {
  name: string;
  class: Constructor<Migration>;
}

/** The read models' entities a database knows (defineEntity): its EntityManager is typed with them. */
export type Entities = readonly EntitySchema<any, any>[];

/** An EntityManager that knows the entities' types: `getKysely()` checks table and column names. */
export type EntityManagerOf<E extends Entities> = EntityManager & {
  '~entities'?: readonly [...typeof eventStoreEntities, ...E];
};

export interface DatabaseOptions<E extends Entities = []> {
  url: string;
  /**
   * The service's read models as MikroORM entities (docs/read-models.md); the event store's own
   * (the access log) are always there. Migrations still make the tables: `schemaDrift` checks both agree.
   */
  entities?: E;
  /** Pool size; 10 suits a service instance on a 2-core machine. */
  poolSize?: number;
  /** Migrations to apply at connect, in order (the event store's come first). */
  migrations?: MigrationEntry[];
  /** Name for the application, visible in pg_stat_activity. */
  applicationName?: string;
}

/**
 * A service's PostgreSQL database. MikroORM owns the connection pool, transactions and
 * migrations; the event store's hot paths send raw parameterised SQL on that same pool.
 */
export class Database<E extends Entities = Entities> implements Sql {
  readonly orm: MikroORM;
  readonly pool: pg.Pool;
  readonly url: string;
  /** Tells this process's own notifications from other processes'. */
  private readonly instance = randomUUID();
  private listener: AppendListener | undefined;
  private notifyTimer: NodeJS.Timeout | undefined;

  private constructor(orm: MikroORM, pool: pg.Pool, url: string) {
    this.orm = orm;
    this.pool = pool;
    this.url = url;
  }

  static async connect<const E extends Entities = []>(options: DatabaseOptions<E>): Promise<Database<E>> {
    const orm = await MikroORM.init({
      clientUrl: options.url,
      entities: [...eventStoreEntities, ...(options.entities ?? [])],
      pool: { min: 0, max: options.poolSize ?? 10 },
      extensions: [Migrator],
      migrations: {
        migrationsList: options.migrations ?? [],
        tableName: 'schema_migrations',
        snapshot: false,
        snapshotOnMigrate: false,
        silent: true,
        transactional: true,
        allOrNothing: true,
      },
      driverOptions: { application_name: options.applicationName ?? 'parcours' },
    });
    const pool = await orm.em.getConnection().getNativeClient();
    const database = new Database<E>(orm, pool, options.url);
    if (options.migrations?.length) await database.migrate();
    return database;
  }

  /** Applies pending migrations; two instances starting together serialise on an advisory lock. */
  async migrate(): Promise<void> {
    // The lock is held on a connection of its own: the migrator needs the pool's (even a pool of one).
    const client = new pg.Client({ connectionString: this.url, application_name: 'parcours-migrate' });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock(727001)');
      await this.orm.migrator.up();
    } finally {
      await client.end();
    }
  }

  /**
   * Takes a session-level advisory lock on a connection of its own, for work that spans many
   * transactions (a view's rebuild): held until `release`. Null when another session holds it.
   * Should the connection drop, PostgreSQL lets the lock go with it: `holds` tells, in any
   * transaction, whether it is still held (its backend in pg_locks).
   */
  async tryLock(key: number, subkey: number): Promise<SessionLock | null> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'parcours-lock' });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean; pid: number }>(
        'SELECT pg_try_advisory_lock($1, $2) AS locked, pg_backend_pid() AS pid',
        [key, subkey],
      );
      const pid = rows[0]?.pid;
      if (rows[0]?.locked)
        return {
          release: () => client.end(),
          holds: async (sql) => {
            const [row] = await sql.query<{ held: boolean }>(
              `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = $1
                 AND classid = $2::int::oid AND objid = $3::int::oid AND objsubid = 2) AS held`,
              [pid, key, subkey],
            );
            return row?.held === true;
          },
        };
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    await client.end();
    return null;
  }

  /**
   * A fresh EntityManager for one unit of work (a request, a job): its identity map is its own.
   * Query read models through it, or through its typed Kysely (`readModels(em)`).
   */
  em(): EntityManagerOf<E> {
    return this.orm.em.fork() as EntityManagerOf<E>;
  }

  async query<Row = Record<string, unknown>>(
    text: string,
    params: readonly unknown[] = [],
    name?: string,
  ): Promise<Row[]> {
    const result = await this.pool.query(
      name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] },
    );
    return result.rows as Row[];
  }

  /**
   * Runs `work` in one transaction on a connection of MikroORM's pool; commits when it resolves,
   * rolls back when it throws. Statements inside may be named (prepared) like on the pool.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.run(undefined, (tx) => work(tx));
  }

  /**
   * A transaction whose first statement (without parameters) travels with BEGIN, in one round trip;
   * `work` gets its rows. With `tx.commitWith`, a last statement travels with COMMIT. For short
   * transactions run very often (a projection's batch: lock the checkpoint … move it).
   */
  transactionFrom<Row, T>(first: string, work: (tx: Tx, rows: Row[]) => Promise<T>): Promise<T> {
    return this.run(first, (tx, rows) => work(tx, rows as Row[]));
  }

  private async run<T>(first: string | undefined, work: (tx: Tx, rows: unknown[]) => Promise<T>): Promise<T> {
    const committed: (() => void)[] = [];
    const rolledBack: (() => void | Promise<void>)[] = [];
    const client = await this.pool.connect();
    let broken = false;
    let last: string | undefined;
    try {
      const begun = await client.query(first ? `BEGIN; ${first}` : 'BEGIN');
      // A simple query of two statements answers with one result per statement.
      const rows = first ? ((begun as unknown as pg.QueryResult[])[1]?.rows ?? []) : [];
      const tx: Tx = {
        async query<Row>(text: string, params: readonly unknown[] = [], name?: string) {
          const values = params as unknown[];
          const result = await client.query(name ? { name, text, values } : { text, values });
          return result.rows as Row[];
        },
        afterCommit: (callback) => void committed.push(callback),
        afterRollback: (callback) => void rolledBack.push(callback),
        commitWith: (statement) => {
          last = statement;
        },
        async copyFrom(statement: string, data: string) {
          const stream = client.query(copyFrom(statement));
          stream.end(data);
          await finished(stream);
        },
        notifyAppended: (types) => this.notifyAppended(types),
      };
      const result = await work(tx, rows);
      await client.query(last ? `${last}; COMMIT` : 'COMMIT');
      for (const callback of committed) callback();
      return result;
    } catch (error) {
      // A connection that cannot even roll back is discarded rather than returned to the pool.
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      // Not when the connection broke: the COMMIT may have gone through.
      if (!broken) await Promise.allSettled(rolledBack.map((callback) => callback()));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  afterCommit(callback: () => void): void {
    callback();
  }

  /**
   * Wakes this process's relay and projection runners at once, and other processes' through one
   * NOTIFY at most every 20 ms, sent on its own after the append committed. A NOTIFY inside the
   * append's transaction would take PostgreSQL's global notification lock until the commit's WAL
   * flush ends, so appends would commit one at a time (bench/eventstore measured 3.3x fewer
   * appends at 32 writers with it).
   */
  notifyAppended(types?: readonly string[]): void {
    this.listener?.wake(types);
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.pool.query("SELECT pg_notify('es_appended', $1)", [this.instance]).catch(() => undefined);
    }, 20);
    this.notifyTimer.unref();
  }

  /**
   * Calls `listener` whenever events are appended (LISTEN es_appended, one connection per
   * database object, opened on first use). Returns the unsubscribe function.
   */
  onAppended(listener: () => void, options: { types?: readonly string[] } = {}): () => void {
    this.listener ??= new AppendListener(this.url, this.instance);
    return this.listener.add(listener, options.types);
  }

  async close(): Promise<void> {
    clearTimeout(this.notifyTimer);
    await this.listener?.close();
    await this.orm.close(true);
  }
}

/** One LISTEN connection fanned out to in-process listeners; reconnects when it drops. */
class AppendListener {
  private readonly url: string;
  private readonly instance: string;
  /** Each listener with the event types it follows (all when absent). */
  private readonly listeners = new Map<() => void, ReadonlySet<string> | undefined>();
  private client: pg.Client | undefined;
  private closed = false;

  constructor(url: string, instance: string) {
    this.url = url;
    this.instance = instance;
    void this.connect();
  }

  /**
   * Wakes the listeners following one of `types`: all of them when the types are unknown (another
   * process appended, or the connection came back). A reader of a few types (the referral
   * directory) is not woken by every append of the service's other events.
   */
  wake(types?: readonly string[]): void {
    for (const [listener, follows] of this.listeners) {
      if (!types || !follows || types.some((type) => follows.has(type))) listener();
    }
  }

  add(listener: () => void, types?: readonly string[]): () => void {
    this.listeners.set(listener, types ? new Set(types) : undefined);
    return () => this.listeners.delete(listener);
  }

  private async connect(): Promise<void> {
    while (!this.closed) {
      const client = new pg.Client({ connectionString: this.url, application_name: 'parcours-listen' });
      try {
        client.on('notification', (notification) => {
          // This process was woken when it appended.
          if (notification.payload !== this.instance) this.wake();
        });
        client.on('error', () => undefined);
        await client.connect();
        await client.query('LISTEN es_appended');
        this.client = client;
        // Appends may have happened while disconnected: wake everybody once.
        this.wake();
        await new Promise<void>((resolve) => client.once('end', () => resolve()));
      } catch {
        await client.end().catch(() => undefined);
      }
      this.client = undefined;
      if (!this.closed) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }
}
