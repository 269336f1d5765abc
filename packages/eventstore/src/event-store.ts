import { randomUUID } from 'node:crypto';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { OutboxMessage } from '@parcours/contracts';
import type { Sql } from './database.ts';
import { ConcurrencyError } from './errors.ts';
import type { Checkpoint, Event, EventMetadata, StoredEvent } from './events.ts';
import { currentSchemaVersion, type EventSchemas, upcast } from './upcasting.ts';

export interface AppendOptions {
  /** The stream's version the events were decided on (0 for a new stream). */
  expectedVersion: number;
  /** Integration events committed atomically with the events. */
  outbox?: OutboxMessage[];
  /** Metadata merged into every event's own (actor, correlation, trace). */
  metadata?: EventMetadata;
  /** Run inside this transaction instead of on its own. */
  tx?: Sql;
}

export interface AppendResult {
  nextVersion: number;
  positions: number[];
  /** Where the last appended event stands in the global order: wait for readers with it. */
  checkpoint: Checkpoint | undefined;
}

/** Lanes of the outbox: a relay drains one lane at a time (see OutboxRelay). */
export const OUTBOX_LANES = 16;

// One statement does the whole append: check the version, insert the events, insert the outbox
// rows. A single statement is atomic without BEGIN/COMMIT round trips. It is sent as a named
// (prepared) statement on the pool: planning it each time cost as much as running it.
const APPEND_SQL = `
WITH current AS (
  SELECT coalesce(max(stream_version), 0) AS version FROM es_events WHERE stream_id = $1
), appended AS (
  INSERT INTO es_events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
  SELECT $1, $2 + e.ord, e.id, e.type, e.schema_version, e.data, e.metadata
  FROM current,
       unnest($3::uuid[], $4::text[], $5::smallint[], $6::jsonb[], $7::jsonb[])
         WITH ORDINALITY AS e(id, type, schema_version, data, metadata, ord)
  WHERE current.version = $2
  RETURNING position, transaction_id
), outboxed AS (
  INSERT INTO es_outbox (id, lane, topic, key, event, headers)
  SELECT o.id, (hashtext(o.key) & 2147483647) % ${OUTBOX_LANES}, o.topic, o.key, o.event, o.headers
  FROM unnest($8::uuid[], $9::text[], $10::text[], $11::jsonb[], $12::jsonb[]) AS o(id, topic, key, event, headers)
  WHERE EXISTS (SELECT 1 FROM appended)
)
SELECT position, transaction_id::text AS transaction_id FROM appended ORDER BY position`;

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

const tracer = trace.getTracer('@parcours/eventstore');

export class EventStore {
  readonly sql: Sql;
  readonly schemas: EventSchemas;

  constructor(sql: Sql, schemas: EventSchemas = {}) {
    this.sql = sql;
    this.schemas = schemas;
  }

  async appendToStream(streamId: string, events: Event[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0)
      return { nextVersion: options.expectedVersion, positions: [], checkpoint: undefined };
    const outbox = options.outbox ?? [];
    const params = [
      streamId,
      options.expectedVersion,
      events.map(() => randomUUID()),
      events.map((e) => e.type),
      events.map((e) => currentSchemaVersion(this.schemas, e.type)),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify({ ...options.metadata, ...e.metadata })),
      outbox.map((o) => o.id),
      outbox.map((o) => o.topic),
      outbox.map((o) => o.key),
      outbox.map((o) => JSON.stringify(o.event)),
      outbox.map((o) => JSON.stringify(o.headers)),
    ];
    const rows = await tracer.startActiveSpan('eventstore.append', async (span) => {
      span.setAttributes({ 'parcours.events': events.length, 'parcours.outbox': outbox.length });
      try {
        return await (options.tx ?? this.sql).query<{ position: string; transaction_id: string }>(
          APPEND_SQL,
          params,
          'es_append',
        );
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        if ((error as { constraint?: string }).constraint === 'es_events_stream_version') {
          throw new ConcurrencyError(streamId, options.expectedVersion);
        }
        throw error;
      } finally {
        span.end();
      }
    });
    if (rows.length === 0) {
      throw new ConcurrencyError(
        streamId,
        options.expectedVersion,
        await this.streamVersion(streamId, options.tx),
      );
    }
    const target = options.tx ?? this.sql;
    const notify = () => this.sql.notifyAppended?.();
    if (target.afterCommit) target.afterCommit(notify);
    else notify();
    const last = rows.at(-1)!;
    return {
      nextVersion: options.expectedVersion + events.length,
      positions: rows.map((r) => Number(r.position)),
      checkpoint: { transactionId: last.transaction_id, position: Number(last.position) },
    };
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

  /**
   * Events of the whole store in commit-safe global order, after `checkpoint`. Only transactions
   * older than the oldest one still running are returned, so a transaction that commits late (with
   * positions lower than events already read) is read before anything newer than it.
   */
  async readAll<E extends Event = Event>(
    checkpoint: Checkpoint,
    options: { limit?: number; types?: string[]; tx?: Sql } = {},
  ): Promise<{ events: StoredEvent<E>[]; checkpoint: Checkpoint }> {
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
      };
    }
    // A reader of some types moves past the events it does not read too: otherwise every call would
    // scan again everything appended since the last event of its types (the referral service's
    // directory feed did, once per append).
    const [end] = await sql.query<{ transaction_id: string; position: string }>(
      `SELECT transaction_id::text, position FROM (
         SELECT transaction_id, position FROM es_events
         WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
           AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY transaction_id, position
         LIMIT $3) AS scanned
       ORDER BY transaction_id DESC, position DESC LIMIT 1`,
      [checkpoint.transactionId, checkpoint.position, limit],
      'es_read_all_scan',
    );
    if (!end) return { events: [], checkpoint };
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
    };
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
