import type { Event } from '@parcours/eventstore';
import type { ActionChannels } from '../actions/actions.ts';
import type { Cmd, Stamp } from '../command.ts';
import { stampOf } from '../command.ts';
import { FileErrors } from '../file/errors.ts';
import type { ActiveFile } from '../file/file.ts';
import { patch } from '../records.ts';

/** Tasks and appointments with due dates, and the reminders sent before they fall due. */
export const TaskKinds = [
  'accompany-hearing',
  'prepare-hearing',
  'file-civi-claim',
  'file-sarvi-claim',
  'review-compensation',
  'submit-evvi',
  'call-back',
  'other',
] as const;
export type TaskSource =
  | { kind: 'hearing'; hearingId: string }
  | { kind: 'compensation'; scheme: 'civi' | 'sarvi' }
  | { kind: 'evvi'; requestId: string };

export interface Task {
  taskId: string;
  kind: (typeof TaskKinds)[number];
  dueAt: string;
  assigneeId?: string;
  /** What made the task (a hearing, a deadline, an EVVI request): it follows its changes. */
  source?: TaskSource;
  status: 'open' | 'done' | 'cancelled';
}
export interface Appointment {
  appointmentId: string;
  startsAt: string;
  durationMinutes: number;
  channel: (typeof ActionChannels)[number];
  staffId: string;
  status: 'scheduled' | 'held' | 'missed' | 'cancelled';
}
export type ReminderSubject = { kind: 'task' | 'appointment' | 'hearing'; id: string };

type NewTask = Omit<Task, 'status'>;
type NewAppointment = Omit<Appointment, 'status'>;
export type TaskCreated = Event<'TaskCreated', NewTask & Stamp>;
export type TaskRescheduled = Event<'TaskRescheduled', { taskId: string; dueAt: string } & Stamp>;
export type TaskCompleted = Event<'TaskCompleted', { taskId: string } & Stamp>;
export type TaskCancelled = Event<'TaskCancelled', { taskId: string } & Stamp>;
export type AppointmentScheduled = Event<'AppointmentScheduled', NewAppointment & Stamp>;
export type AppointmentRescheduled = Event<
  'AppointmentRescheduled',
  { appointmentId: string; startsAt: string } & Stamp
>;
export type AppointmentEnded = Event<
  'AppointmentEnded',
  { appointmentId: string; outcome: 'held' | 'missed' | 'cancelled' } & Stamp
>;
export type ReminderSent = Event<
  'ReminderSent',
  { subject: ReminderSubject; dueAt: string; leadHours: number; to?: string } & Stamp
>;
export type TaskEvent =
  | TaskCreated
  | TaskRescheduled
  | TaskCompleted
  | TaskCancelled
  | AppointmentScheduled
  | AppointmentRescheduled
  | AppointmentEnded
  | ReminderSent;

export interface TasksState {
  tasks: Record<string, Task>;
  appointments: Record<string, Appointment>;
  /** Reminders sent, by `kind:id@dueAt-leadHours`: each once. */
  reminders: string[];
}
export const initialTasks = (): TasksState => ({ tasks: {}, appointments: {}, reminders: [] });
export const reminderKey = (subject: ReminderSubject, dueAt: string, leadHours: number) =>
  `${subject.kind}:${subject.id}@${dueAt}-${leadHours}`;

export function evolveTasks(state: TasksState, event: TaskEvent): TasksState {
  const task = (id: string, change: Partial<Task>) => ({ ...state, tasks: patch(state.tasks, id, change) });
  const appointment = (id: string, change: Partial<Appointment>) => ({
    ...state,
    appointments: patch(state.appointments, id, change),
  });
  switch (event.type) {
    case 'TaskCreated': {
      const { by: _by, at: _at, ...created } = event.data;
      return { ...state, tasks: { ...state.tasks, [created.taskId]: { ...created, status: 'open' } } };
    }
    case 'TaskRescheduled':
      return task(event.data.taskId, { dueAt: event.data.dueAt });
    case 'TaskCompleted':
      return task(event.data.taskId, { status: 'done' });
    case 'TaskCancelled':
      return task(event.data.taskId, { status: 'cancelled' });
    case 'AppointmentScheduled': {
      const { by: _by, at: _at, ...scheduled } = event.data;
      return {
        ...state,
        appointments: {
          ...state.appointments,
          [scheduled.appointmentId]: { ...scheduled, status: 'scheduled' },
        },
      };
    }
    case 'AppointmentRescheduled':
      return appointment(event.data.appointmentId, { startsAt: event.data.startsAt });
    case 'AppointmentEnded':
      return appointment(event.data.appointmentId, { status: event.data.outcome });
    case 'ReminderSent':
      return {
        ...state,
        reminders: [
          ...state.reminders,
          reminderKey(event.data.subject, event.data.dueAt, event.data.leadHours),
        ],
      };
  }
}

/** Overdue: still open once its due time has passed. */
export const isOverdue = (task: Pick<Task, 'status' | 'dueAt'>, now: Date) =>
  task.status === 'open' && Date.parse(task.dueAt) <= now.getTime();
export const overdueTasks = (state: TasksState, now: Date) =>
  Object.values(state.tasks).filter((t) => isOverdue(t, now));

export type CreateTask = Cmd<'CreateTask', NewTask>;
export type RescheduleTask = Cmd<'RescheduleTask', { taskId: string; dueAt: string }>;
export type CompleteTask = Cmd<'CompleteTask', { taskId: string }>;
export type CancelTask = Cmd<'CancelTask', { taskId: string }>;
export type ScheduleAppointment = Cmd<'ScheduleAppointment', NewAppointment>;
export type RescheduleAppointment = Cmd<'RescheduleAppointment', { appointmentId: string; startsAt: string }>;
export type EndAppointment = Cmd<
  'EndAppointment',
  { appointmentId: string; outcome: 'held' | 'missed' | 'cancelled' }
>;
/** Fired by the scheduler before a due time; a subject done, moved or already reminded makes it a no-op. */
export type SendReminder = Cmd<
  'SendReminder',
  { subject: ReminderSubject; dueAt: string; leadHours: number }
>;
export type TaskCommand =
  | CreateTask
  | RescheduleTask
  | CompleteTask
  | CancelTask
  | ScheduleAppointment
  | RescheduleAppointment
  | EndAppointment
  | SendReminder;

const instant = (value: string) => {
  if (Number.isNaN(Date.parse(value))) throw FileErrors.invalid('invalid_date', 'Times are RFC 3339');
};

function openTask(file: ActiveFile, taskId: string): Task | undefined {
  const task = file.tasks.tasks[taskId];
  if (!task) throw FileErrors.invalid('task_not_found', 'No such task in this file');
  return task.status === 'open' ? task : undefined;
}

/** A task from a source that is settled (hearing over, claim filed, EVVI submitted) is not created. */
function sourceSettled(file: ActiveFile, source: TaskSource | undefined): boolean {
  if (!source) return false;
  if (source.kind === 'hearing') return file.procedure.hearings[source.hearingId]?.status !== 'scheduled';
  if (source.kind === 'evvi')
    return file.evvi.requests.find((r) => r.requestId === source.requestId)?.answeredBy !== undefined;
  const tracked = file.compensation[source.scheme];
  return !tracked || !!tracked.claimedOn || !!tracked.waived;
}

/** The subject's current due time and the person to remind, or nothing when it no longer waits. */
function pending(file: ActiveFile, subject: ReminderSubject): { dueAt: string; to?: string } | undefined {
  const to = (id?: string) => (id ? { to: id } : file.caseworkerId ? { to: file.caseworkerId } : {});
  if (subject.kind === 'task') {
    const task = file.tasks.tasks[subject.id];
    return task?.status === 'open' ? { dueAt: task.dueAt, ...to(task.assigneeId) } : undefined;
  }
  if (subject.kind === 'appointment') {
    const appointment = file.tasks.appointments[subject.id];
    return appointment?.status === 'scheduled'
      ? { dueAt: appointment.startsAt, ...to(appointment.staffId) }
      : undefined;
  }
  const hearing = file.procedure.hearings[subject.id];
  return hearing?.status === 'scheduled' ? { dueAt: hearing.startsAt, ...to() } : undefined;
}

export function decideTasks(command: TaskCommand, file: ActiveFile): TaskEvent[] {
  const stamp = stampOf(command.metadata);
  const state = file.tasks;
  switch (command.type) {
    case 'CreateTask':
      instant(command.data.dueAt);
      if (state.tasks[command.data.taskId] || sourceSettled(file, command.data.source)) return [];
      return [{ type: 'TaskCreated', data: { ...command.data, ...stamp } }];
    case 'RescheduleTask': {
      instant(command.data.dueAt);
      const task = openTask(file, command.data.taskId);
      if (!task || task.dueAt === command.data.dueAt) return [];
      return [{ type: 'TaskRescheduled', data: { ...command.data, ...stamp } }];
    }
    case 'CompleteTask':
      return openTask(file, command.data.taskId)
        ? [{ type: 'TaskCompleted', data: { ...command.data, ...stamp } }]
        : [];
    case 'CancelTask':
      return openTask(file, command.data.taskId)
        ? [{ type: 'TaskCancelled', data: { ...command.data, ...stamp } }]
        : [];
    case 'ScheduleAppointment': {
      const a = command.data;
      instant(a.startsAt);
      if (state.appointments[a.appointmentId]) return [];
      if (Date.parse(a.startsAt) <= command.metadata.now.getTime())
        throw FileErrors.invalid('appointment_in_past', 'An appointment is scheduled ahead');
      if (!Number.isInteger(a.durationMinutes) || a.durationMinutes < 5 || a.durationMinutes > 480)
        throw FileErrors.invalid('appointment_duration', 'An appointment lasts 5 to 480 whole minutes');
      return [{ type: 'AppointmentScheduled', data: { ...a, ...stamp } }];
    }
    case 'RescheduleAppointment':
    case 'EndAppointment': {
      const appointment = state.appointments[command.data.appointmentId];
      if (!appointment) throw FileErrors.invalid('appointment_not_found', 'No such appointment in this file');
      if (appointment.status !== 'scheduled')
        throw FileErrors.conflict('appointment_status', `This appointment is ${appointment.status}`);
      if (command.type === 'EndAppointment')
        return [{ type: 'AppointmentEnded', data: { ...command.data, ...stamp } }];
      instant(command.data.startsAt);
      if (appointment.startsAt === command.data.startsAt) return [];
      return [{ type: 'AppointmentRescheduled', data: { ...command.data, ...stamp } }];
    }
    case 'SendReminder': {
      const { subject, dueAt, leadHours } = command.data;
      const current = pending(file, subject);
      if (
        !current ||
        current.dueAt !== dueAt ||
        state.reminders.includes(reminderKey(subject, dueAt, leadHours))
      )
        return [];
      return [
        {
          type: 'ReminderSent',
          data: { subject, dueAt, leadHours, ...(current.to ? { to: current.to } : {}), ...stamp },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
