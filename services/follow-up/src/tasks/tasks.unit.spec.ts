import { describe, expect, it } from 'vitest';
import {
  at,
  caseworker,
  daysLater,
  event,
  fileSpec,
  later,
  opened,
  refuses,
  system,
} from '../test-builders.ts';
import { isOverdue, type TaskCommand } from './tasks.ts';

const cmd = <T extends TaskCommand['type']>(
  type: T,
  data: Extract<TaskCommand, { type: T }>['data'],
  metadata = caseworker,
) => ({ type, data, metadata }) as Extract<TaskCommand, { type: T }>;
const due = daysLater(5).toISOString();
const task = { taskId: 't-1', kind: 'call-back' as const, dueAt: due, assigneeId: 'cw-1' };
const created = event('TaskCreated', task);
const appointmentData = {
  appointmentId: 'ap-1',
  startsAt: daysLater(3).toISOString(),
  durationMinutes: 60,
  channel: 'in-person' as const,
  staffId: 'cw-2',
};
const appointment = event('AppointmentScheduled', appointmentData);
const hearingAt = daysLater(20).toISOString();
const hearing = event('HearingScheduled', {
  hearingId: 'h-1',
  court: 'tj-paris',
  chamber: '10e',
  startsAt: hearingAt,
  accompanimentPlanned: true,
});
const assigned = event(
  'FileAssigned',
  { caseworkerId: 'cw-1', forced: false, openFiles: 1, capacity: 30 },
  'om-1',
);

describe('tasks', () => {
  it('creates, reschedules, completes and cancels a task; each step once', () => {
    fileSpec.given([opened()]).when(cmd('CreateTask', task)).then([created]);
    fileSpec.given([opened(), created]).when(cmd('CreateTask', task)).then([]);
    const moved = daysLater(7).toISOString();
    fileSpec
      .given([opened(), created])
      .when(cmd('RescheduleTask', { taskId: 't-1', dueAt: moved }))
      .then([event('TaskRescheduled', { taskId: 't-1', dueAt: moved })]);
    fileSpec
      .given([opened(), created])
      .when(cmd('CompleteTask', { taskId: 't-1' }))
      .then([event('TaskCompleted', { taskId: 't-1' })]);
    const done = event('TaskCompleted', { taskId: 't-1' });
    fileSpec
      .given([opened(), created, done])
      .when(cmd('CompleteTask', { taskId: 't-1' }))
      .then([]);
    fileSpec
      .given([opened(), created, done])
      .when(cmd('CancelTask', { taskId: 't-1' }))
      .then([]);
    refuses(fileSpec.given([opened()]).when(cmd('CompleteTask', { taskId: 't-9' })), 'task_not_found', 422);
    refuses(
      fileSpec.given([opened()]).when(cmd('CreateTask', { ...task, dueAt: 'soon' })),
      'invalid_date',
      422,
    );
  });

  it('does not create a task whose source is settled', () => {
    const fromHearing = {
      ...task,
      taskId: 't-h',
      kind: 'accompany-hearing' as const,
      source: { kind: 'hearing' as const, hearingId: 'h-1' },
    };
    expect(
      fileSpec
        .given([opened(), hearing])
        .when(cmd('CreateTask', fromHearing, system))
        .events(),
    ).toHaveLength(1);
    fileSpec
      .given([opened(), hearing, event('HearingCancelled', { hearingId: 'h-1' })])
      .when(cmd('CreateTask', fromHearing, system))
      .then([]);
    const claim = {
      ...task,
      taskId: 't-c',
      kind: 'file-civi-claim' as const,
      source: { kind: 'compensation' as const, scheme: 'civi' as const },
    };
    const tracked = event('CompensationDeadlineTracked', {
      scheme: 'civi',
      closesOn: '2027-01-01',
      basis: [],
    });
    expect(
      fileSpec
        .given([opened(), tracked])
        .when(cmd('CreateTask', claim, system))
        .events(),
    ).toHaveLength(1);
    fileSpec
      .given([
        opened(),
        tracked,
        event('CompensationClaimFiled', { scheme: 'civi', filedOn: '2025-06-01', late: false }),
      ])
      .when(cmd('CreateTask', claim, system))
      .then([]);
  });

  it('is overdue once its due time has passed while open', () => {
    expect(isOverdue({ status: 'open', dueAt: due }, daysLater(4))).toBe(false);
    expect(isOverdue({ status: 'open', dueAt: due }, daysLater(5))).toBe(true);
    expect(isOverdue({ status: 'done', dueAt: due }, daysLater(9))).toBe(false);
  });
});

describe('appointments', () => {
  it('schedules ahead, reschedules, ends with an outcome', () => {
    fileSpec.given([opened()]).when(cmd('ScheduleAppointment', appointmentData)).then([appointment]);
    refuses(
      fileSpec
        .given([opened()])
        .when(cmd('ScheduleAppointment', { ...appointmentData, startsAt: later(-1).toISOString() })),
      'appointment_in_past',
      422,
    );
    refuses(
      fileSpec.given([opened()]).when(cmd('ScheduleAppointment', { ...appointmentData, durationMinutes: 2 })),
      'appointment_duration',
      422,
    );
    const moved = daysLater(4).toISOString();
    fileSpec
      .given([opened(), appointment])
      .when(cmd('RescheduleAppointment', { appointmentId: 'ap-1', startsAt: moved }))
      .then([event('AppointmentRescheduled', { appointmentId: 'ap-1', startsAt: moved })]);
    fileSpec
      .given([opened(), appointment])
      .when(cmd('EndAppointment', { appointmentId: 'ap-1', outcome: 'missed' }))
      .then([event('AppointmentEnded', { appointmentId: 'ap-1', outcome: 'missed' })]);
    const ended = event('AppointmentEnded', { appointmentId: 'ap-1', outcome: 'held' });
    refuses(
      fileSpec
        .given([opened(), appointment, ended])
        .when(cmd('EndAppointment', { appointmentId: 'ap-1', outcome: 'held' })),
      'appointment_status',
      409,
    );
    refuses(
      fileSpec.given([opened()]).when(cmd('EndAppointment', { appointmentId: 'ap-9', outcome: 'held' })),
      'appointment_not_found',
      422,
    );
  });
});

describe('reminders', () => {
  const remind = (
    subject: { kind: 'task' | 'appointment' | 'hearing'; id: string },
    dueAt: string,
    leadHours = 24,
  ) => cmd('SendReminder', { subject, dueAt, leadHours }, system);

  it('reminds the assignee of a task, the staff member of an appointment, the caseworker of a hearing', () => {
    fileSpec
      .given([opened(), created])
      .when(remind({ kind: 'task', id: 't-1' }, due))
      .then([
        event(
          'ReminderSent',
          { subject: { kind: 'task', id: 't-1' }, dueAt: due, leadHours: 24, to: 'cw-1' },
          'system:follow-up',
        ),
      ]);
    expect(
      fileSpec
        .given([opened(), appointment])
        .when(remind({ kind: 'appointment', id: 'ap-1' }, appointmentData.startsAt))
        .events()[0]?.data,
    ).toMatchObject({ to: 'cw-2' });
    expect(
      fileSpec
        .given([opened(), assigned, hearing])
        .when(remind({ kind: 'hearing', id: 'h-1' }, hearingAt, 168))
        .events()[0]?.data,
    ).toMatchObject({ to: 'cw-1', leadHours: 168 });
  });

  it('sends each reminder once, none for a subject done or moved', () => {
    const sent = event(
      'ReminderSent',
      { subject: { kind: 'task', id: 't-1' }, dueAt: due, leadHours: 24, to: 'cw-1' },
      'system:follow-up',
    );
    fileSpec
      .given([opened(), created, sent])
      .when(remind({ kind: 'task', id: 't-1' }, due))
      .then([]);
    fileSpec
      .given([opened(), created, event('TaskCompleted', { taskId: 't-1' })])
      .when(remind({ kind: 'task', id: 't-1' }, due))
      .then([]);
    fileSpec
      .given([opened(), created])
      .when(remind({ kind: 'task', id: 't-1' }, at))
      .then([]);
    fileSpec
      .given([opened()])
      .when(remind({ kind: 'hearing', id: 'h-9' }, at))
      .then([]);
  });

  it('is fired by the system only', () => {
    refuses(
      fileSpec
        .given([opened(), created])
        .when({ ...remind({ kind: 'task', id: 't-1' }, due), metadata: caseworker }),
      'follow_up_forbidden',
      403,
    );
  });
});
