import type {
  AgeBands,
  AuthorLink,
  IntakeChannels,
  Needs,
  OffenceCategories,
  Urgencies,
  VulnerabilityFlags,
} from '@parcours/contracts';
import { ClosureReasons, OpenItems } from '@parcours/contracts';
import type { Event } from '@parcours/eventstore';
import { type ActionEvent, type ActionsState, evolveActions, initialActions } from '../actions/actions.ts';
import type { Day, Envelope, Place, Stamp } from '../command.ts';
import {
  type CompensationEvent,
  type CompensationState,
  evolveCompensation,
} from '../compensation/compensation.ts';
import { type ContactEvent, type ContactState, evolveContact } from '../contact/contact.ts';
import type { SafeContactRules } from '../contact/safe-contact.ts';
import { type EvviEvent, type EvviState, evolveEvvi, initialEvvi } from '../evvi/evvi.ts';
import {
  evolveProcedure,
  initialProcedure,
  type ProcedureEvent,
  type ProcedureState,
} from '../procedure/procedure.ts';
import { evolveTasks, initialTasks, type TaskEvent, type TasksState } from '../tasks/tasks.ts';

/**
 * A file: one person helped in one case, in one office of one association. Its stream holds the
 * whole follow-up (actions, contact, EVVI, procedure, compensation, tasks): the rules of closure
 * read all of them, so they are one consistency boundary.
 */

/** The facts of the case as intake's and referral's integration events gave them. */
export interface CaseFacts {
  caseId: string;
  intakeId: string;
  /** The victim: the data subject whose key encrypts `personal`. */
  subjectId: string;
  channel: (typeof IntakeChannels)[number];
  offenceCategory: (typeof OffenceCategories)[number];
  /** The victim's link with the presumed author, when intake recorded it. */
  authorLink?: AuthorLink;
  needs: (typeof Needs)[number][];
  urgency: (typeof Urgencies)[number];
  vulnerabilities: (typeof VulnerabilityFlags)[number][];
  ageBand?: (typeof AgeBands)[number];
  consent: { services: boolean; sharing: boolean; override?: { reason: string; by: string } };
  safeContact: { safeNumber: boolean; safeHours: boolean; noVoicemail: boolean; throughThirdParty: boolean };
  requisition?: { dueDate: Day; evviRequested: boolean };
  /** Identity and contact, encrypted for the victim: opaque here. */
  personal: Envelope;
}

/** How the file came to this office. Every file comes from a referral of the case (a walk-in's is to the office itself). */
export type FileOrigin =
  | { kind: 'referral'; referralId: string }
  | { kind: 'transfer'; referralId: string; fromFileId: string }
  | { kind: 'added-service'; referralId: string; holderFileId: string }
  | { kind: 'walk-in'; referralId: string };

export interface FileRecord {
  fileId: string;
  place: Place;
  origin: FileOrigin;
  facts: CaseFacts;
  /** IANA zone of the office, for safe hours and due days. */
  timeZone: string;
}

export type ClosureReason = (typeof ClosureReasons)[number];
export type OpenItem = (typeof OpenItems)[number];
export const MediationOutcomes = [
  'agreement',
  'failure',
  'declined-by-prosecutor',
  'returned-to-prosecutor',
] as const;

export type FileOpened = Event<'FileOpened', FileRecord & Stamp>;
export type FileAssigned = Event<
  'FileAssigned',
  {
    caseworkerId: string;
    previousCaseworkerId?: string;
    forced: boolean;
    openFiles: number;
    capacity: number;
  } & Stamp
>;
export type ClosureRequested = Event<
  'ClosureRequested',
  { reason: ClosureReason; details?: string; openItems: OpenItem[] } & Stamp
>;
export type ClosureRefused = Event<'ClosureRefused', { comment?: string } & Stamp>;
export type FileClosed = Event<
  'FileClosed',
  {
    reason: ClosureReason;
    details?: string;
    requestedBy: string;
    approvedBy?: string;
    openItems: OpenItem[];
  } & Stamp
>;
/** Where a transfer took the case: another office, or a victim support organisation abroad. */
export type TransferredTo = Place | { organisationId: string; countryCode: string };
export type FileTransferred = Event<'FileTransferred', { referralId: string; to: TransferredTo } & Stamp>;
export type FileReopened = Event<'FileReopened', { reason: string } & Stamp>;
export type FileFlaggedInactive = Event<'FileFlaggedInactive', { since: string; weeks: number } & Stamp>;
export type MediationRequested = Event<
  'MediationRequested',
  {
    mediationRequestId: string;
    court?: string;
    prosecutorOffice?: string;
    victimConsent: true;
    offenceCategory: CaseFacts['offenceCategory'];
  } & Stamp
>;
export type MediationOutcomeRecorded = Event<
  'MediationOutcomeRecorded',
  { mediationRequestId: string; outcome: (typeof MediationOutcomes)[number] } & Stamp
>;

export type CoreEvent =
  | FileOpened
  | FileAssigned
  | ClosureRequested
  | ClosureRefused
  | FileClosed
  | FileTransferred
  | FileReopened
  | FileFlaggedInactive
  | MediationRequested
  | MediationOutcomeRecorded;
export type FileEvent =
  | CoreEvent
  | ActionEvent
  | ContactEvent
  | EvviEvent
  | ProcedureEvent
  | CompensationEvent
  | TaskEvent;

export interface ActiveFile {
  status: 'open' | 'closure-requested' | 'closed' | 'transferred';
  file: FileRecord;
  openedAt: string;
  caseworkerId?: string;
  closureRequest?: ClosureRequested['data'];
  closed?: { reason: ClosureReason; at: string };
  transferredTo?: FileTransferred['data'];
  /** The last thing a person did on the file (reminders and flags are not activity). */
  lastActivityAt: string;
  flaggedInactiveSince?: string;
  mediation?: {
    mediationRequestId: string;
    open: boolean;
    /** Where the request was sent, when the caseworker named it. */
    court?: string;
    prosecutorOffice?: string;
    outcome?: MediationOutcomeRecorded['data']['outcome'];
  };
  actions: ActionsState;
  contact: ContactState;
  evvi: EvviState;
  procedure: ProcedureState;
  compensation: CompensationState;
  tasks: TasksState;
}
export type FileState = { status: 'none' } | ActiveFile;

export const initialState = (): FileState => ({ status: 'none' });
export const fileStreamId = (fileId: string) => `followup-file-${fileId}`;

/** The rules the intake's flags give, until the caseworker records the hours. */
export const rulesFromFacts = (facts: CaseFacts): SafeContactRules => ({ ...facts.safeContact });

/** Events that are not a person's activity on the file: they never reset the inactivity clock. */
const passive = new Set<FileEvent['type']>([
  'ReminderSent',
  'FileFlaggedInactive',
  'CompensationDeadlineTracked',
]);
export const isActivity = (event: FileEvent) => !passive.has(event.type);

export function evolve(state: FileState, event: FileEvent): FileState {
  if (event.type === 'FileOpened') return opened(event);
  if (state.status === 'none') return state;
  const next = isActivity(event)
    ? { ...state, lastActivityAt: event.data.at, flaggedInactiveSince: undefined }
    : state;
  switch (event.type) {
    case 'FileAssigned':
      return { ...next, caseworkerId: event.data.caseworkerId };
    case 'ClosureRequested':
      return { ...next, status: 'closure-requested', closureRequest: event.data };
    case 'ClosureRefused':
      return { ...next, status: 'open', closureRequest: undefined };
    case 'FileClosed':
      return {
        ...next,
        status: 'closed',
        closureRequest: undefined,
        closed: { reason: event.data.reason, at: event.data.at },
      };
    case 'FileTransferred':
      return { ...next, status: 'transferred', closureRequest: undefined, transferredTo: event.data };
    case 'FileReopened':
      return { ...next, status: 'open', closed: undefined };
    case 'FileFlaggedInactive':
      return { ...next, flaggedInactiveSince: event.data.since };
    case 'MediationRequested': {
      const { mediationRequestId, court, prosecutorOffice } = event.data;
      return {
        ...next,
        mediation: {
          mediationRequestId,
          open: true,
          ...(court ? { court } : {}),
          ...(prosecutorOffice ? { prosecutorOffice } : {}),
        },
      };
    }
    case 'MediationOutcomeRecorded':
      return next.mediation
        ? { ...next, mediation: { ...next.mediation, open: false, outcome: event.data.outcome } }
        : next;
    case 'SupportActionRecorded':
      return { ...next, actions: evolveActions(next.actions, event) };
    case 'SafeContactSet':
    case 'ContactAttemptStarted':
    case 'ContactAttemptEnded':
      return { ...next, contact: evolveContact(next.contact, event) };
    case 'EvviRequested':
    case 'EvviSubmitted':
      return { ...next, evvi: evolveEvvi(next.evvi, event) };
    case 'ComplaintRecorded':
    case 'ProsecutionDecided':
    case 'HearingScheduled':
    case 'HearingRescheduled':
    case 'HearingCancelled':
    case 'HearingHeld':
    case 'JudgmentRecorded':
    case 'JudgmentBecameFinal':
    case 'AppealLodged':
      return { ...next, procedure: evolveProcedure(next.procedure, event) };
    case 'CompensationDeadlineTracked':
    case 'CompensationClaimFiled':
    case 'CompensationWaived':
      return { ...next, compensation: evolveCompensation(next.compensation, event) };
    case 'TaskCreated':
    case 'TaskRescheduled':
    case 'TaskCompleted':
    case 'TaskCancelled':
    case 'AppointmentScheduled':
    case 'AppointmentRescheduled':
    case 'AppointmentEnded':
    case 'ReminderSent':
      return { ...next, tasks: evolveTasks(next.tasks, event) };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function opened(event: FileOpened): ActiveFile {
  const { by: _by, at, ...file } = event.data;
  return {
    status: 'open',
    file,
    openedAt: at,
    lastActivityAt: at,
    actions: initialActions(),
    contact: { rules: rulesFromFacts(file.facts), timeZone: file.timeZone, attempts: {} },
    evvi: initialEvvi(),
    procedure: initialProcedure(),
    compensation: {},
    tasks: initialTasks(),
  };
}

export { ClosureReasons, OpenItems };
