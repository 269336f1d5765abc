// Over 300 lines: one entity and one projection case per read model, kept together so a table and its writer read side by side.
import { defineEntity, p } from '@mikro-orm/core';
import {
  type Database,
  type Event,
  type Projection,
  readModels,
  type StoredEvent,
  type Tx,
  write,
} from '@parcours/eventstore';
import type { MandateEvent } from './mandate/mandate.ts';
import type { Convocation } from './mandate/sessions.ts';
import type { MediatorEvent } from './mediator/mediator.ts';
import type { RoomsEvent } from './rooms/rooms.ts';

/** A mandate as an office's list shows it: places, status, dates; never a party's identity. */
export const MandateSummaryRow = defineEntity({
  name: 'MandateSummaryRow',
  tableName: 'mediation_mandates',
  properties: {
    mandateId: p.text().primary(),
    associationId: p.text(),
    officeId: p.text(),
    court: p.text(),
    origin: p.text(),
    status: p.text(),
    offenceCategory: p.text(),
    caseId: p.text().nullable(),
    mediatorId: p.text().nullable(),
    deadline: p.text().nullable(),
    firstConvocationBy: p.text().nullable(),
    reason: p.text().nullable(),
    /** Set by the scheduler when nothing was planned by the first convocation date (jobs.ts). */
    firstConvocationLate: p.boolean().default(false),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** A party's role in a mandate: what the calendar shows of them. */
export const PartyRoleRow = defineEntity({
  name: 'PartyRoleRow',
  tableName: 'mediation_parties',
  properties: {
    partyId: p.text().primary(),
    mandateId: p.text(),
    role: p.text(),
    minor: p.boolean(),
  },
});

/**
 * The session's JSON as the office's month sends it (calendar/views.ts), kept in its row by a trigger
 * on every insert and update, whoever writes (the bench's seed writes rows straight).
 */
export const monthEntryBody = `NEW.month_entry := json_build_object('sessionId', NEW.session_id, 'mandateId', NEW.mandate_id, 'kind', NEW.kind, 'status', NEW.status, 'start', to_char(NEW.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'end', to_char(NEW.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'roles', jsonb_path_query_array(NEW.convocations, '$[*].role'))::text; RETURN NEW`;

/**
 * Shards of a month's version: bookings of one office, month and association, whose transactions each
 * hold their version row from the session's write to their commit, take one row in 16 (by session;
 * a power of two, taken by the hash's low bits).
 */
export const calendarShards = 16;

/** A key of `mediation_calendar_versions`: the UTC month a session starts in, its office, association and shard. */
const calendarKey = (row: 'OLD' | 'NEW') =>
  `(${row}.office_id, date_trunc('month', ${row}.starts_at AT TIME ZONE 'UTC')::date, ${row}.association_id, hashtext(${row}.session_id) & ${calendarShards - 1})`;

/**
 * A new version for each (office, UTC month, association, shard) a session row leaves or enters, from
 * a sequence (never reused, a reset of the tables included), so that the month view's cache
 * (calendar/month-cache.ts) knows in one indexed read whether a month changed, whichever instance
 * changed it. Keys taken in order: two reschedules crossing the same months lock their rows alike.
 */
export const calendarVersionBody = `INSERT INTO mediation_calendar_versions (office_id, month, association_id, shard, version) SELECT o, m, a, s, nextval('mediation_calendar_version') FROM (SELECT DISTINCT o, m, a, s FROM (VALUES ${calendarKey('OLD')}, ${calendarKey('NEW')}) AS k(o, m, a, s) WHERE o IS NOT NULL ORDER BY o, m, a, s) AS keys ON CONFLICT (office_id, month, association_id, shard) DO UPDATE SET version = EXCLUDED.version; RETURN NULL`;

/** A mediator named or renamed: a new version for every month that shows them. */
export const mediatorVersionBody = `UPDATE mediation_calendar_versions v SET version = nextval('mediation_calendar_version') FROM (SELECT DISTINCT office_id, date_trunc('month', starts_at AT TIME ZONE 'UTC')::date AS month, association_id FROM mediation_sessions WHERE mediator_id = NEW.mediator_id) s WHERE v.office_id = s.office_id AND v.month = s.month AND v.association_id = s.association_id; RETURN NULL`;

/** A session on the calendar: when, where, with which mediator, the parties' arrivals by id. */
export const SessionRow = defineEntity({
  name: 'SessionRow',
  tableName: 'mediation_sessions',
  triggers: [
    { name: 'month_entry', timing: 'before', events: ['insert', 'update'], body: monthEntryBody },
    {
      name: 'calendar_version',
      timing: 'after',
      events: ['insert', 'update', 'delete'],
      body: calendarVersionBody,
    },
  ],
  properties: {
    sessionId: p.text().primary(),
    mandateId: p.text(),
    associationId: p.text(),
    officeId: p.text(),
    mediatorId: p.text(),
    roomId: p.text(),
    kind: p.text(),
    status: p.text(),
    startsAt: p.datetime().columnType('timestamptz'),
    endsAt: p.datetime().columnType('timestamptz'),
    /** Each party's arrival with their role (copied at write time: the calendar reads one table). */
    convocations: p.json<(Convocation & { role: string })[]>(),
    sequence: p.integer(),
    /** Written by the `month_entry` trigger (monthEntryBody), never by the service. */
    monthEntry: p.text().nullable(),
  },
});

/** A mediator as lists and calendars name them: their association and name (no birth date, no contact). */
export const MediatorRow = defineEntity({
  name: 'MediatorRow',
  tableName: 'mediation_mediators',
  triggers: [
    { name: 'calendar_version', timing: 'after', events: ['insert', 'update'], body: mediatorVersionBody },
  ],
  properties: {
    mediatorId: p.text().primary(),
    associationId: p.text(),
    name: p.text().nullable(),
  },
});

export const mediationEntities = [MandateSummaryRow, PartyRoleRow, SessionRow, MediatorRow] as const;
export type MediationDatabase = Database<typeof mediationEntities>;

const types: (MandateEvent | MediatorEvent | RoomsEvent)['type'][] = [
  'MediatorRegistered',
  'MediatorNamed',
  'MandateRequested',
  'MandateOrdered',
  'MandateRefused',
  'MediatorAssigned',
  'PartyAdded',
  'SessionScheduled',
  'SessionRescheduled',
  'SessionCancelled',
  'AttendanceRecorded',
  'AgreementSigned',
  'MandateReturned',
  'AgreementSettled',
  'RoomAdded',
  'RoomClosed',
];

/** The convened parties' roles, from their rows (a party's role never changes). */
async function withRoles(tx: Tx, convocations: readonly Convocation[]) {
  const rows = await tx.query<{ party_id: string; role: string }>(
    'SELECT party_id, role FROM mediation_parties WHERE party_id = ANY($1::text[])',
    [convocations.map((c) => c.partyId)],
    'mediation_party_roles',
  );
  const roles = new Map(rows.map((row) => [row.party_id, row.role]));
  return convocations.map((c) => ({ ...c, role: roles.get(c.partyId) ?? 'unknown' }));
}

/**
 * The mediators' names, the mandates, parties' roles and sessions (and the calendar's versions), written in each command's own transaction
 * (inline: the calendar shows a booking as soon as the request that made it returns).
 */
export function mediationViews(db: MediationDatabase): Projection<Event> {
  const k = () => readModels(db.em());
  const status = (mandateId: string, value: string, at: string, extra: { reason?: string } = {}) =>
    k()
      .updateTable('mediation_mandates')
      .set({ status: value, updatedAt: new Date(at), ...extra })
      .where('mandateId', '=', mandateId);
  const session = (sessionId: string) =>
    k().updateTable('mediation_sessions').where('sessionId', '=', sessionId);
  return {
    name: 'mediation-views',
    inline: true,
    types,
    async apply(tx, stored: StoredEvent<Event>) {
      const event = { type: stored.type, data: stored.data } as MandateEvent | MediatorEvent | RoomsEvent;
      switch (event.type) {
        case 'MediatorRegistered': {
          const { mediatorId, associationId, name } = event.data;
          return write(
            tx,
            k()
              .insertInto('mediation_mediators')
              .values({ mediatorId, associationId, name: name ?? null })
              .onConflict((c) => c.column('mediatorId').doNothing()),
          );
        }
        case 'MediatorNamed':
          return write(
            tx,
            k()
              .updateTable('mediation_mediators')
              .set({ name: event.data.name })
              .where('mediatorId', '=', event.data.mediatorId),
          );
        case 'MandateRequested': {
          const d = event.data;
          return write(
            tx,
            k()
              .insertInto('mediation_mandates')
              .values({
                mandateId: d.mandateId,
                associationId: d.associationId,
                officeId: d.officeId,
                court: d.court,
                origin: 'follow-up',
                status: 'awaiting-prosecutor',
                offenceCategory: d.offenceCategory,
                caseId: d.caseId,
                updatedAt: new Date(d.at),
              })
              .onConflict((c) => c.column('mandateId').doNothing()),
          );
        }
        case 'MandateOrdered': {
          const { mandate, at } = event.data;
          const row = {
            associationId: mandate.associationId,
            officeId: mandate.officeId,
            court: mandate.court,
            origin: mandate.origin,
            status: 'open',
            offenceCategory: mandate.offence.category,
            caseId: mandate.caseId ?? null,
            deadline: mandate.deadline,
            firstConvocationBy: mandate.firstConvocationBy,
            updatedAt: new Date(at),
          };
          return write(
            tx,
            k()
              .insertInto('mediation_mandates')
              .values({ mandateId: mandate.mandateId, ...row })
              .onConflict((c) => c.column('mandateId').doUpdateSet(row)),
          );
        }
        case 'MandateRefused': {
          const { summary, reason, at } = event.data;
          const row = {
            associationId: summary.associationId,
            officeId: summary.officeId,
            court: summary.court,
            origin: summary.requestId ? 'follow-up' : 'prosecutor',
            status: 'refused',
            offenceCategory: summary.offenceCategory,
            caseId: summary.caseId ?? null,
            reason,
            updatedAt: new Date(at),
          };
          return write(
            tx,
            k()
              .insertInto('mediation_mandates')
              .values({ mandateId: summary.mandateId, ...row })
              .onConflict((c) => c.column('mandateId').doUpdateSet(row)),
          );
        }
        case 'MediatorAssigned':
          return write(
            tx,
            k()
              .updateTable('mediation_mandates')
              .set({ mediatorId: event.data.mediatorId })
              .where('mandateId', '=', event.data.mandateId),
          );
        case 'PartyAdded': {
          const { party, mandateId } = event.data;
          return write(
            tx,
            k()
              .insertInto('mediation_parties')
              .values({ partyId: party.partyId, mandateId, role: party.role, minor: party.minor })
              .onConflict((c) => c.column('partyId').doNothing()),
          );
        }
        case 'SessionScheduled': {
          const { session: s, mandateId } = event.data;
          const convocations = await withRoles(tx, s.convocations);
          const [mandate] = await tx.query<{ association_id: string }>(
            'SELECT association_id FROM mediation_mandates WHERE mandate_id = $1',
            [mandateId],
          );
          return write(
            tx,
            k()
              .insertInto('mediation_sessions')
              .values({
                sessionId: s.sessionId,
                mandateId,
                associationId: mandate?.association_id ?? '',
                officeId: s.officeId,
                mediatorId: s.mediatorId,
                roomId: s.roomId,
                kind: s.kind,
                status: 'scheduled',
                startsAt: new Date(s.start),
                endsAt: new Date(s.end),
                convocations,
                sequence: s.sequence,
              })
              .onConflict((c) => c.column('sessionId').doNothing()),
          );
        }
        case 'SessionRescheduled': {
          const { slot, sequence, sessionId } = event.data;
          const convocations = await withRoles(tx, slot.convocations);
          return write(
            tx,
            session(sessionId).set({
              officeId: slot.officeId,
              mediatorId: slot.mediatorId,
              roomId: slot.roomId,
              startsAt: new Date(slot.start),
              endsAt: new Date(slot.end),
              convocations,
              sequence,
            }),
          );
        }
        case 'SessionCancelled':
          return write(
            tx,
            session(event.data.sessionId).set({ status: 'cancelled', sequence: event.data.sequence }),
          );
        case 'AttendanceRecorded':
          return write(tx, session(event.data.sessionId).set({ status: 'held' }));
        case 'AgreementSigned':
          return write(tx, status(event.data.mandateId, 'agreed', event.data.at));
        case 'MandateReturned':
          return write(
            tx,
            status(event.data.mandateId, 'returned', event.data.at, { reason: event.data.reason }),
          );
        case 'AgreementSettled':
          return write(tx, status(event.data.mandateId, 'settled', event.data.at));
        // The month names its rooms (from the office's rooms stream): a change is a new version of its months.
        case 'RoomAdded':
        case 'RoomClosed':
          await tx.query(
            `UPDATE mediation_calendar_versions SET version = nextval('mediation_calendar_version') WHERE office_id = $1`,
            [event.data.officeId],
          );
          return;
        default:
          return;
      }
    },
    async reset(tx) {
      await tx.query(
        'TRUNCATE mediation_mandates, mediation_parties, mediation_sessions, mediation_mediators, mediation_calendar_versions',
      );
    },
  };
}
