/**
 * Everything that can be wrong with a proposed slot. The calendar screen shows each one on the field
 * it names before saving; saving the same slot is refused with the same list (409 slot_conflict).
 */
export const SlotConflictCodes = [
  'mandate_not_open',
  'invalid_range',
  'in_the_past',
  'after_prosecutor_deadline',
  'first_convocation_late',
  'unknown_party',
  'duplicate_convocation',
  'party_refused',
  'individual_interview_parties',
  'joint_session_parties',
  'before_individual_interviews',
  'consent_missing',
  'arrival_outside_session',
  'arrival_gap',
  'party_busy',
  'mediator_unknown',
  'mediator_other_association',
  'mediator_not_assigned',
  'authorisation_other_court',
  'authorisation_lapsed',
  'not_authorised_for_minors',
  'mediator_age_limit',
  'mediator_unavailable',
  'mediator_busy',
  'room_unknown',
  'room_other_office',
  'room_closed',
  'room_too_small',
  'room_busy',
] as const;
export type SlotConflictCode = (typeof SlotConflictCodes)[number];

/** The input a conflict is about; none when it is about the whole request. */
export type SlotField = 'start' | 'end' | 'kind' | 'mediatorId' | 'roomId' | 'convocations';

export interface SlotConflict {
  code: SlotConflictCode;
  field?: SlotField;
  /** The party concerned, for the rules about parties. */
  partyId?: string;
  /** The other session it clashes with, for overlaps and arrival gaps. */
  sessionId?: string;
}

/** One entry per distinct conflict, in the order found. */
export function distinct(conflicts: readonly SlotConflict[]): SlotConflict[] {
  const seen = new Set<string>();
  return conflicts.filter((conflict) => {
    const key = `${conflict.code}|${conflict.field ?? ''}|${conflict.partyId ?? ''}|${conflict.sessionId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
