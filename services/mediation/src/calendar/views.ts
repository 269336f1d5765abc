import type { AccessTarget } from '../access.ts';
import type { MediationDatabase } from '../read-models.ts';
import { addDays, atLocal, isoWeekday, type LocalDate } from './time.ts';

/** A session as the calendar shows it: who leads it, where, when; the parties by role, never by name. */
export interface CalendarEntry {
  sessionId: string;
  mandateId: string;
  kind: string;
  status: string;
  start: string;
  end: string;
  mediatorId: string;
  roomId: string;
  officeId: string;
  sequence: number;
  parties: { partyId: string; role: string; arriveAt: string }[];
}

/** The ISO week (Monday to Sunday, local) that holds `date`, as instants. */
export function weekOf(date: LocalDate, timeZone: string) {
  const monday = addDays(date, 1 - isoWeekday(date));
  return {
    from: monday,
    start: atLocal(monday, '00:00', timeZone),
    end: atLocal(addDays(monday, 7), '00:00', timeZone),
  };
}

/** A month (`YYYY-MM`), local, as instants. */
export function monthOf(month: string, timeZone: string) {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
  return { start: atLocal(`${month}-01`, '00:00', timeZone), end: atLocal(next, '00:00', timeZone) };
}

interface Row {
  session_id: string;
  mandate_id: string;
  association_id: string;
  office_id: string;
  mediator_id: string;
  room_id: string;
  kind: string;
  status: string;
  starts_at: string;
  ends_at: string;
  sequence: number;
  convocations: { partyId: string; role: string; arriveAt: string }[];
}

/**
 * The sessions of a mediator or an office that start in [start, end), cancelled ones left out, in
 * order, each with its parties' roles (kept in the session's row: one indexed query, no join).
 * Raw SQL: for an office's month of 2,000 sessions the typed query's value conversion cost 3 to 5
 * times the query itself (bench/mediation/REPORT.md).
 */
export async function calendar(
  db: MediationDatabase,
  where: { mediatorId: string } | { officeId: string },
  range: { start: Date; end: Date },
  visible: (target: AccessTarget) => boolean,
): Promise<CalendarEntry[]> {
  const byMediator = 'mediatorId' in where;
  const rows = await db.query<Row>(
    `SELECT session_id, mandate_id, association_id, office_id, mediator_id, room_id, kind, status, starts_at, ends_at,
            sequence, convocations
     FROM mediation_sessions
     WHERE ${byMediator ? 'mediator_id' : 'office_id'} = $1 AND starts_at >= $2 AND starts_at < $3 AND status <> 'cancelled'
     ORDER BY starts_at, session_id`,
    [byMediator ? where.mediatorId : where.officeId, range.start, range.end],
    byMediator ? 'mediation_calendar_mediator' : 'mediation_calendar_office',
  );
  return rows
    .filter((row) => visible({ associationId: row.association_id, officeId: row.office_id }))
    .map((row) => ({
      sessionId: row.session_id,
      mandateId: row.mandate_id,
      kind: row.kind,
      status: row.status,
      start: new Date(row.starts_at).toISOString(),
      end: new Date(row.ends_at).toISOString(),
      mediatorId: row.mediator_id,
      roomId: row.room_id,
      officeId: row.office_id,
      sequence: row.sequence,
      parties: row.convocations.map(({ partyId, role, arriveAt }) => ({ partyId, role, arriveAt })),
    }));
}

/** An office's month as PostgreSQL writes it: JSON texts, never parsed by the service. */
export interface OfficeMonthJson {
  /** `[{ mediatorId, name }]`, in the order the sessions' `mediator` indexes refer to. */
  mediators: string;
  /** The room ids, in the order the sessions' `room` indexes refer to. */
  roomIds: string[];
  /** `[{ sessionId, mandateId, kind, status, start, end, roles, mediator, room }]` in order. */
  sessions: string;
}

/** The version of an office's sessions starting in one UTC month for one association (read-models.ts): its shards'. */
export interface MonthVersion {
  associationId: string;
  month: string;
  version: string;
}

/**
 * The versions of an office's sessions in [start, end): one row per UTC month the range overlaps and
 * association that had sessions there (a month in Paris overlaps two UTC months). One indexed read of a
 * few rows: what the month view reads on every request before answering from its cache.
 */
export function monthVersions(
  db: MediationDatabase,
  officeId: string,
  range: { start: Date; end: Date },
): Promise<MonthVersion[]> {
  return db.query<MonthVersion>(
    `SELECT association_id AS "associationId", to_char(month, 'YYYY-MM') AS month,
            string_agg(shard || ':' || version, '.' ORDER BY shard) AS version
     FROM mediation_calendar_versions
     WHERE office_id = $1 AND month >= date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC')::date
       AND month < ($3::timestamptz AT TIME ZONE 'UTC')
     GROUP BY month, association_id
     ORDER BY month, association_id`,
    [officeId, range.start, range.end],
    'mediation_month_versions',
  );
}

/**
 * An office's sessions in [start, end) of these associations (those the reader may see), cancelled
 * ones left out, as the compact JSON the month view sends: each session's JSON is kept in its row
 * (the `month_entry` trigger, migrations.ts), the mediators and rooms are tables of the payload that
 * sessions refer to by index. One indexed scan and a `string_agg`: the service neither parses nor
 * serialises the 2,000 sessions of a busy month (bench/mediation/REPORT.md).
 */
export async function officeMonthJson(
  db: MediationDatabase,
  officeId: string,
  range: { start: Date; end: Date },
  associations: readonly string[],
): Promise<OfficeMonthJson> {
  if (associations.length === 0) return { mediators: '[]', roomIds: [], sessions: '[]' };
  const [row] = await db.query<{
    mediators: string | null;
    room_ids: string[] | null;
    sessions: string | null;
  }>(
    `WITH s AS MATERIALIZED (
       SELECT mediator_id, room_id, starts_at, session_id, month_entry FROM mediation_sessions
       WHERE office_id = $1 AND starts_at >= $2 AND starts_at < $3 AND status <> 'cancelled'
         AND association_id = ANY($4::text[])),
     m AS (SELECT mediator_id, (row_number() OVER (ORDER BY mediator_id) - 1)::int AS i
           FROM (SELECT DISTINCT mediator_id FROM s) d),
     r AS (SELECT room_id, (row_number() OVER (ORDER BY room_id) - 1)::int AS i
           FROM (SELECT DISTINCT room_id FROM s) d)
     SELECT (SELECT json_agg(json_build_object('mediatorId', m.mediator_id, 'name', mm.name) ORDER BY m.i)
             FROM m LEFT JOIN mediation_mediators mm USING (mediator_id))::text AS mediators,
            (SELECT array_agg(room_id ORDER BY i) FROM r) AS room_ids,
            '[' || string_agg(left(s.month_entry, -1) || ',"mediator":' || m.i || ',"room":' || r.i || '}', ','
                              ORDER BY s.starts_at, s.session_id COLLATE "C") || ']' AS sessions
     FROM s JOIN m USING (mediator_id) JOIN r USING (room_id)`,
    [officeId, range.start, range.end, associations],
    'mediation_office_month',
  );
  return {
    mediators: row?.mediators ?? '[]',
    roomIds: row?.room_ids ?? [],
    sessions: row?.sessions ?? '[]',
  };
}
