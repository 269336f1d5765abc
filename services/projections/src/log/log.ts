import type { IntegrationEvent } from '@parcours/contracts';
import type { Sql } from '@parcours/eventstore';

/** An integration event as the log keeps it: `time` is when the fact happened (data.at, else the event's time). */
export interface LogEvent {
  eventId: string;
  topic: string;
  type: string;
  caseKey: string;
  time: string;
  data: Record<string, unknown>;
}

/** Directory events are not about a case: they share one key, and feed the offices view. */
export const DIRECTORY_KEY = 'directory';

/**
 * The case an event belongs to: its case id; a mediation ordered by the prosecutor without a
 * follow-up file is a case of its own, keyed by its mandate.
 */
export function caseKeyOf(event: IntegrationEvent): string {
  const data = event.data as Record<string, unknown>;
  if (event.type.startsWith('fr.parcours.directory.')) return DIRECTORY_KEY;
  if (typeof data['caseId'] === 'string') return data['caseId'];
  if (typeof data['mandateId'] === 'string') return `mandate:${data['mandateId']}`;
  return event.subject;
}

export function toLogEvent(topic: string, event: IntegrationEvent): LogEvent {
  const data = event.data as Record<string, unknown>;
  const at = typeof data['at'] === 'string' ? data['at'] : event.time;
  return {
    eventId: event.id,
    topic,
    type: event.type,
    caseKey: caseKeyOf(event),
    time: new Date(at).toISOString(),
    data,
  };
}

/**
 * Appends to the log those events it does not hold yet (a redelivery or a duplicate is dropped
 * here: the event id is the key), in the caller's transaction; returns the ones appended.
 */
export async function appendToLog(tx: Sql, events: readonly LogEvent[]): Promise<LogEvent[]> {
  if (events.length === 0) return [];
  // One statement per batch, raw: the consumer's and the demo loader's hot path (bench/projections).
  const rows = await tx.query<{ event_id: string }>(
    `INSERT INTO pj_event_log (event_id, topic, type, case_key, time, data)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[])
     ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
    [
      events.map((e) => e.eventId),
      events.map((e) => e.topic),
      events.map((e) => e.type),
      events.map((e) => e.caseKey),
      events.map((e) => e.time),
      events.map((e) => JSON.stringify(e.data)),
    ],
    'pj_event_log_append',
  );
  const fresh = new Set(rows.map((row) => row.event_id));
  return events.filter((event) => fresh.delete(event.eventId));
}

interface LogRow {
  event_id: string;
  topic: string;
  type: string;
  case_key: string;
  time: Date | string;
  /** Read as text (`data::text`): JSON.parse here is faster than the driver's jsonb parsing. */
  data: string;
}

/**
 * The log's columns as read for a fold. `time` is then the formatted text: order by
 * `pj_event_log.time` (the column, in the index's order), not by `time` (the text, sorted again).
 */
export const LOG_COLUMNS = `event_id, topic, type, case_key,
  to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS time, data::text AS data`;

export const fromRow = (row: LogRow): LogEvent => ({
  eventId: row.event_id,
  topic: row.topic,
  type: row.type,
  caseKey: row.case_key,
  // LOG_COLUMNS formats the time as toISOString does.
  time: typeof row.time === 'string' ? row.time : row.time.toISOString(),
  data: JSON.parse(row.data) as Record<string, unknown>,
});

/** Every logged event of these cases, in the order the facts happened. */
export async function eventsOfCases(sql: Sql, caseKeys: readonly string[]): Promise<LogEvent[]> {
  const rows = await sql.query<LogRow>(
    `SELECT ${LOG_COLUMNS} FROM pj_event_log WHERE case_key = ANY($1::text[])
     ORDER BY case_key, pj_event_log.time, event_id`,
    [caseKeys],
    'pj_event_log_cases',
  );
  return rows.map(fromRow);
}
