import { readModels } from '@parcours/eventstore';
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

/**
 * The sessions of a mediator or an office that start in [start, end), cancelled ones left out, in
 * order, each with its parties' roles: two indexed queries whatever the number of sessions.
 */
export async function calendar(
  db: MediationDatabase,
  where: { mediatorId: string } | { officeId: string },
  range: { start: Date; end: Date },
  visible: (target: AccessTarget) => boolean,
): Promise<CalendarEntry[]> {
  const k = readModels(db.em());
  let query = k
    .selectFrom('mediation_sessions')
    .selectAll()
    .where('startsAt', '>=', range.start)
    .where('startsAt', '<', range.end)
    .where('status', '!=', 'cancelled');
  query =
    'mediatorId' in where
      ? query.where('mediatorId', '=', where.mediatorId)
      : query.where('officeId', '=', where.officeId);
  const rows = (await query.orderBy('startsAt').orderBy('sessionId').execute()).filter((row) =>
    visible({ associationId: row.associationId, officeId: row.officeId }),
  );
  const partyIds = [...new Set(rows.flatMap((row) => row.convocations.map((c) => c.partyId)))];
  const roles = new Map<string, string>();
  if (partyIds.length > 0) {
    const parties = await k
      .selectFrom('mediation_parties')
      .select(['partyId', 'role'])
      .where('partyId', 'in', partyIds)
      .execute();
    for (const party of parties) roles.set(party.partyId, party.role);
  }
  return rows.map((row) => ({
    sessionId: row.sessionId,
    mandateId: row.mandateId,
    kind: row.kind,
    status: row.status,
    start: new Date(row.startsAt).toISOString(),
    end: new Date(row.endsAt).toISOString(),
    mediatorId: row.mediatorId,
    roomId: row.roomId,
    officeId: row.officeId,
    sequence: row.sequence,
    parties: row.convocations.map((c) => ({
      partyId: c.partyId,
      role: roles.get(c.partyId) ?? 'unknown',
      arriveAt: c.arriveAt,
    })),
  }));
}
