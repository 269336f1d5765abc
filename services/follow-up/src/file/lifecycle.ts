import { can } from '../access.ts';
import type { Cmd, Place } from '../command.ts';
import { stampOf } from '../command.ts';
import { openDeadlines } from '../compensation/compensation.ts';
import { endedAttempts } from '../contact/contact.ts';
import { type ReachPolicy, reachability } from '../contact/safe-contact.ts';
import { withinCouple } from '../evvi/evvi.ts';
import { openHearings } from '../procedure/procedure.ts';
import type { StaffRole } from '../roster/roster.ts';
import { isTimeZone, localTime } from '../time.ts';
import { FileErrors } from './errors.ts';
import type {
  ActiveFile,
  CaseFacts,
  ClosureReason,
  CoreEvent,
  FileOrigin,
  FileState,
  MediationOutcomes,
  OpenItem,
  TransferredTo,
} from './file.ts';

/** The configurable values the file's rules need, read from the service's configuration and passed in. */
export interface FilePolicy {
  reach: ReachPolicy;
  /** A file with no activity for this many weeks is flagged. */
  inactivityWeeks: number;
}

export type OpenFile = Cmd<
  'OpenFile',
  { fileId: string; place: Place; origin: FileOrigin; facts: CaseFacts; timeZone: string }
>;
/**
 * Assign or reassign. The roster entry and the caseworker's caseload come from the roster and the
 * caseload read model (null: not on the office's roster).
 */
export type AssignFile = Cmd<
  'AssignFile',
  {
    caseworkerId: string;
    staff: { role: StaffRole; capacity: number } | null;
    openFiles: number;
    force?: boolean;
  }
>;
export type RequestClosure = Cmd<'RequestClosure', { reason: ClosureReason; details?: string }>;
export type ApproveClosure = Cmd<'ApproveClosure', Record<string, never>>;
export type RefuseClosure = Cmd<'RefuseClosure', { comment?: string }>;
export type ReopenFile = Cmd<'ReopenFile', { reason: string }>;
export type TransferFile = Cmd<'TransferFile', { referralId: string; to: TransferredTo }>;
export type FlagInactivity = Cmd<'FlagInactivity', Record<string, never>>;
export type RequestMediation = Cmd<
  'RequestMediation',
  { mediationRequestId: string; court?: string; prosecutorOffice?: string; victimConsents: boolean }
>;
export type RecordMediationOutcome = Cmd<
  'RecordMediationOutcome',
  { mediationRequestId: string; outcome: (typeof MediationOutcomes)[number] }
>;
export type CoreCommand =
  | AssignFile
  | RequestClosure
  | ApproveClosure
  | RefuseClosure
  | ReopenFile
  | TransferFile
  | FlagInactivity
  | RequestMediation
  | RecordMediationOutcome;

export function decideOpen(command: OpenFile, state: FileState): CoreEvent[] {
  if (state.status !== 'none') {
    if (state.file.origin.referralId === command.data.origin.referralId) return [];
    throw FileErrors.exists();
  }
  if (!isTimeZone(command.data.timeZone)) throw FileErrors.invalid('time_zone', 'Unknown time zone');
  return [{ type: 'FileOpened', data: { ...command.data, ...stampOf(command.metadata) } }];
}

/** What still needs the office manager's approval to close: hearings to come, running deadlines, an open mediation. */
export function openItems(file: ActiveFile, now: Date): OpenItem[] {
  const today = localTime(now, file.file.timeZone).day;
  const items: OpenItem[] = [];
  if (openHearings(file.procedure).length > 0) items.push('hearing');
  if (openDeadlines(file.compensation, today).length > 0) items.push('compensation-deadline');
  if (file.mediation?.open) items.push('mediation');
  return items;
}

/** No activity for `weeks` weeks: flagged from `flagAt` on. */
export function inactivity(lastActivityAt: string, now: Date, weeks: number) {
  const flagAt = new Date(Date.parse(lastActivityAt) + weeks * 7 * 86_400_000);
  return { inactive: now.getTime() >= flagAt.getTime(), flagAt: flagAt.toISOString() };
}

export function decideCore(command: CoreCommand, file: ActiveFile, policy: FilePolicy): CoreEvent[] {
  const { metadata } = command;
  const stamp = stampOf(metadata);
  const place = file.file.place;
  switch (command.type) {
    case 'AssignFile': {
      const { caseworkerId, staff, openFiles, force } = command.data;
      if (file.caseworkerId === caseworkerId) return [];
      if (!staff) throw FileErrors.notOnRoster();
      const over = openFiles >= staff.capacity;
      if (over && !force) throw FileErrors.overCapacity(openFiles, staff.capacity);
      if (over && !can(metadata.actor, 'file:force-assignment', place)) throw FileErrors.forceNeedsManager();
      return [
        {
          type: 'FileAssigned',
          data: {
            caseworkerId,
            ...(file.caseworkerId ? { previousCaseworkerId: file.caseworkerId } : {}),
            forced: over,
            openFiles,
            capacity: staff.capacity,
            ...stamp,
          },
        },
      ];
    }
    case 'RequestClosure': {
      const { reason, details } = command.data;
      if (file.status === 'closure-requested') throw FileErrors.approvalPending();
      if (reason === 'transferred') throw FileErrors.reasonReserved();
      if (reason === 'other' && !details?.trim())
        throw FileErrors.invalid('closure_details_required', 'Closing for another reason says which');
      if (reason === 'unreachable') {
        const reach = reachability(endedAttempts(file.contact), policy.reach);
        if (!reach.mayCloseAsUnreachable)
          throw FileErrors.unreachableTooEarly(reach.unanswered, reach.spanDays, policy.reach);
      }
      const items = openItems(file, metadata.now);
      const detail = details ? { details } : {};
      // The office manager's own request is approved by its author.
      if (items.length === 0 || can(metadata.actor, 'file:approve-closure', place))
        return [
          {
            type: 'FileClosed',
            data: {
              reason,
              ...detail,
              requestedBy: stamp.by,
              ...(items.length ? { approvedBy: stamp.by } : {}),
              openItems: items,
              ...stamp,
            },
          },
        ];
      return [{ type: 'ClosureRequested', data: { reason, ...detail, openItems: items, ...stamp } }];
    }
    case 'ApproveClosure':
    case 'RefuseClosure': {
      const request = file.closureRequest;
      if (file.status !== 'closure-requested' || !request) throw FileErrors.noClosurePending();
      if (command.type === 'RefuseClosure')
        return [
          {
            type: 'ClosureRefused',
            data: { ...(command.data.comment ? { comment: command.data.comment } : {}), ...stamp },
          },
        ];
      const { reason, details, openItems: items, by } = request;
      return [
        {
          type: 'FileClosed',
          data: {
            reason,
            ...(details ? { details } : {}),
            requestedBy: by,
            approvedBy: stamp.by,
            openItems: items,
            ...stamp,
          },
        },
      ];
    }
    case 'ReopenFile':
      if (file.status !== 'closed') throw FileErrors.notClosed();
      if (!command.data.reason.trim())
        throw FileErrors.invalid('reopen_reason_required', 'Reopening says why');
      return [{ type: 'FileReopened', data: { reason: command.data.reason, ...stamp } }];
    case 'TransferFile':
      return [{ type: 'FileTransferred', data: { ...command.data, ...stamp } }];
    case 'FlagInactivity': {
      const { inactive } = inactivity(file.lastActivityAt, metadata.now, policy.inactivityWeeks);
      if (!inactive || file.status !== 'open' || file.flaggedInactiveSince === file.lastActivityAt) return [];
      return [
        {
          type: 'FileFlaggedInactive',
          data: { since: file.lastActivityAt, weeks: policy.inactivityWeeks, ...stamp },
        },
      ];
    }
    case 'RequestMediation': {
      const { mediationRequestId, court, prosecutorOffice, victimConsents } = command.data;
      if (file.mediation?.mediationRequestId === mediationRequestId) return [];
      if (file.mediation?.open) throw FileErrors.mediationOpen();
      if (!victimConsents) throw FileErrors.mediationConsent();
      if (withinCouple(file)) throw FileErrors.coupleViolence();
      return [
        {
          type: 'MediationRequested',
          data: {
            mediationRequestId,
            ...(court ? { court } : {}),
            ...(prosecutorOffice ? { prosecutorOffice } : {}),
            victimConsent: true,
            offenceCategory: file.file.facts.offenceCategory,
            ...stamp,
          },
        },
      ];
    }
    case 'RecordMediationOutcome': {
      const mediation = file.mediation;
      if (mediation?.mediationRequestId !== command.data.mediationRequestId) throw FileErrors.noMediation();
      if (!mediation.open) return [];
      return [{ type: 'MediationOutcomeRecorded', data: { ...command.data, ...stamp } }];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
