import type { Urgency } from '@parcours/contracts';
import type { Event, EventSchemas } from '@parcours/eventstore';
import { fromText, type Reason } from '../routing/reasons.ts';

export type { Urgency };

/**
 * How long an office has to answer a proposal, from the urgency assessed at intake:
 * immediate 4 h, high 24 h, normal 72 h, low 7 days. Reminders go to the office at 50 % and 90 %
 * of that time; at 100 % the proposal expires and is escalated to the office manager.
 */
export const answerWithinHours: Record<Urgency, number> = { immediate: 4, high: 24, normal: 72, low: 168 };
export const reminderFractions = [0.5, 0.9] as const;
export const DeadlineKinds = ['reminder-50', 'reminder-90', 'expiry'] as const;
export type DeadlineKind = (typeof DeadlineKinds)[number];

export interface Deadlines {
  dueAt: string;
  reminders: { kind: Exclude<DeadlineKind, 'expiry'>; at: string }[];
}

export function deadlinesFor(urgency: Urgency, now: Date): Deadlines {
  const span = answerWithinHours[urgency] * 3_600_000;
  const at = (fraction: number) => new Date(now.getTime() + Math.round(span * fraction)).toISOString();
  return {
    dueAt: at(1),
    reminders: [
      { kind: 'reminder-50', at: at(reminderFractions[0]) },
      { kind: 'reminder-90', at: at(reminderFractions[1]) },
    ],
  };
}

/** Who receives the case. An association's office, possibly under a partner agreement, or a foreign organisation. */
export type Target =
  | { kind: 'office'; associationId: string; officeId: string }
  | { kind: 'partner-association'; associationId: string; officeId: string; agreementId: string }
  | { kind: 'foreign-organisation'; organisationId: string; countryCode: string };

/** Who hands the case over: the national platform (helpline) or an office. */
export type Sender =
  | { kind: 'national-platform' }
  | { kind: 'office'; associationId: string; officeId: string };

/**
 * A transfer moves ownership of the file (the sender keeps a read-only trace); a referral adds a
 * service from another organisation while the sender keeps the file.
 */
export type Mode = 'transfer' | 'referral';

export interface Consent {
  sharing: boolean;
  override?: { reason: string; by: string };
}

export interface CaseFacts {
  caseId: string;
  intakeId: string;
  urgency: Urgency;
  offenceCategory: string;
  needs: string[];
  consent: Consent;
  /** The association the case came from (a walk-in), for the consent rule. */
  originAssociationId?: string;
}

export type Outcome = { successful: true } | { successful: false; reason: string };
export type QueueReason = 'ask-commune' | 'no-coverage' | 'consent-missing' | 'declined' | 'expired';

export type ReferralProposed = Event<
  'ReferralProposed',
  CaseFacts & {
    referralId: string;
    mode: Mode;
    from: Sender;
    target: Target;
    reasons: Reason[];
    redirectedFrom?: string;
    deadlines: Deadlines;
    by: string;
    at: string;
  }
>;
export type ReferralQueued = Event<
  'ReferralQueued',
  CaseFacts & { referralId: string; why: QueueReason; candidates?: string[]; reasons: Reason[]; at: string }
>;
type Act<Type extends string, Data = object> = Event<
  Type,
  Data & { referralId: string; by: string; at: string }
>;
export type ReferralAccepted = Act<'ReferralAccepted'>;
export type ReferralDeclined = Act<'ReferralDeclined', { reason: string }>;
export type ReferralRedirected = Act<
  'ReferralRedirected',
  { to: Target; newReferralId: string; reason: string }
>;
/** The office holding an accepted referral adds a service elsewhere; it keeps the case. */
export type ReferralServiceAdded = Act<
  'ReferralServiceAdded',
  { to: Target; newReferralId: string; reason: string }
>;
export type ReferralRevoked = Act<'ReferralRevoked', { reason: string }>;
export type ReferralReminderSent = Act<'ReferralReminderSent', { reminder: Exclude<DeadlineKind, 'expiry'> }>;
export type ReferralExpired = Act<
  'ReferralExpired',
  { escalatedTo: { role: 'office-manager'; associationId?: string; officeId?: string } }
>;
export type ReferralDone = Act<'ReferralDone', { outcome: Outcome }>;

export type ReferralEvent =
  | ReferralProposed
  | ReferralQueued
  | ReferralAccepted
  | ReferralDeclined
  | ReferralRedirected
  | ReferralServiceAdded
  | ReferralRevoked
  | ReferralReminderSent
  | ReferralExpired
  | ReferralDone;

export const referralEventTypes: ReferralEvent['type'][] = [
  'ReferralProposed',
  'ReferralQueued',
  'ReferralAccepted',
  'ReferralDeclined',
  'ReferralRedirected',
  'ReferralServiceAdded',
  'ReferralRevoked',
  'ReferralReminderSent',
  'ReferralExpired',
  'ReferralDone',
];

export type Proposal = ReferralProposed['data'];
type Proposed = { proposal: Proposal; remindersSent: Exclude<DeadlineKind, 'expiry'>[] };

export type ReferralState =
  | { status: 'none' }
  | { status: 'queued'; queued: ReferralQueued['data'] }
  | ({ status: 'proposed' } & Proposed)
  | ({ status: 'accepted'; acceptedAt: string } & Proposed)
  | ({ status: 'declined'; reason: string } & Proposed)
  | ({ status: 'redirected'; newReferralId: string } & Proposed)
  | ({ status: 'revoked'; reason: string } & Proposed)
  | ({ status: 'expired'; expiredAt: string } & Proposed)
  | ({ status: 'done'; outcome: Outcome } & Proposed);

export const initialState = (): ReferralState => ({ status: 'none' });
export const referralStreamId = (referralId: string) => `referral-${referralId}`;

export function evolve(state: ReferralState, event: ReferralEvent): ReferralState {
  switch (event.type) {
    case 'ReferralQueued':
      return { status: 'queued', queued: event.data };
    case 'ReferralProposed':
      return { status: 'proposed', proposal: event.data, remindersSent: [] };
  }
  if (state.status === 'none' || state.status === 'queued') return state;
  const { proposal, remindersSent } = state;
  switch (event.type) {
    case 'ReferralAccepted':
      return { status: 'accepted', proposal, remindersSent, acceptedAt: event.data.at };
    case 'ReferralDeclined':
      return { status: 'declined', proposal, remindersSent, reason: event.data.reason };
    case 'ReferralRedirected':
      return { status: 'redirected', proposal, remindersSent, newReferralId: event.data.newReferralId };
    case 'ReferralServiceAdded':
      return state;
    case 'ReferralRevoked':
      return { status: 'revoked', proposal, remindersSent, reason: event.data.reason };
    case 'ReferralReminderSent':
      return { ...state, remindersSent: [...remindersSent, event.data.reminder] };
    case 'ReferralExpired':
      return { status: 'expired', proposal, remindersSent, expiredAt: event.data.at };
    case 'ReferralDone':
      return { status: 'done', proposal, remindersSent, outcome: event.data.outcome };
  }
}

/**
 * The events' schema versions: version 2 of a proposal and of a queued referral carries reasons as
 * codes (routing/reasons.ts); the reasons of version 1 were English text and are read as `note`s.
 */
export const referralEventSchemas: EventSchemas = {
  current: { ReferralProposed: 2, ReferralQueued: 2 },
  upcasters: {
    ReferralProposed: { 1: (data) => ({ ...data, reasons: fromText(data.reasons) }) },
    ReferralQueued: { 1: (data) => ({ ...data, reasons: fromText(data.reasons) }) },
  },
};

export const associationOf = (target: Target): string | undefined =>
  target.kind === 'foreign-organisation' ? undefined : target.associationId;
export const officeOf = (target: Target): string | undefined =>
  target.kind === 'foreign-organisation' ? undefined : target.officeId;
