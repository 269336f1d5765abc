import type { LocalDate } from '../calendar/time.ts';
import type { Cmd } from '../command.ts';
import type { Mediator } from '../mediator/mediator.ts';
import type { SchedulingContext, SlotProposal } from '../scheduling/check-slot.ts';
import type { Mandate, MandateRequest, ReturnReason, Signature } from './mandate.ts';
import type { ConsentChannel, Party, Relationship } from './parties.ts';
import type { Attendance, CancellationReason, Slot } from './sessions.ts';
import type { Term } from './terms.ts';

/** A follow-up file asks for a mediation (a reaction to the follow-up service's request). */
export type RequestMandate = Cmd<'RequestMandate', MandateRequest>;
/** The prosecutor's answer to a request, as the association records it. */
export type RecordProsecutorDecision = Cmd<
  'RecordProsecutorDecision',
  | {
      decision: 'ordered';
      prosecutorReference: string;
      orderedOn: LocalDate;
      deadline: LocalDate;
      qualification?: string;
    }
  | { decision: 'declined' }
>;
/** A prosecutor's mandate received directly (not requested from a file). */
export type OrderMandate = Cmd<
  'OrderMandate',
  Omit<Mandate, 'origin' | 'firstConvocationBy' | 'requestId' | 'fileId'>
>;
/** The mediator's record is looked up by the caller: the decider checks the authorisation with it. */
export type AssignMediator = Cmd<'AssignMediator', { mediatorId: string; mediator: Mediator | undefined }>;
export type AddParty = Cmd<'AddParty', Party>;
export type RecordRelationship = Cmd<'RecordRelationship', { partyId: string; relationship: Relationship }>;
export type RecordConsent = Cmd<
  'RecordConsent',
  { partyId: string; decision: 'given' | 'refused'; expressedAt: string; channel: ConsentChannel }
>;
export type ScheduleSession = Cmd<'ScheduleSession', SlotProposal & { context: SchedulingContext }>;
export type RescheduleSession = Cmd<
  'RescheduleSession',
  { sessionId: string; slot: Slot; context: SchedulingContext }
>;
export type CancelSession = Cmd<'CancelSession', { sessionId: string; reason: CancellationReason }>;
export type RecordAttendance = Cmd<'RecordAttendance', { sessionId: string; attendance: Attendance }>;
export type SignAgreement = Cmd<'SignAgreement', { terms: Term[]; signatures: Signature[] }>;
/** The file goes back to the prosecutor: a refusal, no-shows, no agreement (a reaction or the mediator). */
export type ReturnMandate = Cmd<'ReturnMandate', { reason: ReturnReason; partyId?: string }>;
/** Fired after the prosecutor's deadline: a mandate still open goes back. */
export type ExpireMandate = Cmd<'ExpireMandate', Record<string, never>>;
export type SendReport = Cmd<'SendReport', { reportId: string }>;
export type RecordTermExecution = Cmd<
  'RecordTermExecution',
  { termId: string; instalment?: number; executedOn: LocalDate }
>;
/** Fired once a term's due date is over (reactions.ts schedules it). */
export type CheckTermExecution = Cmd<'CheckTermExecution', { termId: string; instalment?: number }>;

/** The commands each part of the decider handles (decide.ts dispatches on them). */
export type OpeningCommand = RequestMandate | RecordProsecutorDecision | OrderMandate;
export type PartiesCommand = AssignMediator | AddParty | RecordRelationship | RecordConsent;
export type SessionsCommand = ScheduleSession | RescheduleSession | CancelSession | RecordAttendance;
export type OutcomeCommand =
  | SignAgreement
  | ReturnMandate
  | ExpireMandate
  | SendReport
  | RecordTermExecution
  | CheckTermExecution;

export type MandateCommand = OpeningCommand | PartiesCommand | SessionsCommand | OutcomeCommand;
