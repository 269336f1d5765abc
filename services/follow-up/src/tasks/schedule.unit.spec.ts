import { describe, expect, it } from 'vitest';
import { evolve, type FileEvent, initialState } from '../file/file.ts';
import { at, daysLater, event, later, opened } from '../test-builders.ts';
import { defaultScheduleSettings, jobsFor } from './schedule.ts';

const newId = (seed: string) => `id(${seed})`;
const jobs = (given: FileEvent[], e: FileEvent) =>
  jobsFor(e, [...given, e].reduce(evolve, initialState()), defaultScheduleSettings, newId);
const inactivityAt = (from: string) => new Date(Date.parse(from) + 42 * 86_400_000).toISOString();

describe('what must be scheduled', () => {
  it('checks for inactivity 6 weeks after every activity, under one key', () => {
    expect(jobs([], opened())).toEqual([
      {
        key: 'file-1:inactivity',
        runAt: inactivityAt(at),
        fileId: 'file-1',
        command: { type: 'FlagInactivity', data: {} },
      },
    ]);
    const reminder = event(
      'ReminderSent',
      { subject: { kind: 'task', id: 't' }, dueAt: at, leadHours: 48 },
      'system:follow-up',
    );
    expect(jobs([opened()], reminder)).toEqual([]);
  });

  it('reminds a week and a day before a hearing, and moves the reminders with it', () => {
    const startsAt = daysLater(30).toISOString();
    const scheduled = event('HearingScheduled', {
      hearingId: 'h-1',
      court: 'tj-paris',
      chamber: '10e',
      startsAt,
      accompanimentPlanned: true,
    });
    const reminders = jobs([opened()], scheduled).filter((j) => j.command.type === 'SendReminder');
    expect(reminders).toEqual([
      {
        key: 'file-1:reminder:hearing:h-1:168',
        runAt: daysLater(23).toISOString(),
        fileId: 'file-1',
        command: {
          type: 'SendReminder',
          data: { subject: { kind: 'hearing', id: 'h-1' }, dueAt: startsAt, leadHours: 168 },
        },
      },
      {
        key: 'file-1:reminder:hearing:h-1:24',
        runAt: daysLater(29).toISOString(),
        fileId: 'file-1',
        command: {
          type: 'SendReminder',
          data: { subject: { kind: 'hearing', id: 'h-1' }, dueAt: startsAt, leadHours: 24 },
        },
      },
    ]);
    const moved = daysLater(3).toISOString();
    const rescheduled = jobs(
      [opened(), scheduled],
      event('HearingRescheduled', { hearingId: 'h-1', startsAt: moved }),
    ).filter((j) => j.command.type === 'SendReminder');
    // Same key, new time; the week-ahead reminder is past and not sent late.
    expect(rescheduled.map((j) => [j.key, j.runAt])).toEqual([
      ['file-1:reminder:hearing:h-1:24', daysLater(2).toISOString()],
    ]);
  });

  it('reminds two days before a task falls due and a day before an appointment', () => {
    const task = event('TaskCreated', {
      taskId: 't-1',
      kind: 'call-back',
      dueAt: daysLater(5).toISOString(),
    });
    expect(jobs([opened()], task).find((j) => j.command.type === 'SendReminder')?.runAt).toBe(
      daysLater(3).toISOString(),
    );
    const appointment = event('AppointmentScheduled', {
      appointmentId: 'ap-1',
      startsAt: later(30).toISOString(),
      durationMinutes: 60,
      channel: 'video',
      staffId: 'cw-1',
    });
    expect(jobs([opened()], appointment).find((j) => j.command.type === 'SendReminder')?.runAt).toBe(
      later(6).toISOString(),
    );
  });

  it('creates a compensation deadline’s claim task 8 weeks before it closes, at 09:00 office time', () => {
    const tracked = event(
      'CompensationDeadlineTracked',
      { scheme: 'civi', closesOn: '2027-03-30', basis: [] },
      'system:follow-up',
    );
    expect(jobs([opened()], tracked)).toEqual([
      {
        key: 'file-1:compensation:civi',
        runAt: '2027-02-02T08:00:00.000Z',
        fileId: 'file-1',
        command: {
          type: 'CreateTask',
          data: {
            taskId: 'id(task:compensation:file-1:civi)',
            kind: 'file-civi-claim',
            dueAt: '2027-03-30T22:00:00.000Z',
            source: { kind: 'compensation', scheme: 'civi' },
          },
        },
      },
    ]);
  });

  it('creates the claim task at once when the deadline is nearer than 8 weeks', () => {
    const tracked = event(
      'CompensationDeadlineTracked',
      { scheme: 'sarvi', opensOn: '2025-06-01', closesOn: '2025-07-01', basis: [] },
      'system:follow-up',
    );
    expect(jobs([opened()], tracked)[0]?.runAt).toBe(at);
  });

  it('schedules nothing for a closed or transferred file', () => {
    const closed = event('FileClosed', { reason: 'support-completed', requestedBy: 'cw-1', openItems: [] });
    expect(jobs([opened()], closed)).toEqual([]);
  });
});
