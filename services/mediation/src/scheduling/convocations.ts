import { minutesBetween, overlaps } from '../calendar/time.ts';
import type { MediationState } from '../mandate/mandate.ts';
import { consentsNeeded, isPrincipal, sideOf } from '../mandate/parties.ts';
import { type Booking, isActive, type SessionKind, type Slot } from '../mandate/sessions.ts';
import type { MediationPolicy } from '../policy.ts';
import type { SlotConflict } from './conflicts.ts';

const field = 'convocations' as const;

/** Who is convened: known parties, once each, none who refused, the right ones for the kind of session. */
function composition(state: MediationState, kind: SessionKind, slot: Slot): SlotConflict[] {
  const conflicts: SlotConflict[] = [];
  const convened = slot.convocations.map((c) => c.partyId);
  convened.forEach((partyId, index) => {
    const party = state.parties[partyId];
    if (!party) conflicts.push({ code: 'unknown_party', field, partyId });
    else if (party.consent?.decision === 'refused') conflicts.push({ code: 'party_refused', field, partyId });
    if (convened.indexOf(partyId) !== index)
      conflicts.push({ code: 'duplicate_convocation', field, partyId });
  });
  const principals = Object.values(state.parties).filter(isPrincipal);
  if (kind === 'individual') {
    const convenedPrincipals = principals.filter((p) => convened.includes(p.partyId));
    const side = convenedPrincipals[0]?.role;
    const otherSide = convened.some(
      (partyId) => state.parties[partyId] && sideOf(state.parties, partyId) !== side,
    );
    if (convenedPrincipals.length !== 1 || otherSide)
      conflicts.push({ code: 'individual_interview_parties', field });
    return conflicts;
  }
  for (const principal of principals) {
    if (!convened.includes(principal.partyId))
      conflicts.push({ code: 'joint_session_parties', field, partyId: principal.partyId });
    if (!principal.interviewed)
      conflicts.push({ code: 'before_individual_interviews', field: 'kind', partyId: principal.partyId });
  }
  for (const party of consentsNeeded(state.parties))
    if (!party.consent) conflicts.push({ code: 'consent_missing', field: 'kind', partyId: party.partyId });
  return conflicts;
}

/** The victim's side and the respondent's side never arrive within the gap of each other, in any session. */
function arrivals(
  state: MediationState,
  sessionId: string,
  slot: Slot,
  policy: MediationPolicy,
): SlotConflict[] {
  const conflicts: SlotConflict[] = [];
  for (const convocation of slot.convocations) {
    if (
      minutesBetween(slot.start, convocation.arriveAt) < 0 ||
      minutesBetween(convocation.arriveAt, slot.end) <= 0
    )
      conflicts.push({ code: 'arrival_outside_session', field, partyId: convocation.partyId });
  }
  const others = Object.values(state.sessions)
    .filter((session) => isActive(session) && session.sessionId !== sessionId)
    .flatMap((session) =>
      session.convocations.map((c) => ({ ...c, sessionId: session.sessionId as string | undefined })),
    );
  for (const convocation of slot.convocations) {
    const side = sideOf(state.parties, convocation.partyId);
    for (const other of [...slot.convocations.map((c) => ({ ...c, sessionId: undefined })), ...others]) {
      const otherSide = sideOf(state.parties, other.partyId);
      if (!side || !otherSide || side === otherSide) continue;
      if (Math.abs(minutesBetween(convocation.arriveAt, other.arriveAt)) < policy.arrivalGapMinutes)
        conflicts.push({
          code: 'arrival_gap',
          field,
          partyId: convocation.partyId,
          ...(other.sessionId ? { sessionId: other.sessionId } : {}),
        });
    }
  }
  return conflicts;
}

/** A convened party already expected elsewhere at that time. */
function partiesBusy(slot: Slot, bookings: readonly Booking[]): SlotConflict[] {
  return slot.convocations.flatMap((convocation) =>
    bookings
      .filter(
        (booking) =>
          booking.resource.kind === 'party' &&
          booking.resource.id === convocation.partyId &&
          overlaps(booking, { start: convocation.arriveAt, end: slot.end }),
      )
      .map(
        (booking): SlotConflict => ({
          code: 'party_busy',
          field,
          partyId: convocation.partyId,
          sessionId: booking.sessionId,
        }),
      ),
  );
}

export function convocationConflicts(
  state: MediationState,
  proposal: { sessionId: string; kind: SessionKind; slot: Slot },
  bookings: readonly Booking[],
  policy: MediationPolicy,
): SlotConflict[] {
  return [
    ...composition(state, proposal.kind, proposal.slot),
    ...arrivals(state, proposal.sessionId, proposal.slot, policy),
    ...partiesBusy(proposal.slot, bookings),
  ];
}
