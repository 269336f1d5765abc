import type { Sql } from './database.ts';
import type { Aggregate, Checkpoint, Decider, Event, EventMetadata, StoredEvent } from './events.ts';
import { type EventSchemas, upcast } from './upcasting.ts';

const COLUMNS = `event_id, type, data, metadata, stream_id, stream_version, position, transaction_id::text AS transaction_id,
  schema_version, recorded_at`;

interface EventRow {
  event_id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  stream_id: string;
  stream_version: number;
  position: string;
  transaction_id: string;
  schema_version: number;
  recorded_at: Date;
}

/**
 * The store's reads: one stream, a stream folded by its decider, the whole store in global order.
 * Raw SQL, named statements: every command and every projection batch reads here (bench/eventstore).
 */
export class EventReads {
  private readonly sql: Sql;
  private readonly schemas: EventSchemas;

  constructor(sql: Sql, schemas: EventSchemas) {
    this.sql = sql;
    this.schemas = schemas;
  }

  async streamVersion(streamId: string, tx?: Sql): Promise<number> {
    const [row] = await (tx ?? this.sql).query<{ version: number }>(
      'SELECT coalesce(max(stream_version), 0)::int AS version FROM es_events WHERE stream_id = $1',
      [streamId],
      'es_stream_version',
    );
    return row?.version ?? 0;
  }

  async readStream<E extends Event = Event>(
    streamId: string,
    options: { fromVersion?: number; tx?: Sql } = {},
  ): Promise<StoredEvent<E>[]> {
    const rows = await (options.tx ?? this.sql).query<EventRow>(
      `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, options.fromVersion ?? 1],
      'es_read_stream',
    );
    return rows.map((row) => this.toStored<E>(row));
  }

  /** The stream's events (upcast) folded with the decider's `evolve` from its initial state. */
  async aggregateStream<E extends Event, State>(
    streamId: string,
    decider: Pick<Decider<never, E, State>, 'initialState' | 'evolve'>,
    options: { tx?: Sql } = {},
  ): Promise<Aggregate<State>> {
    const history = await this.readStream<E>(streamId, options);
    return { state: fold(decider, history), version: history.at(-1)?.streamVersion ?? 0 };
  }

  /**
   * Several streams folded with the decider, read in one statement: a consumer's batch of commands
   * costs one read instead of one per stream. Streams without events are at their initial state.
   */
  async aggregateStreams<E extends Event, State>(
    streamIds: readonly string[],
    decider: Pick<Decider<never, E, State>, 'initialState' | 'evolve'>,
    options: { tx?: Sql } = {},
  ): Promise<Map<string, Aggregate<State>>> {
    const rows = await (options.tx ?? this.sql).query<EventRow>(
      `SELECT ${COLUMNS} FROM es_events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version`,
      [[...new Set(streamIds)]],
      'es_read_streams',
    );
    const histories = new Map<string, StoredEvent<E>[]>();
    for (const row of rows) {
      const history = histories.get(row.stream_id);
      if (history) history.push(this.toStored<E>(row));
      else histories.set(row.stream_id, [this.toStored<E>(row)]);
    }
    return new Map(
      streamIds.map((streamId) => {
        const history = histories.get(streamId) ?? [];
        return [streamId, { state: fold(decider, history), version: history.at(-1)?.streamVersion ?? 0 }];
      }),
    );
  }

  /**
   * Events of the whole store in commit-safe global order, after `checkpoint`. Only transactions
   * older than the oldest one still running are returned, so a transaction that commits late (with
   * positions lower than events already read) is read before anything newer than it.
   */
  async readAll<E extends Event = Event>(
    checkpoint: Checkpoint,
    options: { limit?: number; types?: string[]; tx?: Sql } = {},
  ): Promise<{ events: StoredEvent<E>[]; checkpoint: Checkpoint; scanned: number }> {
    const sql = options.tx ?? this.sql;
    const limit = options.limit ?? 500;
    if (!options.types?.length) {
      const rows = await sql.query<EventRow>(
        `SELECT ${COLUMNS} FROM es_events
         WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
           AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY transaction_id, position
         LIMIT $3`,
        [checkpoint.transactionId, checkpoint.position, limit],
        'es_read_all',
      );
      const events = rows.map((row) => this.toStored<E>(row));
      const last = events.at(-1);
      return {
        events,
        checkpoint: last ? { transactionId: last.transactionId, position: last.position } : checkpoint,
        scanned: events.length,
      };
    }
    // A reader of some types moves past the events it does not read too: otherwise every call would
    // scan again everything appended since the last event of its types (the referral service's
    // directory feed did, once per append).
    const [end] = await sql.query<{ transaction_id: string; position: string; scanned: number }>(
      `SELECT transaction_id::text, position, count(*) OVER ()::int AS scanned FROM (
         SELECT transaction_id, position FROM es_events
         WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
           AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY transaction_id, position
         LIMIT $3) AS scanned
       ORDER BY transaction_id DESC, position DESC LIMIT 1`,
      [checkpoint.transactionId, checkpoint.position, limit],
      'es_read_all_scan',
    );
    if (!end) return { events: [], checkpoint, scanned: 0 };
    const rows = await sql.query<EventRow>(
      `SELECT ${COLUMNS} FROM es_events
       WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
         AND (transaction_id, position) <= ($3::xid8, $4::bigint)
         AND type = ANY($5::text[])
       ORDER BY transaction_id, position`,
      [checkpoint.transactionId, checkpoint.position, end.transaction_id, end.position, options.types],
      'es_read_all_types',
    );
    return {
      events: rows.map((row) => this.toStored<E>(row)),
      checkpoint: { transactionId: end.transaction_id, position: Number(end.position) },
      scanned: end.scanned,
    };
  }

  /**
   * Every committed event of these types, stream by stream: what a snapshot of some streams' states
   * folds (the referral service's directory feed). Not for following the store: see readAll.
   */
  async readTypes<E extends Event = Event>(
    types: readonly string[],
    options: { tx?: Sql } = {},
  ): Promise<StoredEvent<E>[]> {
    const rows = await (options.tx ?? this.sql).query<EventRow>(
      `SELECT ${COLUMNS} FROM es_events WHERE type = ANY($1::text[]) ORDER BY stream_id, stream_version`,
      [types],
      'es_read_types',
    );
    return rows.map((row) => this.toStored<E>(row));
  }

  /** Where the last committed event stands (of the streams whose id starts with `streamPrefix`, when given). */
  async lastCheckpoint(options: { streamPrefix?: string; tx?: Sql } = {}): Promise<Checkpoint | undefined> {
    const [row] = await (options.tx ?? this.sql).query<{ transaction_id: string; position: string }>(
      `SELECT transaction_id::text, position FROM es_events WHERE $1::text IS NULL OR starts_with(stream_id, $1)
       ORDER BY transaction_id DESC, position DESC LIMIT 1`,
      [options.streamPrefix ?? null],
      'es_last_checkpoint',
    );
    return row ? { transactionId: row.transaction_id, position: Number(row.position) } : undefined;
  }

  private toStored<E extends Event>(row: EventRow): StoredEvent<E> {
    return {
      id: row.event_id,
      type: row.type,
      data: upcast(this.schemas, row.type, row.schema_version, row.data) as E['data'],
      metadata: row.metadata,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      position: Number(row.position),
      transactionId: row.transaction_id,
      schemaVersion: row.schema_version,
      recordedAt: row.recorded_at,
    } as StoredEvent<E>;
  }
}

/** Folds events read back from the store (or just decided) with `evolve`, from the initial state. */
export function fold<E extends Event, State>(
  decider: Pick<Decider<never, E, State>, 'initialState' | 'evolve'>,
  events: readonly (StoredEvent<E> | E)[],
  from: State = decider.initialState(),
): State {
  let state = from;
  for (const event of events) {
    state = decider.evolve(state, { type: event.type, data: event.data, metadata: event.metadata } as E);
  }
  return state;
}
