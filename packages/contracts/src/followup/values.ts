/** Values of the follow-up service on the wire (followup.events.v1), one definition for the service and its consumers. */
/** Support actions ("entretiens"): what the association did for the victim, typed for the annual statistics. */
export const ActionKinds = [
  'legal-information',
  'psychological-support',
  'social-support',
  'hearing-accompaniment',
  'civil-party-claim',
  'compensation-file',
  'orientation',
  'other',
] as const;

export const ActionChannels = ['in-person', 'phone', 'video', 'home-visit'] as const;

export const Schemes = ['civi', 'sarvi'] as const;

export const ContactChannels = ['phone', 'sms', 'video'] as const;

/** Which number was dialled: the safe one, the victim's other one, or the third party's. */
export const ContactNumbers = ['safe', 'other', 'third-party'] as const;

export const EvviRequesters = ['requisition', 'prosecutor', 'investigating-judge'] as const;

export const EvviLevels = ['low', 'moderate', 'high', 'very-high'] as const;

export const ProtectiveMeasures = [
  'serious-danger-phone',
  'anti-approach-bracelet',
  'protection-order',
  'no-contact-order',
  'eviction-of-author',
  'shelter',
  'closed-door-hearing',
  'no-confrontation',
  'recorded-hearing',
  'interpreter',
  'support-person-at-hearings',
  'psychological-care',
  'specialised-association',
] as const;

export const ClosureReasons = [
  'support-completed',
  'unreachable',
  'declined-by-victim',
  'transferred',
  'deceased',
  'other',
] as const;

export const OpenItems = ['hearing', 'compensation-deadline', 'mediation'] as const;
