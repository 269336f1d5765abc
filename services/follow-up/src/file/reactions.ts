import type { FileReaction, ReactionContext } from '../case/reactions.ts';
import { minorVictim } from '../compensation/compensation.ts';
import type { Task } from '../tasks/tasks.ts';
import { endOfDay } from '../time.ts';
import type { FileCommand } from './decide.ts';
import type { ActiveFile, FileEvent, FileState } from './file.ts';

/** How long before a hearing the victim is prepared for it, when no accompaniment is planned. */
export const prepareHearingHours = 7 * 24;
export const reviewCompensationHours = 7 * 24;

/**
 * What a file event implies for the same file (pure; the state is the file after the event):
 * - a requisition's EVVI flag requests the EVVI, and an EVVI request makes its task, due on its date;
 * - a hearing makes its task (accompaniment when planned, preparation otherwise), which follows
 *   the hearing when it moves and is cancelled with it;
 * - a final judgment tracks the compensation deadlines (CIVI, and SARVI when damages were awarded
 *   to the civil party), or asks the caseworker to review them when a date is missing;
 * - a deadline tracked again moves its claim task.
 */
export function reactToFile(event: FileEvent, state: FileState, context: ReactionContext): FileReaction[] {
  if (state.status !== 'open' && state.status !== 'closure-requested') return [];
  const file = state;
  const fileId = file.file.fileId;
  const { newId, metadata } = context;
  const command = (c: Omit<FileCommand, 'metadata'>): FileReaction => ({
    fileId,
    command: { ...c, metadata } as FileCommand,
  });
  const assignee = file.caseworkerId ? { assigneeId: file.caseworkerId } : {};
  const tasksOf = (match: (task: Task) => boolean) =>
    Object.values(file.tasks.tasks).filter((t) => t.status === 'open' && match(t));
  switch (event.type) {
    case 'FileOpened': {
      const requisition = file.file.facts.requisition;
      if (!requisition?.evviRequested) return [];
      return [
        command({
          type: 'RequestEvvi',
          data: {
            requestId: newId(`evvi:requisition:${fileId}`),
            requestedBy: 'requisition',
            dueOn: requisition.dueDate,
          },
        }),
      ];
    }
    case 'EvviRequested': {
      const { requestId, dueOn } = event.data;
      return [
        command({
          type: 'CreateTask',
          data: {
            taskId: newId(`task:evvi:${requestId}`),
            kind: 'submit-evvi',
            dueAt: endOfDay(dueOn, file.file.timeZone),
            ...assignee,
            source: { kind: 'evvi', requestId },
          },
        }),
      ];
    }
    case 'HearingScheduled': {
      const { hearingId, startsAt, accompanimentPlanned } = event.data;
      return [
        command({
          type: 'CreateTask',
          data: {
            taskId: newId(`task:hearing:${hearingId}`),
            kind: accompanimentPlanned ? 'accompany-hearing' : 'prepare-hearing',
            dueAt: hearingTaskDue(accompanimentPlanned, startsAt),
            ...assignee,
            source: { kind: 'hearing', hearingId },
          },
        }),
      ];
    }
    case 'HearingRescheduled': {
      const { hearingId, startsAt } = event.data;
      return tasksOf((t) => t.source?.kind === 'hearing' && t.source.hearingId === hearingId).map((t) =>
        command({
          type: 'RescheduleTask',
          data: { taskId: t.taskId, dueAt: hearingTaskDue(t.kind === 'accompany-hearing', startsAt) },
        }),
      );
    }
    case 'HearingCancelled':
      return tasksOf((t) => t.source?.kind === 'hearing' && t.source.hearingId === event.data.hearingId).map(
        (t) => command({ type: 'CancelTask', data: { taskId: t.taskId } }),
      );
    case 'JudgmentRecorded':
    case 'JudgmentBecameFinal': {
      const judgment = file.procedure.judgments[event.data.judgmentId];
      if (!judgment?.final) return [];
      return compensationFor(
        file,
        judgment.civilParty && (judgment.awardCents ?? 0) > 0,
        event.data.at,
        context,
      ).map(command);
    }
    case 'CompensationDeadlineTracked': {
      const { scheme, closesOn } = event.data;
      return tasksOf((t) => t.source?.kind === 'compensation' && t.source.scheme === scheme).map((t) =>
        command({
          type: 'RescheduleTask',
          data: { taskId: t.taskId, dueAt: endOfDay(closesOn, file.file.timeZone) },
        }),
      );
    }
    default:
      return [];
  }
}

const hearingTaskDue = (accompaniment: boolean, startsAt: string) =>
  accompaniment ? startsAt : new Date(Date.parse(startsAt) - prepareHearingHours * 3_600_000).toISOString();

function compensationFor(
  file: ActiveFile,
  awarded: boolean,
  at: string,
  context: ReactionContext,
): Omit<FileCommand, 'metadata'>[] {
  const commands: Omit<FileCommand, 'metadata'>[] = [];
  // The CIVI needs the offence date, and a minor victim's majority date, which only a person can give.
  if (file.procedure.complaint?.offenceOn && !minorVictim(file))
    commands.push({ type: 'TrackCompensationDeadline', data: { scheme: 'civi' } });
  else
    commands.push({
      type: 'CreateTask',
      data: {
        taskId: context.newId(`task:review-compensation:${file.file.fileId}`),
        kind: 'review-compensation',
        dueAt: new Date(Date.parse(at) + reviewCompensationHours * 3_600_000).toISOString(),
        ...(file.caseworkerId ? { assigneeId: file.caseworkerId } : {}),
      },
    });
  if (awarded) commands.push({ type: 'TrackCompensationDeadline', data: { scheme: 'sarvi' } });
  return commands;
}
