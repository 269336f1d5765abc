import { randomUUID } from 'node:crypto';
import type { OutboxMessage } from '@parcours/contracts';
import type { Sql } from './database.ts';
import type { Checkpoint, Event, EventMetadata, StoredEvent } from './events.ts';
import { currentSchemaVersion, type EventSchemas } from './upcasting.ts';

/** Lanes of the outbox: a relay drains one lane at a time (see OutboxRelay). */
export const OUTBOX_LANES = 16;
/** A key's lane: one key's rows stay in one lane, so they reach Kafka in order. */
const LANE_OF_KEY = `(hashtext(o.key) & 2147483647) % ${OUTBOX_LANES}`;

// Raw SQL: the append and outbox statements are the event store's hot path (bench/eventstore
// measured each choice below against Emmett and raw INSERTs).
// JSON columns travel as one JSON array per column ($n::json, its elements matched by position),
// not as jsonb[]: an array literal escapes every document again on both sides. Measured side by
// side: +13 % events/s in 10-event commands, +3-6 % in 1-event ones (bench/eventstore/FINDINGS.md).
export const OUTBOX_ROWS = (ids: string, topics: string, keys: string, events: string, headers: string) => `
  SELECT o.id, ${LANE_OF_KEY}, o.topic, o.key, ev.value::jsonb, h.value::jsonb
  FROM unnest(${ids}::uuid[], ${topics}::text[], ${keys}::text[]) WITH ORDINALITY AS o(id, topic, key, n)
  JOIN json_array_elements(${events}::json) WITH ORDINALITY AS ev(value, n) ON ev.n = o.n
  JOIN json_array_elements(${headers}::json) WITH ORDINALITY AS h(value, n) ON h.n = o.n`;

// Both append statements end alike: what was appended, the outbox rows ($8-$12) and, in the keyed
// variants, the new subjects' data keys ($13-$14), written only if the events were. A subject that
// has a key already fails the whole statement (subject_keys' primary key): nothing is written.
const appendedAndOutbox = (
  keyed: boolean,
) => `  RETURNING stream_id, stream_version, position, transaction_id, recorded_at
), outboxed AS (
  INSERT INTO es_outbox (id, lane, topic, key, event, headers)
  ${OUTBOX_ROWS('$8', '$9', '$10', '$11', '$12')}
  WHERE EXISTS (SELECT 1 FROM appended)
)${
  keyed
    ? `, keyed AS (
  INSERT INTO subject_keys (subject_id, wrapped_key)
  SELECT * FROM unnest($13::text[], $14::bytea[]) WHERE EXISTS (SELECT 1 FROM appended)
)`
    : ''
}
SELECT stream_id, stream_version, position, transaction_id::text AS transaction_id, recorded_at
FROM appended ORDER BY position`;

// Raw SQL, one statement for the whole append (bench/eventstore: as cheap as a plain INSERT): check
// the version, insert the events, insert the outbox rows, atomic without BEGIN/COMMIT round trips.
// Sent as a named (prepared) statement on the pool: planning it each time cost as much as running it.
const appendSql = (keyed: boolean) => `
WITH current AS (
  SELECT coalesce(max(stream_version), 0) AS version FROM es_events WHERE stream_id = $1
), appended AS (
  INSERT INTO es_events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
  SELECT $1, $2 + e.ord, e.id, e.type, e.schema_version, d.value::jsonb, m.value::jsonb
  FROM current,
       unnest($3::uuid[], $4::text[], $5::smallint[]) WITH ORDINALITY AS e(id, type, schema_version, ord)
       JOIN json_array_elements($6::json) WITH ORDINALITY AS d(value, ord) ON d.ord = e.ord
       JOIN json_array_elements($7::json) WITH ORDINALITY AS m(value, ord) ON m.ord = e.ord
  WHERE current.version = $2
${appendedAndOutbox(keyed)}`;
const APPEND_SQL = appendSql(false);
const APPEND_KEYED_SQL = appendSql(true);

// Raw SQL, the group commit's statement (bench/eventstore: ~457 → ~705 helpline calls/s): the events
// of several streams, each checked against its expected version (the version before its first event
// here); nothing is written unless every stream is.
const appendManySql = (keyed: boolean) => `
WITH input AS (
  SELECT e.stream_id, e.stream_version, e.id, e.type, e.schema_version, d.value::jsonb AS data,
         m.value::jsonb AS metadata, e.n
  FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::smallint[])
         WITH ORDINALITY AS e(stream_id, stream_version, id, type, schema_version, n)
  JOIN json_array_elements($6::json) WITH ORDINALITY AS d(value, n) ON d.n = e.n
  JOIN json_array_elements($7::json) WITH ORDINALITY AS m(value, n) ON m.n = e.n
), mismatched AS (
  SELECT 1 FROM (SELECT stream_id, min(stream_version) - 1 AS expected FROM input GROUP BY stream_id) AS s
  WHERE (SELECT coalesce(max(stream_version), 0) FROM es_events e WHERE e.stream_id = s.stream_id) <> s.expected
), appended AS (
  INSERT INTO es_events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
  SELECT stream_id, stream_version, id, type, schema_version, data, metadata FROM input
  WHERE NOT EXISTS (SELECT 1 FROM mismatched)
  ORDER BY n
${appendedAndOutbox(keyed)}`;
const APPEND_MANY_SQL = appendManySql(false);
const APPEND_MANY_KEYED_SQL = appendManySql(true);

interface AppendedRow {
  stream_id: string;
  stream_version: number;
  position: string;
  transaction_id: string;
  recorded_at: Date;
}

export interface AppendOptions {
  /** The stream's version the events were decided on (0 for a new stream). */
  expectedVersion: number;
  /** Integration events committed atomically with the events. */
  outbox?: OutboxMessage[];
  /** Metadata merged into every event's own (actor, correlation, trace). */
  metadata?: EventMetadata;
  /** Run inside this transaction instead of on its own. */
  tx?: Sql;
  /**
   * Data keys of the command's new subjects (NewKeys.commit), stored by the append statement itself:
   * the keys exist if and only if the events do, and the append still joins a group commit.
   */
  keys?: KeysWithEvents;
}

/** New subjects' wrapped data keys that an append stores with its events; `written` once it did. */
export interface KeysWithEvents {
  readonly subjects: readonly string[];
  readonly wrapped: readonly Buffer[];
  written: boolean;
}

export interface AppendResult {
  nextVersion: number;
  positions: number[];
  /** Where the last appended event stands in the global order: wait for readers with it. */
  checkpoint: Checkpoint | undefined;
}

export interface AppendRequest {
  streamId: string;
  events: Event[];
  options: AppendOptions;
}

/** The outbox columns as the statements take them: one array (or JSON array) per column. */
export function outboxParams(messages: readonly OutboxMessage[]): unknown[] {
  return [
    messages.map((o) => o.id),
    messages.map((o) => o.topic),
    messages.map((o) => o.key),
    JSON.stringify(messages.map((o) => o.event)),
    JSON.stringify(messages.map((o) => o.headers)),
  ];
}

/**
 * Sends one append statement for one stream or several (all or nothing) and returns the events as
 * stored, in the order given; undefined when a stream was not at its expected version (nothing written).
 */
export async function insertEvents(
  sql: Sql,
  schemas: EventSchemas,
  batch: readonly AppendRequest[],
): Promise<StoredEvent[] | undefined> {
  const events = batch.flatMap(({ streamId, events, options }) =>
    events.map((event, i) => ({
      id: randomUUID(),
      streamId,
      version: options.expectedVersion + i + 1,
      event,
      schemaVersion: currentSchemaVersion(schemas, event.type),
      metadata: { ...options.metadata, ...event.metadata },
    })),
  );
  const eventParams = [
    events.map((e) => e.id),
    events.map((e) => e.event.type),
    events.map((e) => e.schemaVersion),
    JSON.stringify(events.map((e) => e.event.data)),
    JSON.stringify(events.map((e) => e.metadata)),
  ];
  const outbox = outboxParams(batch.flatMap((request) => request.options.outbox ?? []));
  const keyed = batch.flatMap((request) => (request.options.keys ? [request.options.keys] : []));
  const keys = keyed.length > 0 ? [keyed.flatMap((k) => k.subjects), keyed.flatMap((k) => k.wrapped)] : [];
  const [only] = batch;
  const rows =
    batch.length === 1 && only
      ? await sql.query<AppendedRow>(
          keys.length > 0 ? APPEND_KEYED_SQL : APPEND_SQL,
          [only.streamId, only.options.expectedVersion, ...eventParams, ...outbox, ...keys],
          keys.length > 0 ? 'es_append_keyed' : 'es_append',
        )
      : await sql.query<AppendedRow>(
          keys.length > 0 ? APPEND_MANY_KEYED_SQL : APPEND_MANY_SQL,
          [events.map((e) => e.streamId), events.map((e) => e.version), ...eventParams, ...outbox, ...keys],
          keys.length > 0 ? 'es_append_many_keyed' : 'es_append_many',
        );
  if (rows.length !== events.length) return undefined;
  // Marked in the caller's transaction too: a rollback takes the keys with the events.
  for (const k of keyed) k.written = true;
  const byEvent = new Map(rows.map((row) => [`${row.stream_id}/${row.stream_version}`, row]));
  return events.map((e) => {
    const row = byEvent.get(`${e.streamId}/${e.version}`)!;
    return {
      ...e.event,
      id: e.id,
      metadata: e.metadata,
      streamId: e.streamId,
      streamVersion: e.version,
      position: Number(row.position),
      transactionId: row.transaction_id,
      schemaVersion: e.schemaVersion,
      recordedAt: row.recorded_at,
    } as StoredEvent;
  });
}
