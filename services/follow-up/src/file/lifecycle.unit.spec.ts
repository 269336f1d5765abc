import { describe, expect, it } from 'vitest';
import {
  as,
  at,
  caseworker,
  daysLater,
  event,
  fileSpec,
  lyon,
  manager,
  opened,
  people,
  refuses,
  system,
} from '../test-builders.ts';
import { evolve, initialState } from './file.ts';
import type { AssignFile, OpenFile } from './lifecycle.ts';

const open = (referralId = 'ref-1'): OpenFile => ({
  type: 'OpenFile',
  data: { ...opened().data, origin: { kind: 'referral', referralId } },
  metadata: system,
});
const assign = (
  caseworkerId: string,
  openFiles: number,
  options: { force?: boolean; metadata?: AssignFile['metadata']; onRoster?: boolean } = {},
): AssignFile => ({
  type: 'AssignFile',
  data: {
    caseworkerId,
    staff: options.onRoster === false ? null : { role: 'jurist', capacity: 30 },
    openFiles,
    ...(options.force ? { force: true } : {}),
  },
  metadata: options.metadata ?? manager,
});
const transferred = event('FileTransferred', { referralId: 'ref-2', to: lyon }, 'system:follow-up');
const closed = event('FileClosed', { reason: 'support-completed', requestedBy: 'cw-1', openItems: [] });

describe('opening', () => {
  it('opens a file from the system, once per referral', () => {
    const { by: _by, at: _at, ...data } = opened().data;
    fileSpec
      .given([])
      .when(open())
      .then([{ type: 'FileOpened', data: { ...data, by: 'system:follow-up', at } }]);
    fileSpec.given([opened()]).when(open()).then([]);
    refuses(fileSpec.given([opened()]).when(open('ref-9')), 'file_exists', 409);
  });

  it('is never opened by a person, nor with an unknown time zone', () => {
    refuses(fileSpec.given([]).when({ ...open(), metadata: caseworker }), 'follow_up_forbidden', 403);
    refuses(
      fileSpec.given([]).when({ ...open(), data: { ...open().data, timeZone: 'Paris' } }),
      'time_zone',
      422,
    );
  });

  it('answers 404 for any command on a file that does not exist', () => {
    refuses(fileSpec.given([]).when(assign('cw-1', 0)), 'file_not_found', 404);
  });
});

describe('assignment', () => {
  it('assigns, then reassigns naming the previous caseworker', () => {
    fileSpec
      .given([opened()])
      .when(assign('cw-1', 12))
      .then([
        event('FileAssigned', { caseworkerId: 'cw-1', forced: false, openFiles: 12, capacity: 30 }, 'om-1'),
      ]);
    fileSpec
      .given([
        opened(),
        event('FileAssigned', { caseworkerId: 'cw-1', forced: false, openFiles: 12, capacity: 30 }),
      ])
      .when(assign('cw-3', 4))
      .then([
        event(
          'FileAssigned',
          { caseworkerId: 'cw-3', previousCaseworkerId: 'cw-1', forced: false, openFiles: 4, capacity: 30 },
          'om-1',
        ),
      ]);
  });

  it('does nothing when the file is already theirs', () => {
    const given = [
      opened(),
      event('FileAssigned', { caseworkerId: 'cw-1', forced: false, openFiles: 1, capacity: 30 }),
    ];
    fileSpec.given(given).when(assign('cw-1', 1)).then([]);
  });

  it('refuses someone off the roster', () => {
    refuses(fileSpec.given([opened()]).when(assign('cw-9', 0, { onRoster: false })), 'not_on_roster', 422);
  });

  it('refuses a caseworker at capacity, unless the office manager forces it', () => {
    refuses(fileSpec.given([opened()]).when(assign('cw-1', 30)), 'caseworker_over_capacity', 409);
    fileSpec
      .given([opened()])
      .when(assign('cw-1', 30, { force: true }))
      .then([
        event('FileAssigned', { caseworkerId: 'cw-1', forced: true, openFiles: 30, capacity: 30 }, 'om-1'),
      ]);
    refuses(
      fileSpec.given([opened()]).when(assign('cw-1', 31, { force: true, metadata: caseworker })),
      'force_needs_manager',
      403,
    );
  });

  it('lets a caseworker of the office assign within capacity, not one of another office', () => {
    expect(
      fileSpec
        .given([opened()])
        .when(assign('cw-1', 3, { metadata: caseworker }))
        .events(),
    ).toHaveLength(1);
    refuses(
      fileSpec.given([opened()]).when(assign('cw-1', 3, { metadata: as(people.colleague) })),
      'follow_up_forbidden',
      403,
    );
  });
});

describe('reopening and transfer', () => {
  const reopen = (metadata = caseworker) =>
    ({ type: 'ReopenFile', data: { reason: 'new hearing date' }, metadata }) as const;

  it('reopens a closed file with a reason; a closed file takes no other command', () => {
    fileSpec
      .given([opened(), closed])
      .when(reopen())
      .then([event('FileReopened', { reason: 'new hearing date' })]);
    refuses(fileSpec.given([opened()]).when(reopen()), 'file_not_closed', 409);
    refuses(
      fileSpec.given([opened(), closed]).when({ ...reopen(), data: { reason: ' ' } }),
      'reopen_reason_required',
      422,
    );
    refuses(fileSpec.given([opened(), closed]).when(assign('cw-1', 0)), 'file_closed', 409);
  });

  it('closes the sender’s file as transferred: a read-only trace', () => {
    fileSpec
      .given([opened()])
      .when({ type: 'TransferFile', data: { referralId: 'ref-2', to: lyon }, metadata: system })
      .then([transferred]);
    refuses(fileSpec.given([opened(), transferred]).when(reopen()), 'file_read_only', 409);
    refuses(fileSpec.given([opened(), transferred]).when(assign('cw-1', 0)), 'file_read_only', 409);
    // Reading succeeds: the whole file is there, with where it went.
    const state = [opened(), transferred].reduce(evolve, initialState());
    expect(state).toMatchObject({
      status: 'transferred',
      file: { fileId: 'file-1' },
      transferredTo: { to: lyon },
    });
  });

  it('makes what the scheduler fires a no-op on a transferred or closed file', () => {
    const flag = { type: 'FlagInactivity', data: {}, metadata: as(people.system, daysLater(100)) } as const;
    fileSpec.given([opened(), transferred]).when(flag).then([]);
    fileSpec.given([opened(), closed]).when(flag).then([]);
    fileSpec
      .given([])
      .when({ type: 'TransferFile', data: { referralId: 'ref-2', to: lyon }, metadata: system })
      .then([]);
  });

  it('refuses a transfer by a person', () => {
    refuses(
      fileSpec
        .given([opened()])
        .when({ type: 'TransferFile', data: { referralId: 'ref-2', to: lyon }, metadata: manager }),
      'follow_up_forbidden',
      403,
    );
  });
});

describe('inactivity', () => {
  const flag = (days: number) =>
    ({ type: 'FlagInactivity', data: {}, metadata: as(people.system, daysLater(days)) }) as const;
  const flagged = event(
    'FileFlaggedInactive',
    { since: at, weeks: 6 },
    'system:follow-up',
    daysLater(42).toISOString(),
  );

  it('flags a file with no activity for 6 weeks, once', () => {
    fileSpec.given([opened()]).when(flag(41)).then([]);
    fileSpec.given([opened()]).when(flag(42)).then([flagged]);
    fileSpec.given([opened(), flagged]).when(flag(50)).then([]);
  });

  it('starts again from the last activity: reminders do not count as activity', () => {
    const action = event(
      'SupportActionRecorded',
      {
        actionId: 'a-1',
        kind: 'legal-information',
        on: daysLater(10).toISOString(),
        durationMinutes: 30,
        channel: 'phone',
        staffIds: ['cw-1'],
        note: null,
      },
      'cw-1',
      daysLater(10).toISOString(),
    );
    fileSpec.given([opened(), flagged, action]).when(flag(51)).then([]);
    expect(fileSpec.given([opened(), flagged, action]).when(flag(52)).events()).toHaveLength(1);
    const reminder = event(
      'ReminderSent',
      { subject: { kind: 'hearing', id: 'h-1' }, dueAt: at, leadHours: 24 },
      'system:follow-up',
      daysLater(30).toISOString(),
    );
    expect(fileSpec.given([opened(), reminder]).when(flag(42)).events()).toHaveLength(1);
  });
});

describe('scope', () => {
  it('keeps every other association out, and the national roles too', () => {
    const record = { type: 'RequestClosure', data: { reason: 'support-completed' } } as const;
    for (const who of [
      people.lyonCaseworker,
      people.helpline,
      people.analyst,
      people.admin,
      people.auditor,
      people.mediator,
    ])
      refuses(fileSpec.given([opened()]).when({ ...record, metadata: as(who) }), 'follow_up_forbidden', 403);
    expect(
      fileSpec
        .given([opened()])
        .when({ ...record, metadata: as(people.colleague) })
        .events(),
    ).toHaveLength(1);
  });
});
