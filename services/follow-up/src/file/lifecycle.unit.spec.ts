import { describe, expect, it } from 'vitest';
import {
  as,
  at,
  caseworker,
  daysLater,
  event,
  facts,
  fileSpec,
  lyon,
  manager,
  opened,
  people,
  refuses,
  system,
} from '../test-builders.ts';
import { evolve, type FileEvent, initialState } from './file.ts';
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
const hearing = event('HearingScheduled', {
  hearingId: 'h-1',
  court: 'tj-paris',
  chamber: '10e chambre correctionnelle',
  startsAt: daysLater(30).toISOString(),
  accompanimentPlanned: true,
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

describe('closure', () => {
  const request = (
    reason: 'support-completed' | 'unreachable' | 'transferred' | 'other',
    metadata = caseworker,
    details?: string,
  ) => ({ type: 'RequestClosure', data: { reason, ...(details ? { details } : {}) }, metadata }) as const;

  it('closes at once when nothing is still open', () => {
    fileSpec
      .given([opened()])
      .when(request('support-completed'))
      .then([event('FileClosed', { reason: 'support-completed', requestedBy: 'cw-1', openItems: [] })]);
  });

  it('asks the office manager when a hearing is still to come', () => {
    fileSpec
      .given([opened(), hearing])
      .when(request('support-completed'))
      .then([event('ClosureRequested', { reason: 'support-completed', openItems: ['hearing'] })]);
  });

  it('names every open item: hearing, running compensation deadline, mediation', () => {
    const given: FileEvent[] = [
      opened(),
      hearing,
      event('CompensationDeadlineTracked', {
        scheme: 'civi',
        closesOn: '2026-01-10',
        basis: [{ code: 'civi-deadline', reference: 'CPP art. 706-5' }],
      }),
      event('MediationRequested', {
        mediationRequestId: 'med-1',
        victimConsent: true,
        offenceCategory: 'physical-violence',
      }),
    ];
    expect(fileSpec.given(given).when(request('support-completed')).events()[0]).toMatchObject({
      type: 'ClosureRequested',
      data: { openItems: ['hearing', 'compensation-deadline', 'mediation'] },
    });
  });

  it('does not count a deadline already passed, claimed or waived, nor a hearing held', () => {
    const tracked = (closesOn: string) =>
      event('CompensationDeadlineTracked', { scheme: 'civi', closesOn, basis: [] });
    const held = event('HearingHeld', { hearingId: 'h-1' });
    for (const given of [
      [opened(), tracked('2025-06-01')],
      [
        opened(),
        tracked('2026-06-01'),
        event('CompensationClaimFiled', { scheme: 'civi', filedOn: '2025-05-01', late: false }),
      ],
      [
        opened(),
        tracked('2026-06-01'),
        event('CompensationWaived', { scheme: 'civi', reason: 'victim-declined' }),
      ],
      [opened(), hearing, held],
    ] as FileEvent[][])
      expect(fileSpec.given(given).when(request('support-completed')).events()[0]?.type).toBe('FileClosed');
  });

  it('closes with the approval of the office manager who asks it', () => {
    fileSpec
      .given([opened(), hearing])
      .when(request('support-completed', manager))
      .then([
        event(
          'FileClosed',
          { reason: 'support-completed', requestedBy: 'om-1', approvedBy: 'om-1', openItems: ['hearing'] },
          'om-1',
        ),
      ]);
  });

  it('is approved or refused by the office manager, not by a caseworker', () => {
    const requested = event('ClosureRequested', { reason: 'support-completed', openItems: ['hearing'] });
    fileSpec
      .given([opened(), hearing, requested])
      .when({ type: 'ApproveClosure', data: {}, metadata: manager })
      .then([
        event(
          'FileClosed',
          { reason: 'support-completed', requestedBy: 'cw-1', approvedBy: 'om-1', openItems: ['hearing'] },
          'om-1',
        ),
      ]);
    fileSpec
      .given([opened(), hearing, requested])
      .when({ type: 'RefuseClosure', data: { comment: 'the hearing first' }, metadata: manager })
      .then([event('ClosureRefused', { comment: 'the hearing first' }, 'om-1')]);
    refuses(
      fileSpec
        .given([opened(), hearing, requested])
        .when({ type: 'ApproveClosure', data: {}, metadata: caseworker }),
      'follow_up_forbidden',
      403,
    );
    refuses(
      fileSpec
        .given([opened(), hearing, requested])
        .when({ type: 'ApproveClosure', data: {}, metadata: as(people.otherManager) }),
      'follow_up_forbidden',
      403,
    );
    refuses(
      fileSpec.given([opened(), hearing, requested]).when(request('support-completed')),
      'closure_pending',
      409,
    );
    refuses(
      fileSpec.given([opened()]).when({ type: 'ApproveClosure', data: {}, metadata: manager }),
      'no_closure_pending',
      409,
    );
  });

  it('goes back to open after a refusal, and can be requested again', () => {
    const given = [
      opened(),
      hearing,
      event('ClosureRequested', { reason: 'support-completed', openItems: ['hearing'] }),
      event('ClosureRefused', {}, 'om-1'),
    ];
    expect(fileSpec.given(given).when(request('support-completed')).events()[0]?.type).toBe(
      'ClosureRequested',
    );
  });

  it('keeps the transferred reason for transfers, and asks which other reason', () => {
    refuses(fileSpec.given([opened()]).when(request('transferred')), 'closure_reason_reserved', 422);
    refuses(fileSpec.given([opened()]).when(request('other')), 'closure_details_required', 422);
    expect(
      fileSpec
        .given([opened()])
        .when(request('other', caseworker, 'moved abroad'))
        .events()[0],
    ).toMatchObject({
      data: { reason: 'other', details: 'moved abroad' },
    });
  });

  it('closes as unreachable after 3 unanswered attempts over 14 days, not before', () => {
    const attempt = (id: string, day: number, answered = false): FileEvent[] => {
      const when = daysLater(day).toISOString();
      return [
        event(
          'ContactAttemptStarted',
          { attemptId: id, channel: 'phone', number: 'other', localTime: '11:00', timeZone: 'Europe/Paris' },
          'cw-1',
          when,
        ),
        event('ContactAttemptEnded', { attemptId: id, answered, voicemailLeft: false }, 'cw-1', when),
      ];
    };
    const closeLater = { ...request('unreachable'), metadata: as(people.caseworker, daysLater(20)) };
    refuses(
      fileSpec.given([opened(), ...attempt('a1', 0), ...attempt('a2', 7)]).when(closeLater),
      'unreachable_too_early',
      409,
    );
    refuses(
      fileSpec
        .given([opened(), ...attempt('a1', 0), ...attempt('a2', 1), ...attempt('a3', 2)])
        .when(closeLater),
      'unreachable_too_early',
    );
    expect(
      fileSpec
        .given([opened(), ...attempt('a1', 0), ...attempt('a2', 7), ...attempt('a3', 14)])
        .when(closeLater)
        .events()[0],
    ).toMatchObject({ type: 'FileClosed', data: { reason: 'unreachable' } });
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

describe('mediation request', () => {
  const requestMediation = (victimConsents = true, mediationRequestId = 'med-1') =>
    ({
      type: 'RequestMediation',
      data: { mediationRequestId, court: 'tj-paris', victimConsents },
      metadata: caseworker,
    }) as const;
  const requested = event('MediationRequested', {
    mediationRequestId: 'med-1',
    court: 'tj-paris',
    victimConsent: true,
    offenceCategory: 'physical-violence',
  });

  it('requests a mediation with the victim’s consent, once', () => {
    fileSpec.given([opened()]).when(requestMediation()).then([requested]);
    fileSpec.given([opened(), requested]).when(requestMediation()).then([]);
    refuses(
      fileSpec.given([opened(), requested]).when(requestMediation(true, 'med-2')),
      'mediation_already_open',
      409,
    );
    refuses(fileSpec.given([opened()]).when(requestMediation(false)), 'mediation_consent_required', 422);
  });

  it('refuses penal mediation for violence within a couple, from the category or the assessment', () => {
    refuses(
      fileSpec.given([opened({ offenceCategory: 'couple-violence' })]).when(requestMediation()),
      'penal_mediation_excluded',
      422,
    );
    const assessed = event('EvviSubmitted', {
      version: 1,
      requestId: 'r-1',
      level: 'high',
      measures: [],
      opinion: facts().personal,
      criteria: {
        harm: { physical: 'serious', psychological: 'serious', material: 'none' },
        circumstances: { discriminatoryMotive: false, sexistMotive: false, linkWithAuthor: 'former-partner' },
        personal: { minor: false, elderly: false, pregnancy: false, disability: false },
        riskOfIntimidationOrReprisals: true,
        coerciveControl: true,
      },
    });
    refuses(fileSpec.given([opened(), assessed]).when(requestMediation()), 'penal_mediation_excluded');
  });

  it('records the mediation service’s outcome, which frees the closure', () => {
    const outcome = {
      type: 'RecordMediationOutcome',
      data: { mediationRequestId: 'med-1', outcome: 'agreement' },
      metadata: system,
    } as const;
    fileSpec
      .given([opened(), requested])
      .when(outcome)
      .then([
        event(
          'MediationOutcomeRecorded',
          { mediationRequestId: 'med-1', outcome: 'agreement' },
          'system:follow-up',
        ),
      ]);
    refuses(fileSpec.given([opened()]).when(outcome), 'no_mediation', 409);
    const done = event(
      'MediationOutcomeRecorded',
      { mediationRequestId: 'med-1', outcome: 'agreement' },
      'system:follow-up',
    );
    fileSpec.given([opened(), requested, done]).when(outcome).then([]);
    expect(
      fileSpec
        .given([opened(), requested, done])
        .when({ type: 'RequestClosure', data: { reason: 'support-completed' }, metadata: caseworker })
        .events()[0]?.type,
    ).toBe('FileClosed');
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
