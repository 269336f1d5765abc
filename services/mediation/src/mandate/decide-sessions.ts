import { isBefore } from '../calendar/time.ts';
import { MediationErrors } from '../errors.ts';
import type { MediationPolicy } from '../policy.ts';
import { checkSlot } from '../scheduling/check-slot.ts';
import type {
  CancelSession,
  RecordAttendance,
  RescheduleSession,
  ScheduleSession,
  SessionsCommand,
} from './commands.ts';
import { orderedMandate, stamp } from './guards.ts';
import type { MandateEvent, MandateState, MediationState } from './mandate.ts';
import type { Session, Slot } from './sessions.ts';

const sameSlot = (a: Slot, b: Slot) =>
  a.start === b.start &&
  a.end === b.end &&
  a.mediatorId === b.mediatorId &&
  a.roomId === b.roomId &&
  a.officeId === b.officeId &&
  JSON.stringify(a.convocations) === JSON.stringify(b.convocations);

const slotOf = ({ start, end, mediatorId, roomId, officeId, convocations }: Slot): Slot => ({
  start,
  end,
  mediatorId,
  roomId,
  officeId,
  convocations,
});

function sessionOf(state: MediationState, sessionId: string): Session {
  const session = state.sessions[sessionId];
  if (!session) throw MediationErrors.notFound('session');
  return session;
}

function schedule(command: ScheduleSession, state: MandateState, policy: MediationPolicy): MandateEvent[] {
  const { sessionId, kind, context } = command.data;
  const slot = slotOf(command.data.slot);
  const { mandate, sessions } = orderedMandate(state, 'scheduled');
  const existing = sessions[sessionId];
  if (existing) {
    if (existing.kind === kind && sameSlot(existing, slot)) return [];
    throw MediationErrors.exists('session');
  }
  const conflicts = checkSlot(state, { sessionId, kind, slot }, context, command.metadata.now, policy);
  if (conflicts.length > 0) throw MediationErrors.slotConflicts(conflicts);
  return [
    {
      type: 'SessionScheduled',
      data: {
        mandateId: mandate.mandateId,
        session: { sessionId, kind, ...slot, sequence: 0 },
        ...stamp(command.metadata),
      },
    },
  ];
}

function reschedule(
  command: RescheduleSession,
  state: MandateState,
  policy: MediationPolicy,
): MandateEvent[] {
  const mediation = orderedMandate(state, 'rescheduled');
  const session = sessionOf(mediation, command.data.sessionId);
  if (session.status !== 'scheduled') throw MediationErrors.sessionStatus(session.status, 'rescheduled');
  const slot = slotOf(command.data.slot);
  if (sameSlot(session, slot)) return [];
  const proposal = { sessionId: session.sessionId, kind: session.kind, slot };
  const conflicts = checkSlot(state, proposal, command.data.context, command.metadata.now, policy);
  if (conflicts.length > 0) throw MediationErrors.slotConflicts(conflicts);
  return [
    {
      type: 'SessionRescheduled',
      data: {
        mandateId: mediation.mandate.mandateId,
        sessionId: session.sessionId,
        slot,
        sequence: session.sequence + 1,
        ...stamp(command.metadata),
      },
    },
  ];
}

/** A session can be cancelled whatever became of the mandate: a file returned cancels what was planned. */
function cancel(command: CancelSession, state: MandateState): MandateEvent[] {
  const mediation = orderedMandate(state, 'changed');
  const session = sessionOf(mediation, command.data.sessionId);
  if (session.status === 'cancelled') return [];
  if (session.status !== 'scheduled') throw MediationErrors.sessionStatus(session.status, 'cancelled');
  return [
    {
      type: 'SessionCancelled',
      data: {
        mandateId: mediation.mandate.mandateId,
        ...command.data,
        sequence: session.sequence + 1,
        ...stamp(command.metadata),
      },
    },
  ];
}

/** Who came: every convened party exactly once, present, absent (a no-show) or excused; not before it starts. */
function attendance(command: RecordAttendance, state: MandateState): MandateEvent[] {
  const mediation = orderedMandate(state, 'changed');
  if (mediation.status !== 'open') throw MediationErrors.wrongStatus(mediation.status, 'given an attendance');
  const session = sessionOf(mediation, command.data.sessionId);
  const { present, absent, excused } = command.data.attendance;
  const listed = [...present, ...absent, ...excused];
  if (
    session.status === 'held' &&
    JSON.stringify(session.attendance) === JSON.stringify(command.data.attendance)
  )
    return [];
  if (session.status !== 'scheduled')
    throw MediationErrors.sessionStatus(session.status, 'given an attendance');
  if (isBefore(command.metadata.now, session.start))
    throw MediationErrors.invalid(
      'session_not_started',
      'Attendance is recorded once the session has started',
    );
  const convened = session.convocations.map((c) => c.partyId);
  const exact = listed.length === convened.length && convened.every((partyId) => listed.includes(partyId));
  if (!exact)
    throw MediationErrors.invalid(
      'attendance_parties',
      'Each convened party is present, absent or excused, once',
      [{ field: '/body/attendance', message: 'attendance_parties' }],
    );
  return [
    {
      type: 'AttendanceRecorded',
      data: { mandateId: mediation.mandate.mandateId, ...command.data, ...stamp(command.metadata) },
    },
  ];
}

export function decideSessions(
  command: SessionsCommand,
  state: MandateState,
  policy: MediationPolicy,
): MandateEvent[] {
  switch (command.type) {
    case 'ScheduleSession':
      return schedule(command, state, policy);
    case 'RescheduleSession':
      return reschedule(command, state, policy);
    case 'CancelSession':
      return cancel(command, state);
    case 'RecordAttendance':
      return attendance(command, state);
  }
}
