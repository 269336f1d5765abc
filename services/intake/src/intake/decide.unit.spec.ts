// Over 300 lines: the given/when/then of every command of the intake's decider.
import { DomainError } from '@parcours/service-kit';
import { deciderSpec } from '@parcours/testing';
import { describe, expect, it } from 'vitest';
import { intakeDecider } from './decide.ts';
import { dataSubjects, type IntakeEvent, type IntakeProfile } from './intake.ts';
import {
  agreements,
  at,
  caseworker75,
  envelope,
  helplineRecorded,
  listener,
  offices,
  profile,
  readyEvent,
  recording,
} from './test-builders.ts';

const spec = deciderSpec(intakeDecider);
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { code: (error as DomainError).code, status: (error as DomainError).status };
  }
  throw new Error('expected the command to be refused');
};

describe('RecordHelplineCall', () => {
  it('records the call and orients the victim when the listener chose orientation', () => {
    const events = spec
      .given([])
      .when({
        type: 'RecordHelplineCall',
        data: { ...recording(), caller: 'victim', outcome: 'orientation', anonymous: false },
        metadata: listener,
      })
      .events();
    expect(events.map((e) => e.type)).toEqual(['IntakeRecorded', 'IntakeReadyForOrientation']);
    expect(events[0]).toEqual(helplineRecorded('orientation'));
    expect(events[1]).toEqual(readyEvent());
  });

  it('records a call needing a callback without orienting it', () => {
    spec
      .given([])
      .when({
        type: 'RecordHelplineCall',
        data: { ...recording(), caller: 'victim', outcome: 'callback-needed', anonymous: false },
        metadata: listener,
      })
      .then([helplineRecorded('callback-needed')]);
  });

  it('allows an anonymous call from a relative, without personal data', () => {
    const [recorded] = spec
      .given([])
      .when({
        type: 'RecordHelplineCall',
        data: {
          ...recording({ personal: null, hasIdentity: false, matchKey: null }),
          caller: 'relative',
          outcome: 'information-given',
          anonymous: true,
        },
        metadata: listener,
      })
      .events();
    expect(recorded?.type).toBe('IntakeRecorded');
    expect(recorded?.data).toMatchObject({
      personal: null,
      details: { channel: 'helpline', caller: 'relative', anonymous: true, outcome: 'information-given' },
    });
  });

  it('refuses an identity on an anonymous call', () => {
    const run = spec.given([]).when({
      type: 'RecordHelplineCall',
      data: { ...recording(), caller: 'victim', outcome: 'orientation', anonymous: true },
      metadata: listener,
    }).events;
    expect(code(run)).toEqual({ code: 'anonymous_with_identity', status: 422 });
  });

  it('refuses to record the same intake twice', () => {
    spec
      .given([helplineRecorded()])
      .when({
        type: 'RecordHelplineCall',
        data: { ...recording(), caller: 'victim', outcome: 'orientation', anonymous: false },
        metadata: listener,
      })
      .thenThrows(/already recorded/);
  });

  it('keeps an orientation call open when consent for services is missing', () => {
    const events = spec
      .given([])
      .when({
        type: 'RecordHelplineCall',
        data: {
          ...recording({ profile: profile({ consent: { services: false, sharing: false } }) }),
          caller: 'victim',
          outcome: 'orientation',
          anonymous: false,
        },
        metadata: listener,
      })
      .events();
    expect(events.map((e) => e.type)).toEqual(['IntakeRecorded']);
  });

  it('keeps an orientation call open when a French residence lacks its commune code', () => {
    const events = spec
      .given([])
      .when({
        type: 'RecordHelplineCall',
        data: {
          ...recording({ profile: profile({ residence: { countryCode: 'FR', postcode: '75011' } }) }),
          caller: 'victim',
          outcome: 'orientation',
          anonymous: false,
        },
        metadata: listener,
      })
      .events();
    expect(events.map((e) => e.type)).toEqual(['IntakeRecorded']);
  });

  it('keeps a couple’s violence open until intake says which couple, current or former', () => {
    const call = (authorLink: IntakeProfile['authorLink']) =>
      spec
        .given([])
        .when({
          type: 'RecordHelplineCall',
          data: {
            ...recording({ profile: { ...profile(), authorLink } }),
            caller: 'victim',
            outcome: 'orientation',
            anonymous: false,
          },
          metadata: listener,
        })
        .events()
        .map((e) => e.type);
    expect(call(undefined)).toEqual(['IntakeRecorded']);
    expect(call('family')).toEqual(['IntakeRecorded']);
    expect(call('former-partner')).toEqual(['IntakeRecorded', 'IntakeReadyForOrientation']);
    expect(call('partner')).toEqual(['IntakeRecorded', 'IntakeReadyForOrientation']);
  });

  it('orients a victim living abroad with a foreign postcode and no commune', () => {
    const events = spec
      .given([])
      .when({
        type: 'RecordHelplineCall',
        data: {
          ...recording({ profile: profile({ residence: { countryCode: 'BE', postcode: '1000' } }) }),
          caller: 'victim',
          outcome: 'orientation',
          anonymous: false,
        },
        metadata: listener,
      })
      .events();
    expect(events.map((e) => e.type)).toEqual(['IntakeRecorded', 'IntakeReadyForOrientation']);
  });
});

describe('RecordWalkIn', () => {
  const walkIn = (overrides: Record<string, unknown> = {}, metadata = caseworker75) => ({
    type: 'RecordWalkIn' as const,
    data: {
      ...recording(),
      officeId: 'office-75-bav',
      officeType: 'court-victim-office' as const,
      offices,
      ...overrides,
    },
    metadata,
  });

  it('records a walk-in at the caseworker’s own office and orients it', () => {
    const events = spec.given([]).when(walkIn()).events();
    expect(events.map((e) => e.type)).toEqual(['IntakeRecorded', 'IntakeReadyForOrientation']);
    expect(events[0]?.data).toMatchObject({
      details: {
        channel: 'walk-in',
        officeId: 'office-75-bav',
        officeType: 'court-victim-office',
        associationId: 'asso-75',
      },
      recordedBy: 'cw-75',
    });
  });

  it('refuses an office that is not in the directory (422)', () => {
    expect(code(spec.given([]).when(walkIn({ officeId: 'office-nowhere' })).events)).toEqual({
      code: 'unknown_office',
      status: 422,
    });
  });

  it('refuses an office type that contradicts the directory', () => {
    expect(code(spec.given([]).when(walkIn({ officeType: 'gendarmerie' })).events)).toEqual({
      code: 'office_type_mismatch',
      status: 422,
    });
  });

  it('records for any office of the directory: who may record where is access.ts', () => {
    const events = spec
      .given([])
      .when(walkIn({ officeId: 'office-75-hosp', officeType: 'hospital' }))
      .events();
    expect(events[0]?.type).toBe('IntakeRecorded');
  });

  it('requires an identity', () => {
    expect(code(spec.given([]).when(walkIn({ hasIdentity: false })).events).code).toBe('identity_required');
  });
});

describe('RecordRequisition', () => {
  const requisition = (dueDate: string, evviRequested = true) => ({
    type: 'RecordRequisition' as const,
    data: {
      ...recording(),
      prosecutorReference: 'PARQUET-75-2025-00042',
      court: 'TJ Paris',
      dueDate,
      evviRequested,
    },
    metadata: caseworker75,
  });

  it('records the prosecutor’s reference, due date and EVVI request', () => {
    const events = spec.given([]).when(requisition('2025-06-16')).events();
    expect(events.map((e) => e.type)).toEqual(['IntakeRecorded', 'IntakeReadyForOrientation']);
    expect(events[0]?.data).toMatchObject({
      details: {
        channel: 'requisition',
        prosecutorReference: 'PARQUET-75-2025-00042',
        court: 'TJ Paris',
        dueDate: '2025-06-16',
        evviRequested: true,
      },
    });
  });

  it('accepts a requisition due today but not one already due', () => {
    expect(spec.given([]).when(requisition('2025-06-02', false)).events()[0]?.type).toBe('IntakeRecorded');
    expect(code(spec.given([]).when(requisition('2025-06-01')).events).code).toBe(
      'requisition_due_date_past',
    );
  });
});

describe('RecordPartnerIntake', () => {
  const partner = (agreementId: string, attackedAtWork = true) => ({
    type: 'RecordPartnerIntake' as const,
    data: { ...recording(), agreementId, employer: 'Banque Exemple', attackedAtWork, agreements },
    metadata: listener,
  });

  it('records an employee attacked at work under an agreement in force', () => {
    const events = spec.given([]).when(partner('agr-bank')).events();
    expect(events[0]?.data).toMatchObject({
      details: {
        channel: 'partner',
        agreementId: 'agr-bank',
        partnerId: 'partner-bank',
        employer: 'Banque Exemple',
        attackedAtWork: true,
      },
    });
    expect(events[1]?.type).toBe('IntakeReadyForOrientation');
  });

  it('refuses an unknown agreement with a 422', () => {
    expect(code(spec.given([]).when(partner('agr-none')).events)).toEqual({
      code: 'unknown_agreement',
      status: 422,
    });
  });

  it('refuses an agreement no longer in force', () => {
    expect(code(spec.given([]).when(partner('agr-old')).events).code).toBe('agreement_not_in_force');
  });

  it('refuses a victim not attacked at work', () => {
    expect(code(spec.given([]).when(partner('agr-bank', false)).events).code).toBe(
      'not_covered_by_agreement',
    );
  });
});

describe('RecordMassEventIntake', () => {
  const massIntake = (massEvent: { massEventId: string; status: 'open' | 'closed' } | undefined) => ({
    type: 'RecordMassEventIntake' as const,
    data: { ...recording(), massEventId: 'me-1', massEvent, importId: 'imp-1', row: 7 },
    metadata: listener,
  });

  it('records a victim of an open event with the import row', () => {
    const events = spec
      .given([])
      .when(massIntake({ massEventId: 'me-1', status: 'open' }))
      .events();
    expect(events[0]?.data).toMatchObject({
      details: { channel: 'mass-event', massEventId: 'me-1', importId: 'imp-1', row: 7 },
    });
    expect(events[1]?.type).toBe('IntakeReadyForOrientation');
  });

  it('refuses an unknown event (422) and a closed one', () => {
    expect(code(spec.given([]).when(massIntake(undefined)).events)).toEqual({
      code: 'unknown_mass_event',
      status: 422,
    });
    expect(code(spec.given([]).when(massIntake({ massEventId: 'me-1', status: 'closed' })).events).code).toBe(
      'mass_event_closed',
    );
  });
});

describe('consent', () => {
  const noConsent = (outcome: 'orientation' | 'callback-needed' = 'orientation') =>
    helplineRecorded(outcome, { profile: profile({ consent: { services: false, sharing: false } }) });

  it('an override needs a reason', () => {
    expect(
      code(
        spec
          .given([noConsent()])
          .when({ type: 'OverrideConsent', data: { reason: '   ' }, metadata: listener }).events,
      ).code,
    ).toBe('override_reason_required');
  });

  it('an override is recorded with its actor and orients the complete intake', () => {
    spec
      .given([noConsent()])
      .when({ type: 'OverrideConsent', data: { reason: 'Minor in danger' }, metadata: listener })
      .then([
        {
          type: 'ConsentOverridden',
          data: { intakeId: 'intake-1', reason: 'Minor in danger', by: 'listener-1', at },
        },
        readyEvent(),
      ]);
  });

  it('an override does not orient a call that needs a callback', () => {
    const events = spec
      .given([noConsent('callback-needed')])
      .when({ type: 'OverrideConsent', data: { reason: 'Danger' }, metadata: listener })
      .events();
    expect(events.map((e) => e.type)).toEqual(['ConsentOverridden']);
  });

  it('nothing to override when the victim consented', () => {
    expect(
      code(
        spec
          .given([helplineRecorded()])
          .when({ type: 'OverrideConsent', data: { reason: 'x' }, metadata: listener }).events,
      ),
    ).toEqual({ code: 'consent_not_missing', status: 409 });
  });

  it('consent given later orients the intake', () => {
    spec
      .given([noConsent()])
      .when({ type: 'RecordConsent', data: { services: true, sharing: false }, metadata: listener })
      .then([
        {
          type: 'ConsentRecorded',
          data: { intakeId: 'intake-1', consent: { services: true, sharing: false }, by: 'listener-1', at },
        },
        readyEvent(),
      ]);
  });

  it('consent on an unknown intake is a 404', () => {
    expect(
      code(
        spec
          .given([])
          .when({ type: 'RecordConsent', data: { services: true, sharing: true }, metadata: listener })
          .events,
      ),
    ).toEqual({ code: 'intake_not_found', status: 404 });
  });
});

describe('MarkReadyForOrientation', () => {
  const mark = { type: 'MarkReadyForOrientation' as const, data: {}, metadata: listener };

  it('orients a complete intake that was waiting for a callback', () => {
    spec
      .given([helplineRecorded('callback-needed')])
      .when(mark)
      .then([readyEvent()]);
  });

  it('is a no-op on an intake already ready', () => {
    spec
      .given([helplineRecorded('orientation'), readyEvent()])
      .when(mark)
      .then([]);
  });

  it('names what is missing', () => {
    const given: IntakeEvent[] = [
      helplineRecorded('callback-needed', {
        profile: profile({ residence: { countryCode: 'FR' }, consent: { services: false, sharing: false } }),
      }),
    ];
    try {
      spec.given(given).when(mark).events();
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as DomainError).code).toBe('intake_incomplete');
      expect((error as DomainError).errors?.map((e) => e.field)).toEqual([
        'residence.postcode',
        'residence.communeCode',
        'consent.services',
      ]);
    }
  });
});

describe('MergeIntakes', () => {
  const merge = (into: string, survivor: { status: 'none' | 'open' | 'ready' | 'merged' } | undefined) => ({
    type: 'MergeIntakes' as const,
    data: { into, survivor },
    metadata: listener,
  });

  it('merges a duplicate into the surviving intake, with its actor', () => {
    spec
      .given([helplineRecorded()])
      .when(merge('intake-2', { status: 'ready' }))
      .then([
        { type: 'IntakeMerged', data: { intakeId: 'intake-1', into: 'intake-2', by: 'listener-1', at } },
      ]);
  });

  it('refuses a merge into itself, into nothing, into a merged intake, or of a merged intake', () => {
    expect(
      code(spec.given([helplineRecorded()]).when(merge('intake-1', { status: 'open' })).events).code,
    ).toBe('merge_into_itself');
    expect(code(spec.given([helplineRecorded()]).when(merge('intake-2', undefined)).events).code).toBe(
      'merge_target_not_found',
    );
    expect(
      code(spec.given([helplineRecorded()]).when(merge('intake-2', { status: 'merged' })).events).code,
    ).toBe('merge_target_merged');
    const merged: IntakeEvent = {
      type: 'IntakeMerged',
      data: { intakeId: 'intake-1', into: 'intake-3', by: 'x', at },
    };
    expect(
      code(spec.given([helplineRecorded(), merged]).when(merge('intake-2', { status: 'open' })).events),
    ).toEqual({ code: 'intake_merged', status: 409 });
  });
});

describe('ErasePersonalData', () => {
  const erase = {
    type: 'ErasePersonalData' as const,
    data: { reason: 'art. 17 request' },
    metadata: listener,
  };

  it('records the erasure with its reason and actor, for any recorded intake, merged ones included', () => {
    const erased: IntakeEvent = {
      type: 'PersonalDataErased',
      data: {
        intakeId: 'intake-1',
        victimId: helplineRecorded().data.victimId,
        reason: 'art. 17 request',
        by: 'listener-1',
        at,
      },
    };
    spec.given([helplineRecorded()]).when(erase).then([erased]);
    const merged: IntakeEvent = {
      type: 'IntakeMerged',
      data: { intakeId: 'intake-1', into: 'intake-3', by: 'x', at },
    };
    spec.given([helplineRecorded(), merged]).when(erase).then([erased]);
  });

  it('refuses an unknown intake (404) and a second erasure (409)', () => {
    expect(code(spec.given([]).when(erase).events)).toEqual({ code: 'intake_not_found', status: 404 });
    const erased: IntakeEvent = {
      type: 'PersonalDataErased',
      data: { intakeId: 'intake-1', victimId: 'v', reason: 'r', by: 'x', at },
    };
    expect(code(spec.given([helplineRecorded(), erased]).when(erase).events)).toEqual({
      code: 'personal_data_erased',
      status: 409,
    });
  });
});

describe('CorrectProfile', () => {
  const noCommune = { countryCode: 'FR', postcode: '20200' };
  const recordedWithout = helplineRecorded('orientation', { profile: profile({ residence: noCommune }) });
  const correct = (changes: object, matchKey?: string) => ({
    type: 'CorrectProfile' as const,
    data: { changes, ...(matchKey ? { matchKey } : {}) },
    metadata: listener,
  });

  it('given an intake waiting for its commune, when the commune is chosen, then it is ready', () => {
    const residence = { ...noCommune, communeCode: '2B033' };
    spec
      .given([recordedWithout])
      .when(correct({ residence }, 'mk-2'))
      .then([
        {
          type: 'IntakeProfileCorrected',
          data: { intakeId: 'intake-1', changes: { residence }, matchKey: 'mk-2', by: 'listener-1', at },
        },
        readyEvent(),
      ]);
  });

  it('corrects without orienting what still misses a fact, or what waits for a callback', () => {
    const events = spec
      .given([recordedWithout])
      .when(correct({ urgency: 'immediate' }))
      .events();
    expect(events.map((e) => e.type)).toEqual(['IntakeProfileCorrected']);
    const callback = helplineRecorded('callback-needed');
    expect(
      spec
        .given([callback])
        .when(correct({ needs: [] }))
        .events()
        .map((e) => e.type),
    ).toEqual(['IntakeProfileCorrected']);
  });

  it('refuses once oriented (409), on a merged or unknown intake, and an empty correction', () => {
    const ready = [helplineRecorded('orientation'), readyEvent()];
    expect(code(spec.given(ready).when(correct({ urgency: 'low' })).events)).toEqual({
      code: 'intake_already_oriented',
      status: 409,
    });
    expect(code(spec.given([]).when(correct({ urgency: 'low' })).events).code).toBe('intake_not_found');
    expect(code(spec.given([recordedWithout]).when(correct({})).events).code).toBe('nothing_to_correct');
  });
});

describe('LinkCallback', () => {
  const link = { type: 'LinkCallback' as const, data: { taskId: 'task-1' }, metadata: listener };
  const linked: IntakeEvent = {
    type: 'CallbackLinked',
    data: { intakeId: 'intake-1', taskId: 'task-1', by: 'listener-1', at },
  };

  it('links a callback once; its caller is then among the subjects an erasure deletes', () => {
    spec.given([helplineRecorded()]).when(link).then([linked]);
    spec.given([helplineRecorded(), linked]).when(link).then([]);
    const state = [helplineRecorded(), linked].reduce(intakeDecider.evolve, intakeDecider.initialState());
    if (state.status === 'none') throw new Error('not recorded');
    expect(dataSubjects(state.intake)).toEqual(['victim-1', 'caller-task-1']);
  });

  it('refuses an unknown intake (422 naming the field) and an erased one (409)', () => {
    expect(code(spec.given([]).when(link).events)).toEqual({ code: 'unknown_intake', status: 422 });
    const erased: IntakeEvent = {
      type: 'PersonalDataErased',
      data: { intakeId: 'intake-1', victimId: 'v', reason: 'r', by: 'x', at },
    };
    expect(code(spec.given([helplineRecorded(), erased]).when(link).events).code).toBe(
      'personal_data_erased',
    );
  });
});

describe('personal data', () => {
  it('IntakeRecorded carries the envelope, never fields in clear', () => {
    const [recorded] = spec
      .given([])
      .when({
        type: 'RecordHelplineCall',
        data: { ...recording(), caller: 'victim', outcome: 'orientation', anonymous: false },
        metadata: listener,
      })
      .events();
    expect(recorded?.data).toMatchObject({ personal: envelope });
    expect(Object.keys(recorded?.data ?? {})).not.toContain('identity');
  });
});
