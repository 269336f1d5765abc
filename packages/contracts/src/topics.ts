/**
 * One topic per bounded context and major version; the event types on a topic carry their own
 * schema version (packages/contracts/README.md).
 */
export const Topics = {
  intake: 'intake.events.v1',
  referral: 'referral.events.v1',
  /** The network directory (kept by the referral service): compacted, keyed by entity. */
  directory: 'directory.events.v1',
  followUp: 'followup.events.v1',
  mediation: 'mediation.events.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];
