import { SessionKinds } from '@parcours/contracts';
import type { TimeRange } from '../calendar/time.ts';

/** Individual interviews come first, one side at a time; joint sessions bring the sides together. */
export type SessionKind = (typeof SessionKinds)[number];

/** When one party is expected: the sides are convened at different times (policy.ts: the arrival gap). */
export interface Convocation {
  partyId: string;
  arriveAt: string;
}

/** Where, when and with whom a session takes place. */
export interface Slot extends TimeRange {
  mediatorId: string;
  roomId: string;
  officeId: string;
  convocations: Convocation[];
}

export const CancellationReasons = [
  'party-request',
  'mediator-unavailable',
  'room-unavailable',
  'mandate-ended',
  'other',
] as const;
export type CancellationReason = (typeof CancellationReasons)[number];

export type Attendance = { present: string[]; absent: string[]; excused: string[] };

export interface Session extends Slot {
  sessionId: string;
  kind: SessionKind;
  status: 'scheduled' | 'held' | 'cancelled';
  /** iCalendar SEQUENCE: 0 when first sent, one more at each reschedule and at the cancellation. */
  sequence: number;
  attendance?: Attendance;
}

/** One thing a booking holds: the future database keeps one row per booking with an exclusion constraint. */
export type Resource = { kind: 'mediator' | 'room' | 'party'; id: string };

/** A resource held for a span by a session; two bookings of one resource never overlap. */
export interface Booking extends TimeRange {
  resource: Resource;
  sessionId: string;
  mandateId: string;
}

/**
 * The bookings a session holds: its mediator and its room for the whole session, and each convened
 * party from their arrival to the end.
 */
export function bookingsOf(mandateId: string, session: Pick<Session, 'sessionId'> & Slot): Booking[] {
  const whole = { start: session.start, end: session.end, sessionId: session.sessionId, mandateId };
  return [
    { ...whole, resource: { kind: 'mediator', id: session.mediatorId } },
    { ...whole, resource: { kind: 'room', id: session.roomId } },
    ...session.convocations.map(
      (convocation): Booking => ({
        ...whole,
        start: convocation.arriveAt,
        resource: { kind: 'party', id: convocation.partyId },
      }),
    ),
  ];
}

export const isActive = (session: Session) => session.status === 'scheduled';

export { SessionKinds };
