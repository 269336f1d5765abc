import { describe, expect, it } from 'vitest';
import {
  as,
  caseworker,
  daysLater,
  event,
  facts,
  fileSpec,
  manager,
  opened,
  people,
  refuses,
  system,
} from '../test-builders.ts';
import type { FileEvent } from './file.ts';

const hearing = event('HearingScheduled', {
  hearingId: 'h-1',
  court: 'tj-paris',
  chamber: '10e chambre correctionnelle',
  startsAt: daysLater(30).toISOString(),
  accompanimentPlanned: true,
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

  it('refuses penal mediation for violence within a couple, from the category, intake’s link or the assessment', () => {
    refuses(
      fileSpec.given([opened({ offenceCategory: 'couple-violence' })]).when(requestMediation()),
      'penal_mediation_excluded',
      422,
    );
    // Another category, by a former partner as intake recorded it.
    refuses(
      fileSpec
        .given([opened({ offenceCategory: 'sexual-violence', authorLink: 'former-partner' })])
        .when(requestMediation()),
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
