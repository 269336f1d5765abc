import { isBefore, isEmptyRange, localDateOf, overlaps } from '../calendar/time.ts';
import { datesOf } from '../calendar/weekly.ts';
import { hasMediation, type MandateState, type MediationState } from '../mandate/mandate.ts';
import { isPrincipal } from '../mandate/parties.ts';
import { type Booking, bookingsOf, isActive, type SessionKind, type Slot } from '../mandate/sessions.ts';
import { eligibilityConflicts, isAvailable } from '../mediator/eligibility.ts';
import type { Mediator } from '../mediator/mediator.ts';
import type { MediationPolicy } from '../policy.ts';
import type { Room } from '../rooms/rooms.ts';
import { distinct, type SlotConflict } from './conflicts.ts';
import { convocationConflicts } from './convocations.ts';

/** What the check looks up, passed in as values: the mediator's and the room's records, and the calendar. */
export interface SchedulingContext {
  mediator: Mediator | undefined;
  room: Room | undefined;
  /** Bookings around the slot of the mediator, the room and the parties (the calendar's read model). */
  bookings: readonly Booking[];
}

export interface SlotProposal {
  sessionId: string;
  kind: SessionKind;
  slot: Slot;
}

/** The mandate's dates: nothing in the past, nothing after the prosecutor's deadline, the first convocation in time. */
function timing(
  state: MediationState,
  proposal: SlotProposal,
  now: Date,
  policy: MediationPolicy,
): SlotConflict[] {
  const { slot } = proposal;
  if (isEmptyRange(slot)) return [{ code: 'invalid_range', field: 'end' }];
  const conflicts: SlotConflict[] = [];
  if (isBefore(slot.start, now)) conflicts.push({ code: 'in_the_past', field: 'start' });
  const local = (instant: string) => localDateOf(instant, policy.timeZone);
  if (local(slot.end) > state.mandate.deadline)
    conflicts.push({ code: 'after_prosecutor_deadline', field: 'end' });
  const sessions = Object.values(state.sessions);
  const started = sessions.some((session) => session.status === 'held');
  const anotherInTime = sessions.some(
    (session) =>
      isActive(session) &&
      session.sessionId !== proposal.sessionId &&
      local(session.start) <= state.mandate.firstConvocationBy,
  );
  if (!started && !anotherInTime && local(slot.start) > state.mandate.firstConvocationBy)
    conflicts.push({ code: 'first_convocation_late', field: 'start' });
  return conflicts;
}

const busy = (bookings: readonly Booking[], kind: 'mediator' | 'room', id: string, slot: Slot) =>
  bookings.filter((b) => b.resource.kind === kind && b.resource.id === id && overlaps(b, slot));

function mediatorConflicts(
  state: MediationState,
  slot: Slot,
  context: SchedulingContext,
  bookings: readonly Booking[],
  policy: MediationPolicy,
): SlotConflict[] {
  const field = 'mediatorId' as const;
  const mediator = context.mediator;
  if (!mediator || mediator.mediatorId !== slot.mediatorId) return [{ code: 'mediator_unknown', field }];
  const conflicts: SlotConflict[] = [];
  if (mediator.associationId !== state.mandate.associationId)
    conflicts.push({ code: 'mediator_other_association', field });
  if (state.mediatorId !== undefined && state.mediatorId !== mediator.mediatorId)
    conflicts.push({ code: 'mediator_not_assigned', field });
  const minors = Object.values(state.parties).some((party) => isPrincipal(party) && party.minor);
  const dates = datesOf(slot, policy.timeZone);
  for (const code of eligibilityConflicts(mediator, { court: state.mandate.court, dates, minors }, policy))
    conflicts.push({ code, field });
  if (!isAvailable(mediator, slot, policy.timeZone))
    conflicts.push({ code: 'mediator_unavailable', field: 'start' });
  for (const booking of busy(bookings, 'mediator', mediator.mediatorId, slot))
    conflicts.push({ code: 'mediator_busy', field: 'start', sessionId: booking.sessionId });
  return conflicts;
}

function roomConflicts(slot: Slot, room: Room | undefined, bookings: readonly Booking[]): SlotConflict[] {
  const field = 'roomId' as const;
  if (!room || room.roomId !== slot.roomId) return [{ code: 'room_unknown', field }];
  const conflicts: SlotConflict[] = [];
  if (room.officeId !== slot.officeId) conflicts.push({ code: 'room_other_office', field });
  if (!room.open) conflicts.push({ code: 'room_closed', field });
  if (room.capacity < slot.convocations.length + 1) conflicts.push({ code: 'room_too_small', field });
  for (const booking of busy(bookings, 'room', room.roomId, slot))
    conflicts.push({ code: 'room_busy', field: 'start', sessionId: booking.sessionId });
  return conflicts;
}

/**
 * Every reason the proposed slot cannot be booked, each with its code and the field it concerns;
 * empty when it can. Pure: the calendar screen runs it before saving, the decider runs it again.
 * Overlaps across mandates are also enforced by the database; this check names them first.
 */
export function checkSlot(
  state: MandateState,
  proposal: SlotProposal,
  context: SchedulingContext,
  now: Date,
  policy: MediationPolicy,
): SlotConflict[] {
  if (!hasMediation(state) || state.status !== 'open') return [{ code: 'mandate_not_open' }];
  const own = Object.values(state.sessions)
    .filter(isActive)
    .flatMap((session) => bookingsOf(state.mandate.mandateId, session));
  const bookings = [...context.bookings, ...own].filter(
    (booking) => booking.sessionId !== proposal.sessionId,
  );
  const timed = timing(state, proposal, now, policy);
  if (timed.some((conflict) => conflict.code === 'invalid_range')) return timed;
  return distinct([
    ...timed,
    ...convocationConflicts(state, proposal, bookings, policy),
    ...mediatorConflicts(state, proposal.slot, context, bookings, policy),
    ...roomConflicts(proposal.slot, context.room, bookings),
  ]);
}
