import type { IntegrationEventContract } from '@parcours/contracts';
import {
  CompensationClaimFiledV1,
  ContactAttemptedV1,
  EvviRequestedV1,
  EvviSubmittedV1,
  FileAssignedV1,
  FileClosedV1,
  FileClosureRefusedV1,
  FileClosureRequestedV1,
  FileFlaggedInactiveV1,
  FileMediationRequestedV1,
  FileOpenedV1,
  FileReopenedV1,
  HearingScheduledV1,
  SupportActionRecordedV1,
} from '@parcours/contracts';
import { localTime } from '../time.ts';
import type { ActiveFile, FileEvent, FileState } from './file.ts';

export interface Mapped {
  contract: IntegrationEventContract;
  data: { caseId: string } & Record<string, unknown>;
}

/**
 * Domain event → integration event (the state is the file after the event). What other services
 * need and nothing more: free text (details, comments, notes) and the safe-contact rules stay here.
 */
export function integrationEventFor(event: FileEvent, state: FileState): Mapped | undefined {
  if (state.status === 'none') return undefined;
  const { file } = state;
  const base = { fileId: file.fileId, caseId: file.facts.caseId, ...file.place, at: event.data.at };
  const map = (contract: IntegrationEventContract, data: Record<string, unknown> = {}): Mapped => ({
    contract,
    data: { ...base, ...data },
  });
  switch (event.type) {
    case 'FileOpened': {
      const { origin, facts } = file;
      const linkedFileId =
        origin.kind === 'transfer'
          ? origin.fromFileId
          : origin.kind === 'added-service'
            ? origin.holderFileId
            : undefined;
      return map(FileOpenedV1, {
        origin: origin.kind,
        referralId: origin.referralId,
        ...(linkedFileId ? { linkedFileId } : {}),
        channel: facts.channel,
        offenceCategory: facts.offenceCategory,
        needs: facts.needs,
        urgency: facts.urgency,
      });
    }
    case 'FileAssigned': {
      const { caseworkerId, previousCaseworkerId, forced } = event.data;
      return map(FileAssignedV1, {
        caseworkerId,
        ...(previousCaseworkerId ? { previousCaseworkerId } : {}),
        forced,
      });
    }
    case 'ClosureRequested':
      return map(FileClosureRequestedV1, { reason: event.data.reason, openItems: event.data.openItems });
    case 'ClosureRefused':
      return map(FileClosureRefusedV1);
    case 'FileClosed':
      return map(FileClosedV1, {
        reason: event.data.reason,
        approved: !!event.data.approvedBy,
        openItems: event.data.openItems,
      });
    case 'FileTransferred':
      return map(FileClosedV1, {
        reason: 'transferred',
        approved: false,
        openItems: [],
        transferredTo: event.data.to,
      });
    case 'FileReopened':
      return map(FileReopenedV1);
    case 'FileFlaggedInactive':
      return map(FileFlaggedInactiveV1, { since: event.data.since });
    case 'SupportActionRecorded': {
      const { actionId, kind, channel, durationMinutes, on, staffIds } = event.data;
      return map(SupportActionRecordedV1, {
        actionId,
        kind,
        channel,
        durationMinutes,
        on,
        staffCount: staffIds.length,
      });
    }
    case 'ContactAttemptEnded': {
      const attempt = state.contact.attempts[event.data.attemptId];
      if (!attempt) return undefined;
      const { attemptId, answered, voicemailLeft } = event.data;
      return map(ContactAttemptedV1, {
        attemptId,
        channel: attempt.channel,
        number: attempt.number,
        answered,
        voicemailLeft,
        startedAt: attempt.at,
      });
    }
    case 'EvviRequested': {
      const { requestId, requestedBy, dueOn } = event.data;
      return map(EvviRequestedV1, { requestId, requestedBy, dueOn });
    }
    case 'EvviSubmitted':
      return map(EvviSubmittedV1, evviSubmitted(event.data, state));
    case 'HearingScheduled': {
      const { hearingId, court, startsAt, accompanimentPlanned } = event.data;
      return map(HearingScheduledV1, { hearingId, court, startsAt, accompanimentPlanned });
    }
    case 'CompensationClaimFiled': {
      const { scheme, filedOn, late } = event.data;
      return map(CompensationClaimFiledV1, { scheme, filedOn, late });
    }
    case 'MediationRequested': {
      const { mediationRequestId, court, prosecutorOffice, offenceCategory } = event.data;
      return map(FileMediationRequestedV1, {
        mediationRequestId,
        ...(court ? { court } : {}),
        ...(prosecutorOffice ? { prosecutorOffice } : {}),
        victimConsent: true,
        offenceCategory,
        subjectId: file.facts.subjectId,
        personal: file.facts.personal,
      });
    }
    default:
      return undefined;
  }
}

function evviSubmitted(data: Extract<FileEvent, { type: 'EvviSubmitted' }>['data'], file: ActiveFile) {
  const request = file.evvi.requests.find((r) => r.requestId === data.requestId);
  return {
    requestId: data.requestId,
    version: data.version,
    level: data.level,
    measures: data.measures,
    late: request ? localTime(new Date(data.at), file.file.timeZone).day > request.dueOn : false,
  };
}
