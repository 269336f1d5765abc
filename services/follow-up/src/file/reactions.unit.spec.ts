import { describe, expect, it } from 'vitest';
import type { FileReaction } from '../case/reactions.ts';
import { at, daysLater, event, fileSpec, opened, system } from '../test-builders.ts';
import { evolve, type FileEvent, initialState } from './file.ts';
import { reactToFile } from './reactions.ts';

const newId = (seed: string) => `id(${seed})`;
const context = { newId, metadata: system };
/** given / when / then for reactions: the state is the file after the event. */
const reacting = (given: FileEvent[]) => ({
  when: (e: FileEvent) => ({
    then: (expected: Omit<FileReaction['command'], 'metadata'>[]) =>
      expect(reactToFile(e, [...given, e].reduce(evolve, initialState()), context)).toEqual(
        expected.map((command) => ({ fileId: 'file-1', command: { ...command, metadata: system } })),
      ),
  }),
});

const startsAt = daysLater(30).toISOString();
const hearing = (accompanimentPlanned: boolean) =>
  event('HearingScheduled', {
    hearingId: 'h-1',
    court: 'tj-paris',
    chamber: '10e',
    startsAt,
    accompanimentPlanned,
  });
const assigned = event(
  'FileAssigned',
  { caseworkerId: 'cw-1', forced: false, openFiles: 1, capacity: 30 },
  'om-1',
);
const complaint = event('ComplaintRecorded', {
  filedOn: '2025-05-20',
  with: 'police',
  offenceOn: '2025-05-18',
});
const judgment = (final: boolean, awardCents?: number) =>
  event('JudgmentRecorded', {
    judgmentId: 'j-1',
    court: 'tj-paris',
    on: '2025-05-25',
    final,
    ...(final ? { finalOn: '2025-05-30' } : {}),
    civilParty: true,
    ...(awardCents ? { awardCents } : {}),
  });

describe('reactions to a file’s events', () => {
  it('requests the EVVI a requisition flagged, and makes its task due at the end of its day', () => {
    const flagged = opened({
      channel: 'requisition',
      requisition: { dueDate: '2025-06-20', evviRequested: true },
    });
    reacting([])
      .when(flagged)
      .then([
        {
          type: 'RequestEvvi',
          data: { requestId: 'id(evvi:requisition:file-1)', requestedBy: 'requisition', dueOn: '2025-06-20' },
        },
      ]);
    reacting([]).when(opened()).then([]);
    const requested = event('EvviRequested', {
      requestId: 'r-1',
      requestedBy: 'prosecutor',
      dueOn: '2025-06-20',
    });
    reacting([flagged, assigned])
      .when(requested)
      .then([
        {
          type: 'CreateTask',
          data: {
            taskId: 'id(task:evvi:r-1)',
            kind: 'submit-evvi',
            dueAt: '2025-06-20T22:00:00.000Z',
            assigneeId: 'cw-1',
            source: { kind: 'evvi', requestId: 'r-1' },
          },
        },
      ]);
  });

  it('makes a hearing’s accompaniment task, due at the hearing', () => {
    reacting([opened(), assigned])
      .when(hearing(true))
      .then([
        {
          type: 'CreateTask',
          data: {
            taskId: 'id(task:hearing:h-1)',
            kind: 'accompany-hearing',
            dueAt: startsAt,
            assigneeId: 'cw-1',
            source: { kind: 'hearing', hearingId: 'h-1' },
          },
        },
      ]);
  });

  it('makes a preparation task a week before a hearing with no accompaniment planned', () => {
    reacting([opened()])
      .when(hearing(false))
      .then([
        {
          type: 'CreateTask',
          data: {
            taskId: 'id(task:hearing:h-1)',
            kind: 'prepare-hearing',
            dueAt: daysLater(23).toISOString(),
            source: { kind: 'hearing', hearingId: 'h-1' },
          },
        },
      ]);
  });

  it('moves the hearing’s task with the hearing, and cancels it with the hearing', () => {
    const task = event(
      'TaskCreated',
      {
        taskId: 't-h',
        kind: 'accompany-hearing',
        dueAt: startsAt,
        source: { kind: 'hearing', hearingId: 'h-1' },
      },
      'system:follow-up',
    );
    const moved = daysLater(40).toISOString();
    reacting([opened(), hearing(true), task])
      .when(event('HearingRescheduled', { hearingId: 'h-1', startsAt: moved }))
      .then([{ type: 'RescheduleTask', data: { taskId: 't-h', dueAt: moved } }]);
    reacting([opened(), hearing(true), task])
      .when(event('HearingCancelled', { hearingId: 'h-1' }))
      .then([{ type: 'CancelTask', data: { taskId: 't-h' } }]);
    reacting([opened(), hearing(true), task, event('TaskCompleted', { taskId: 't-h' })])
      .when(event('HearingCancelled', { hearingId: 'h-1' }))
      .then([]);
  });

  it('tracks the compensation deadlines of a final judgment: CIVI, and SARVI when damages were awarded', () => {
    reacting([opened(), complaint])
      .when(judgment(true, 250_000))
      .then([
        { type: 'TrackCompensationDeadline', data: { scheme: 'civi' } },
        { type: 'TrackCompensationDeadline', data: { scheme: 'sarvi' } },
      ]);
    reacting([opened(), complaint])
      .when(judgment(true))
      .then([{ type: 'TrackCompensationDeadline', data: { scheme: 'civi' } }]);
    reacting([opened(), complaint]).when(judgment(false, 250_000)).then([]);
    reacting([opened(), complaint, judgment(false, 250_000)])
      .when(event('JudgmentBecameFinal', { judgmentId: 'j-1', finalOn: '2025-07-01' }))
      .then([
        { type: 'TrackCompensationDeadline', data: { scheme: 'civi' } },
        { type: 'TrackCompensationDeadline', data: { scheme: 'sarvi' } },
      ]);
  });

  it('asks the caseworker to review the compensation when the offence date or a minor’s majority is missing', () => {
    const review = {
      type: 'CreateTask',
      data: {
        taskId: 'id(task:review-compensation:file-1)',
        kind: 'review-compensation',
        dueAt: daysLater(7).toISOString(),
      },
    } as const;
    reacting([opened()]).when(judgment(true)).then([review]);
    reacting([opened({ ageBand: 'under-18' }), complaint])
      .when(judgment(true))
      .then([review]);
  });

  it('moves the claim task when the deadline is tracked again, and reacts to nothing on a closed file', () => {
    const task = event(
      'TaskCreated',
      { taskId: 't-c', kind: 'file-civi-claim', dueAt: at, source: { kind: 'compensation', scheme: 'civi' } },
      'system:follow-up',
    );
    reacting([opened(), task])
      .when(event('CompensationDeadlineTracked', { scheme: 'civi', closesOn: '2027-06-15', basis: [] }))
      .then([{ type: 'RescheduleTask', data: { taskId: 't-c', dueAt: '2027-06-15T22:00:00.000Z' } }]);
    const closed = event('FileClosed', { reason: 'support-completed', requestedBy: 'cw-1', openItems: [] });
    reacting([opened(), closed]).when(hearing(true)).then([]);
  });

  it('gives commands the file decider accepts', () => {
    const given = [opened(), assigned, hearing(true)];
    const [reaction] = reactToFile(hearing(true), given.reduce(evolve, initialState()), context);
    expect(reaction && fileSpec.given(given).when(reaction.command).events()).toHaveLength(1);
  });
});
