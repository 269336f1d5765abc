import type { Decider } from '@parcours/eventstore';
import { type Action, assertCan } from '../access.ts';
import { type ActionCommand, decideActions } from '../actions/actions.ts';
import { type CompensationCommand, decideCompensation } from '../compensation/compensation.ts';
import { type ContactCommand, decideContact } from '../contact/contact.ts';
import { decideEvvi, type EvviCommand } from '../evvi/evvi.ts';
import { decideProcedure, type ProcedureCommand } from '../procedure/procedure.ts';
import { decideTasks, type TaskCommand } from '../tasks/tasks.ts';
import { FileErrors } from './errors.ts';
import { evolve, type FileEvent, type FileState, initialState } from './file.ts';
import { type CoreCommand, decideCore, decideOpen, type FilePolicy, type OpenFile } from './lifecycle.ts';

export type FileCommand =
  | OpenFile
  | CoreCommand
  | ActionCommand
  | ContactCommand
  | EvviCommand
  | ProcedureCommand
  | CompensationCommand
  | TaskCommand;

/** The right each command needs (access.ts): one line per command, so a new command does not compile without one. */
export const commandAccess: Record<FileCommand['type'], Action> = {
  OpenFile: 'file:system',
  TransferFile: 'file:system',
  FlagInactivity: 'file:system',
  SendReminder: 'file:system',
  RecordMediationOutcome: 'file:system',
  AssignFile: 'file:assign',
  RequestClosure: 'file:work',
  ApproveClosure: 'file:approve-closure',
  RefuseClosure: 'file:approve-closure',
  ReopenFile: 'file:reopen',
  RequestMediation: 'file:request-mediation',
  RecordSupportAction: 'file:work',
  SetSafeContact: 'file:work',
  StartContactAttempt: 'file:work',
  EndContactAttempt: 'file:work',
  RequestEvvi: 'file:work',
  SubmitEvvi: 'file:work',
  RecordComplaint: 'file:work',
  RecordProsecutionDecision: 'file:work',
  ScheduleHearing: 'file:work',
  RescheduleHearing: 'file:work',
  CancelHearing: 'file:work',
  RecordHearingHeld: 'file:work',
  RecordJudgment: 'file:work',
  RecordJudgmentFinal: 'file:work',
  RecordAppeal: 'file:work',
  TrackCompensationDeadline: 'file:work',
  FileCompensationClaim: 'file:work',
  WaiveCompensation: 'file:work',
  CreateTask: 'file:work',
  RescheduleTask: 'file:work',
  CompleteTask: 'file:work',
  CancelTask: 'file:work',
  ScheduleAppointment: 'file:work',
  RescheduleAppointment: 'file:work',
  EndAppointment: 'file:work',
};

const isSystem = (command: FileCommand) => command.metadata.actor.roles.includes('system');

export function decide(command: FileCommand, state: FileState, policy: FilePolicy): FileEvent[] {
  if (command.type === 'OpenFile') {
    assertCan(command.metadata.actor, 'file:system', command.data.place);
    return decideOpen(command, state);
  }
  if (state.status === 'none') {
    // A transfer accepted before the sender's file ever opened leaves nothing to close.
    if (command.type === 'TransferFile') return [];
    throw FileErrors.notFound();
  }
  assertCan(command.metadata.actor, commandAccess[command.type], state.file.place);
  // The scheduler and the reactions never fail on a file that moved on: what they fire becomes a no-op.
  if (state.status === 'transferred') {
    if (isSystem(command)) return [];
    throw FileErrors.readOnly();
  }
  if (
    state.status === 'closed' &&
    command.type !== 'ReopenFile' &&
    command.type !== 'RecordMediationOutcome'
  ) {
    if (isSystem(command)) return [];
    throw FileErrors.closed();
  }
  switch (command.type) {
    case 'AssignFile':
    case 'RequestClosure':
    case 'ApproveClosure':
    case 'RefuseClosure':
    case 'ReopenFile':
    case 'TransferFile':
    case 'FlagInactivity':
    case 'RequestMediation':
    case 'RecordMediationOutcome':
      return decideCore(command, state, policy);
    case 'RecordSupportAction':
      return decideActions(command, state);
    case 'SetSafeContact':
    case 'StartContactAttempt':
    case 'EndContactAttempt':
      return decideContact(command, state);
    case 'RequestEvvi':
    case 'SubmitEvvi':
      return decideEvvi(command, state);
    case 'RecordComplaint':
    case 'RecordProsecutionDecision':
    case 'ScheduleHearing':
    case 'RescheduleHearing':
    case 'CancelHearing':
    case 'RecordHearingHeld':
    case 'RecordJudgment':
    case 'RecordJudgmentFinal':
    case 'RecordAppeal':
      return decideProcedure(command, state);
    case 'TrackCompensationDeadline':
    case 'FileCompensationClaim':
    case 'WaiveCompensation':
      return decideCompensation(command, state);
    case 'CreateTask':
    case 'RescheduleTask':
    case 'CompleteTask':
    case 'CancelTask':
    case 'ScheduleAppointment':
    case 'RescheduleAppointment':
    case 'EndAppointment':
    case 'SendReminder':
      return decideTasks(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const defaultFilePolicy: FilePolicy = {
  reach: { unansweredAttempts: 3, overDays: 14 },
  inactivityWeeks: 6,
};

/** The file's decider with the service's configured policy. */
export function fileDecider(
  policy: FilePolicy = defaultFilePolicy,
): Decider<FileCommand, FileEvent, FileState> {
  return { initialState, evolve, decide: (command, state) => decide(command, state, policy) };
}
