/** Values of the mediation service on the wire (mediation.events.v1). */
export const ReturnReasons = [
  'victim-refused',
  'respondent-refused',
  'no-shows',
  'couple-violence',
  'no-agreement',
  'deadline-passed',
  'withdrawn-by-prosecutor',
] as const;

export const SessionKinds = ['individual', 'joint'] as const;

/** The rules a mediation decision rests on (their texts are the mediation service's legal table). */
export const MediationRules = [
  'victimAgreement',
  'coupleViolence',
  'agreementRecord',
  'mediatorAuthorisation',
  'mediatorAgeLimit',
] as const;
export type MediationRule = (typeof MediationRules)[number];
