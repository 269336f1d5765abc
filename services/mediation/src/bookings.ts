import type { Sql } from '@parcours/eventstore';
import type { TimeRange } from './calendar/time.ts';
import { MediationErrors } from './errors.ts';
import { type Booking, bookingsOf, type Resource, type Slot } from './mandate/sessions.ts';

const busyCode = { mediator: 'mediator_busy', room: 'room_busy', party: 'party_busy' } as const;
const busyField = { mediator: 'mediatorId', room: 'roomId', party: 'convocations' } as const;

/** PostgreSQL's exclusion violation: two bookings of one resource overlap. */
const EXCLUSION_VIOLATION = '23P01';

/**
 * The resource an exclusion violation names, from its detail: "Key (resource_kind, resource_id,
 * during)=(mediator, med-1, [...)) conflicts with existing key ...".
 */
function resourceOf(detail: string | undefined): Resource | undefined {
  const match = /\)=\((mediator|room|party), ([^,]+),/.exec(detail ?? '');
  return match ? { kind: match[1] as Resource['kind'], id: match[2]! } : undefined;
}

/** 409 slot_conflict naming the resource taken meanwhile (a party by role only, never by id). */
export function bookingConflict(resource: Resource | undefined) {
  const kind = resource?.kind ?? 'mediator';
  const named = resource && kind !== 'party' ? `${kind} ${resource.id}` : 'a party';
  return MediationErrors.slotConflicts([{ code: busyCode[kind], field: busyField[kind] }], named);
}

/**
 * Writes a session's bookings in the command's transaction, replacing its previous ones (a
 * reschedule). A booking that overlaps another one of the same resource fails on the exclusion
 * constraint: the whole command rolls back with a 409 naming the resource.
 */
export async function book(tx: Sql, mandateId: string, session: Slot & { sessionId: string }) {
  await release(tx, session.sessionId);
  const rows = bookingsOf(mandateId, session);
  try {
    await tx.query(
      `INSERT INTO mediation_bookings (session_id, mandate_id, resource_kind, resource_id, during)
       SELECT $1, $2, kind, id, tstzrange(start_at, end_at, '[)')
       FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[]) AS b(kind, id, start_at, end_at)`,
      [
        session.sessionId,
        mandateId,
        rows.map((b) => b.resource.kind),
        rows.map((b) => b.resource.id),
        rows.map((b) => b.start),
        rows.map((b) => b.end),
      ],
      'mediation_bookings_insert',
    );
  } catch (error) {
    const pg = error as { code?: string; detail?: string };
    if (pg.code === EXCLUSION_VIOLATION) throw bookingConflict(resourceOf(pg.detail));
    throw error;
  }
}

/** A cancelled session frees its mediator, room and parties. */
export async function release(tx: Sql, sessionId: string) {
  await tx.query(
    'DELETE FROM mediation_bookings WHERE session_id = $1',
    [sessionId],
    'mediation_bookings_delete',
  );
}

/** The bookings of these resources that overlap the range: what the slot check compares against. */
export async function bookingsAround(
  sql: Sql,
  resources: readonly Resource[],
  range: TimeRange,
): Promise<Booking[]> {
  const rows = await sql.query<{
    session_id: string;
    mandate_id: string;
    resource_kind: Resource['kind'];
    resource_id: string;
    start_at: Date;
    end_at: Date;
  }>(
    `SELECT session_id, mandate_id, resource_kind, resource_id, lower(during) AS start_at, upper(during) AS end_at
     FROM mediation_bookings
     WHERE (resource_kind, resource_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
       AND during && tstzrange($3, $4, '[)')`,
    [resources.map((r) => r.kind), resources.map((r) => r.id), range.start, range.end],
    'mediation_bookings_around',
  );
  return rows.map((row) => ({
    sessionId: row.session_id,
    mandateId: row.mandate_id,
    resource: { kind: row.resource_kind, id: row.resource_id },
    start: new Date(row.start_at).toISOString(),
    end: new Date(row.end_at).toISOString(),
  }));
}
