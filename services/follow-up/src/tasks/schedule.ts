import type { NewId } from '../command.ts';
import type { FileCommand } from '../file/decide.ts';
import { type FileEvent, type FileState, isActivity } from '../file/file.ts';
import { addDays, endOfDay, zonedInstant } from '../time.ts';
import type { ReminderSubject } from './tasks.ts';

/** What the scheduler fires: a file command without its metadata (the scheduler acts as the service, at the job's time). */
export type ScheduledCommand = FileCommand extends infer C
  ? C extends FileCommand
    ? Omit<C, 'metadata'>
    : never
  : never;

/**
 * A job for the shared scheduler: fired once at `runAt` (with any number of instances). A job with
 * the same key replaces the one before it (a hearing moved moves its reminders), and a job whose
 * subject moved on decides nothing when it fires (the decider makes it a no-op).
 */
export interface Job {
  key: string;
  runAt: string;
  fileId: string;
  command: ScheduledCommand;
}

export interface ScheduleSettings {
  /** Reminders before a due time, in hours, per kind of subject. */
  reminderLeadHours: Record<ReminderSubject['kind'], number[]>;
  /** The claim task of a compensation deadline appears this many weeks before it closes. */
  compensationTaskWeeksBefore: number;
  inactivityWeeks: number;
}
export const defaultScheduleSettings: ScheduleSettings = {
  reminderLeadHours: { task: [48], appointment: [24], hearing: [7 * 24, 24] },
  compensationTaskWeeksBefore: 8,
  inactivityWeeks: 6,
};

/** The jobs a decided event implies (pure; the state is the file after the event). */
export function jobsFor(event: FileEvent, state: FileState, settings: ScheduleSettings, newId: NewId): Job[] {
  if (state.status !== 'open' && state.status !== 'closure-requested') return [];
  const fileId = state.file.fileId;
  const now = Date.parse(event.data.at);
  const job = (key: string, runAt: number, command: ScheduledCommand): Job => ({
    key: `${fileId}:${key}`,
    runAt: new Date(Math.max(runAt, now)).toISOString(),
    fileId,
    command,
  });
  const reminders = (subject: ReminderSubject, dueAt: string) =>
    settings.reminderLeadHours[subject.kind]
      .map((leadHours) => ({ leadHours, runAt: Date.parse(dueAt) - leadHours * 3_600_000 }))
      // A reminder whose time has passed is not sent late.
      .filter(({ runAt }) => runAt > now)
      .map(({ leadHours, runAt }) =>
        job(`reminder:${subject.kind}:${subject.id}:${leadHours}`, runAt, {
          type: 'SendReminder',
          data: { subject, dueAt, leadHours },
        }),
      );
  const jobs: Job[] = [];
  // Every activity moves the file's inactivity check.
  if (state.status === 'open' && isActivity(event))
    jobs.push(
      job('inactivity', now + settings.inactivityWeeks * 7 * 86_400_000, {
        type: 'FlagInactivity',
        data: {},
      }),
    );
  switch (event.type) {
    case 'TaskCreated':
    case 'TaskRescheduled': {
      const task = state.tasks.tasks[event.data.taskId];
      if (task?.status === 'open') jobs.push(...reminders({ kind: 'task', id: task.taskId }, task.dueAt));
      break;
    }
    case 'AppointmentScheduled':
    case 'AppointmentRescheduled': {
      const appointment = state.tasks.appointments[event.data.appointmentId];
      if (appointment?.status === 'scheduled')
        jobs.push(...reminders({ kind: 'appointment', id: appointment.appointmentId }, appointment.startsAt));
      break;
    }
    case 'HearingScheduled':
    case 'HearingRescheduled': {
      const hearing = state.procedure.hearings[event.data.hearingId];
      if (hearing?.status === 'scheduled')
        jobs.push(...reminders({ kind: 'hearing', id: hearing.hearingId }, hearing.startsAt));
      break;
    }
    case 'CompensationDeadlineTracked': {
      const { scheme, closesOn } = event.data;
      const tz = state.file.timeZone;
      const appearsOn = addDays(closesOn, -7 * settings.compensationTaskWeeksBefore);
      jobs.push(
        job(`compensation:${scheme}`, zonedInstant(appearsOn, '09:00', tz).getTime(), {
          type: 'CreateTask',
          data: {
            taskId: newId(`task:compensation:${fileId}:${scheme}`),
            kind: scheme === 'civi' ? 'file-civi-claim' : 'file-sarvi-claim',
            dueAt: endOfDay(closesOn, tz),
            ...(state.caseworkerId ? { assigneeId: state.caseworkerId } : {}),
            source: { kind: 'compensation', scheme },
          },
        }),
      );
      break;
    }
  }
  return jobs;
}
