import type { OffenceCategories } from '@parcours/contracts';
import { ReturnReasons } from '@parcours/contracts';
import type { Event } from '@parcours/eventstore';
import type { LocalDate } from '../calendar/time.ts';
import type { LegalBasis } from '../legal.ts';
import type { Consent, Party, PartyState, Relationship } from './parties.ts';
import type { Attendance, CancellationReason, Session, Slot } from './sessions.ts';
import type { DueItem, Term } from './terms.ts';

export type OffenceCategory = (typeof OffenceCategories)[number];

/** The prosecutor's mandate as the association holds it. */
export interface Mandate {
  mandateId: string;
  origin: 'prosecutor' | 'follow-up';
  /** The case, file and request it came from, when a follow-up file asked for it. */
  caseId?: string;
  fileId?: string;
  requestId?: string;
  associationId: string;
  officeId: string;
  /** The court whose prosecutor ordered it (its id in the directory of courts). */
  court: string;
  prosecutorReference: string;
  offence: { category: OffenceCategory; qualification?: string };
  orderedOn: LocalDate;
  /** The date the prosecutor expects the report by. */
  deadline: LocalDate;
  /** The first convocation takes place by this date (policy.ts). */
  firstConvocationBy: LocalDate;
}

/** Asked for from a follow-up file; the prosecutor has not decided yet. */
export interface MandateRequest {
  mandateId: string;
  requestId: string;
  caseId: string;
  fileId: string;
  associationId: string;
  officeId: string;
  court: string;
  offenceCategory: OffenceCategory;
}

/** What names a mandate to the outside, refused or not: enough to route its integration events. */
export type MandateSummary = Pick<
  Mandate,
  'mandateId' | 'associationId' | 'officeId' | 'court' | 'caseId' | 'fileId' | 'requestId'
> & { offenceCategory: OffenceCategory };

type Named = Pick<
  Mandate,
  'mandateId' | 'associationId' | 'officeId' | 'court' | 'caseId' | 'fileId' | 'requestId'
>;

export function summaryOf(
  mandate: Named & ({ offence: Mandate['offence'] } | { offenceCategory: OffenceCategory }),
) {
  const { mandateId, associationId, officeId, court, caseId, fileId, requestId } = mandate;
  const offenceCategory = 'offence' in mandate ? mandate.offence.category : mandate.offenceCategory;
  const summary: MandateSummary = { mandateId, associationId, officeId, court, offenceCategory };
  return {
    ...summary,
    ...(caseId ? { caseId } : {}),
    ...(fileId ? { fileId } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

export type RefusalReason = 'couple-violence' | 'prosecutor-declined';
export type ReturnReason = (typeof ReturnReasons)[number];

/** The rule a return or refusal rests on, cited in the report (legal.ts). */
export const legalBasisOf: Partial<Record<ReturnReason | RefusalReason, LegalBasis>> = {
  'victim-refused': 'victimAgreement',
  'couple-violence': 'coupleViolence',
};

export interface Signature {
  partyId: string;
  signedAt: string;
}

export type ItemStatus = DueItem & { status: 'due' | 'executed' | 'not-executed'; executedOn?: LocalDate };

export interface Agreement {
  terms: Term[];
  signatures: Signature[];
  signedAt: string;
  /** Each term, or instalment of a compensation, by `itemKey`. */
  items: Record<string, ItemStatus>;
}

type Act<Type extends string, Data = object> = Event<
  Type,
  Data & { mandateId: string; by: string; at: string }
>;

export type MandateRequested = Event<'MandateRequested', MandateRequest & { by: string; at: string }>;
export type MandateOrdered = Event<'MandateOrdered', { mandate: Mandate; by: string; at: string }>;
export type MandateRefused = Act<
  'MandateRefused',
  { summary: MandateSummary; reason: RefusalReason; legalBasis?: LegalBasis }
>;
export type MediatorAssigned = Act<'MediatorAssigned', { mediatorId: string }>;
export type PartyAdded = Act<'PartyAdded', { party: Party }>;
export type RelationshipRecorded = Act<
  'RelationshipRecorded',
  { partyId: string; relationship: Relationship }
>;
export type ConsentRecorded = Act<'ConsentRecorded', { partyId: string; consent: Consent }>;
export type SessionScheduled = Act<'SessionScheduled', { session: Omit<Session, 'status' | 'attendance'> }>;
export type SessionRescheduled = Act<
  'SessionRescheduled',
  { sessionId: string; slot: Slot; sequence: number }
>;
export type SessionCancelled = Act<
  'SessionCancelled',
  { sessionId: string; reason: CancellationReason; sequence: number }
>;
export type AttendanceRecorded = Act<'AttendanceRecorded', { sessionId: string; attendance: Attendance }>;
export type AgreementSigned = Act<'AgreementSigned', { terms: Term[]; signatures: Signature[] }>;
export type MandateReturned = Act<
  'MandateReturned',
  { reason: ReturnReason; partyId?: string; legalBasis?: LegalBasis }
>;
export type ReportSent = Act<'ReportSent', { reportId: string }>;
export type TermExecuted = Act<
  'TermExecuted',
  { termId: string; instalment?: number; executedOn: LocalDate }
>;
export type TermNotExecuted = Act<
  'TermNotExecuted',
  { termId: string; instalment?: number; dueDate: LocalDate }
>;
export type AgreementSettled = Act<'AgreementSettled', { fulfilled: boolean }>;

export type MandateEvent =
  | MandateRequested
  | MandateOrdered
  | MandateRefused
  | MediatorAssigned
  | PartyAdded
  | RelationshipRecorded
  | ConsentRecorded
  | SessionScheduled
  | SessionRescheduled
  | SessionCancelled
  | AttendanceRecorded
  | AgreementSigned
  | MandateReturned
  | ReportSent
  | TermExecuted
  | TermNotExecuted
  | AgreementSettled;

/** A mandate being carried out, or carried out. */
export interface Mediation {
  mandate: Mandate;
  mediatorId?: string;
  parties: Record<string, PartyState>;
  sessions: Record<string, Session>;
  report?: { reportId: string; sentAt: string };
}

export type MandateState =
  | { status: 'none' }
  | { status: 'awaiting-prosecutor'; request: MandateRequest }
  | { status: 'refused'; summary: MandateSummary; reason: RefusalReason; legalBasis?: LegalBasis }
  | ({ status: 'open' } & Mediation)
  | ({ status: 'returned'; returned: MandateReturned['data'] } & Mediation)
  | ({ status: 'agreed'; agreement: Agreement } & Mediation)
  | ({ status: 'settled'; agreement: Agreement; fulfilled: boolean } & Mediation);

export type MediationState = Extract<MandateState, Mediation>;

export const initialMandateState = (): MandateState => ({ status: 'none' });
export const mandateStreamId = (mandateId: string) => `mediation-${mandateId}`;
export const hasMediation = (state: MandateState): state is MediationState => 'mandate' in state;

export { ReturnReasons };
