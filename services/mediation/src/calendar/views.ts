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

/**
 * An office's sessions in [start, end) as the JSON array the month view sends, built by PostgreSQL:
 * 2,000 sessions cost the service about 50 ms of CPU as rows parsed and serialised again
 * (bench/mediation/REPORT.md), the same shape as `calendar` gives. One array per association (an
 * office has one), each kept only when the reader may see it.
 */
export async function officeCalendarJson(
  db: MediationDatabase,
  officeId: string,
  range: { start: Date; end: Date },
  visible: (target: AccessTarget) => boolean,
): Promise<string> {
  const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const groups = await db.query<{ association_id: string; sessions: string }>(
    `SELECT association_id, json_agg(json_build_object(
              'sessionId', session_id, 'mandateId', mandate_id, 'kind', kind, 'status', status,
              'start', ${iso('starts_at')}, 'end', ${iso('ends_at')}, 'mediatorId', mediator_id, 'roomId', room_id,
              'officeId', office_id, 'sequence', sequence,
              'parties', (SELECT coalesce(json_agg(json_build_object('partyId', c->>'partyId', 'role', c->>'role',
                                  'arriveAt', c->>'arriveAt') ORDER BY n), '[]')
                          FROM jsonb_array_elements(convocations) WITH ORDINALITY AS e(c, n)))
            ORDER BY starts_at, session_id)::text AS sessions
     FROM mediation_sessions
     WHERE office_id = $1 AND starts_at >= $2 AND starts_at < $3 AND status <> 'cancelled'
     GROUP BY association_id`,
    [officeId, range.start, range.end],
    'mediation_calendar_office_json',
  );
  const arrays = groups
    .filter((group) => visible({ associationId: group.association_id, officeId }))
    .map((group) => group.sessions.slice(1, -1));
  return `[${arrays.join(',')}]`;
}
