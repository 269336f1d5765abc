import { deciderSpec } from '@parcours/testing';
import { describe, expect, it } from 'vitest';
import {
  at,
  commands,
  local,
  mediator,
  mediatorActor,
  policy,
  rejection,
  slot as slotOn,
} from '../test-builders.ts';
import type { MediatorCommand } from './decide.ts';
import { mediatorDecider } from './decide.ts';
import { eligibilityConflicts, isAvailable } from './eligibility.ts';
import type { Authorisation, MediatorEvent } from './mediator.ts';

const spec = deciderSpec(mediatorDecider(policy));
const manager = {
  ...mediatorActor,
  actor: { id: 'om-75', roles: ['office-manager'], association: 'asso-75' },
};
const cmd = commands<MediatorCommand>(manager);
const registered: MediatorEvent = {
  type: 'MediatorRegistered',
  data: { mediatorId: 'med-1', associationId: 'asso-75', birthDate: '1968-05-10', by: 'om-75', at },
};
const authorise = (authorisationId: string, from: string, court = 'tj-paris', minors = false) =>
  cmd('AuthoriseMediator', {
    authorisationId,
    court,
    from,
    minors,
    decisionReference: `dec-${authorisationId}`,
  });
const authorised = (authorisation: Authorisation): MediatorEvent => ({
  type: 'MediatorAuthorised',
  data: { mediatorId: 'med-1', authorisation, by: 'om-75', at },
});
const probation: Authorisation = {
  authorisationId: 'a-1',
  court: 'tj-paris',
  kind: 'probationary',
  from: '2025-09-01',
  until: '2026-09-01',
  minors: false,
  decisionReference: 'dec-a-1',
};

describe('registering and authorising a mediator', () => {
  it('registers once; the same registration again is a no-op', () => {
    const register = cmd('RegisterMediator', {
      mediatorId: 'med-1',
      associationId: 'asso-75',
      birthDate: '1968-05-10',
    });
    spec.given([]).when(register).then([registered]);
    spec.given([registered]).when(register).then([]);
    expect(
      rejection(
        spec.given([registered]).when(cmd('RegisterMediator', { ...register.data, associationId: 'asso-69' }))
          .events,
      ),
    ).toMatchObject({ code: 'mediator_exists' });
  });

  it('names a mediator, and naming them the same again is a no-op', () => {
    const named = spec
      .given([registered])
      .when(cmd('NameMediator', { name: 'Claire Martin' }))
      .events();
    expect(named).toMatchObject([
      { type: 'MediatorNamed', data: { mediatorId: 'med-1', name: 'Claire Martin' } },
    ]);
    spec
      .given([registered, ...(named as MediatorEvent[])])
      .when(cmd('NameMediator', { name: 'Claire Martin' }))
      .then([]);
    expect(
      rejection(spec.given([]).when(cmd('NameMediator', { name: 'Claire Martin' })).events),
    ).toMatchObject({ code: 'mediator_not_found' });
  });

  it('gives a first authorisation at a court for one probationary year', () => {
    spec
      .given([registered])
      .when(authorise('a-1', '2025-09-01'))
      .then([authorised(probation)]);
  });

  it('gives the next one at the same court for five years, and a first one elsewhere for one year', () => {
    const [full] = spec
      .given([registered, authorised(probation)])
      .when(authorise('a-2', '2026-09-01'))
      .events();
    expect(full?.type === 'MediatorAuthorised' && full.data.authorisation).toMatchObject({
      kind: 'full',
      from: '2026-09-01',
      until: '2031-09-01',
    });
    const [elsewhere] = spec
      .given([registered, authorised(probation)])
      .when(authorise('a-3', '2026-01-05', 'tj-creteil'))
      .events();
    expect(elsewhere?.type === 'MediatorAuthorised' && elsewhere.data.authorisation).toMatchObject({
      kind: 'probationary',
      until: '2027-01-05',
    });
  });

  it('refuses an authorisation from the day the mediator reaches the age limit', () => {
    const old: MediatorEvent = {
      ...registered,
      data: { ...registered.data, birthDate: '1951-03-01' },
    } as MediatorEvent;
    expect(rejection(spec.given([old]).when(authorise('a-1', '2026-03-01')).events)).toMatchObject({
      code: 'mediator_age_limit',
      status: 422,
    });
    expect(spec.given([old]).when(authorise('a-1', '2026-02-28')).events()).toHaveLength(1);
  });

  it('withdraws an authorisation from a date, once', () => {
    const withdraw = cmd('WithdrawAuthorisation', {
      authorisationId: 'a-1',
      on: '2026-02-01',
      reason: 'prosecutor decision',
    });
    const withdrawn: MediatorEvent = {
      type: 'AuthorisationWithdrawn',
      data: {
        mediatorId: 'med-1',
        authorisationId: 'a-1',
        on: '2026-02-01',
        reason: 'prosecutor decision',
        by: 'om-75',
        at,
      },
    };
    spec
      .given([registered, authorised(probation)])
      .when(withdraw)
      .then([withdrawn]);
    spec
      .given([registered, authorised(probation), withdrawn])
      .when(withdraw)
      .then([]);
    expect(rejection(spec.given([registered]).when(withdraw).events)).toMatchObject({
      code: 'authorisation_not_found',
    });
  });

  it('knows no mediator before registration', () => {
    expect(rejection(spec.given([]).when(authorise('a-1', '2025-09-01')).events)).toMatchObject({
      code: 'mediator_not_found',
      status: 404,
    });
  });
});

describe('authorisation dates', () => {
  const check = (
    authorisations: Authorisation[],
    dates: string[],
    minors = false,
    birthDate = '1968-05-10',
  ) =>
    eligibilityConflicts(
      { ...mediator, birthDate, authorisations },
      { court: 'tj-paris', dates, minors },
      policy,
    );

  it('holds from its first day to the day before its end', () => {
    expect(check([probation], ['2025-09-01'])).toEqual([]);
    expect(check([probation], ['2026-08-31'])).toEqual([]);
    expect(check([probation], ['2026-09-01'])).toEqual(['authorisation_lapsed']);
    expect(check([probation], ['2025-08-31'])).toEqual(['authorisation_lapsed']);
  });

  it('continues without a gap when renewed, and stops on the day of a withdrawal', () => {
    const full = {
      ...probation,
      authorisationId: 'a-2',
      kind: 'full' as const,
      from: '2026-09-01',
      until: '2031-09-01',
    };
    expect(check([probation, full], ['2026-08-31', '2026-09-01', '2031-08-31'])).toEqual([]);
    expect(check([{ ...probation, withdrawnOn: '2026-01-10' }], ['2026-01-09'])).toEqual([]);
    expect(check([{ ...probation, withdrawnOn: '2026-01-10' }], ['2026-01-10'])).toEqual([
      'authorisation_lapsed',
    ]);
  });

  it('needs the minors authorisation for a minor, and applies the age limit from the birthday on', () => {
    expect(check([probation], ['2026-03-10'], true)).toEqual(['not_authorised_for_minors']);
    expect(check([{ ...probation, minors: true }], ['2026-03-10'], true)).toEqual([]);
    expect(check([probation], ['2026-03-09'], false, '1951-03-10')).toEqual([]);
    expect(check([probation], ['2026-03-10'], false, '1951-03-10')).toEqual(['mediator_age_limit']);
    const older = eligibilityConflicts(
      { ...mediator, birthDate: '1951-03-10' },
      { court: 'tj-paris', dates: ['2026-03-10'], minors: false },
      { ...policy, mediatorAgeLimit: { ...policy.mediatorAgeLimit, years: 76 } },
    );
    expect(older).toEqual([]);
  });
});

describe('availability', () => {
  const window = (weekday: number, from: string, to: string) => ({ weekday, from, to });

  it('sets a weekly pattern and refuses an invalid window, naming it', () => {
    const windows = [window(2, '09:00', '12:30'), window(4, '14:00', '18:00')];
    spec
      .given([registered])
      .when(cmd('SetWeeklyAvailability', { windows }))
      .then([{ type: 'WeeklyAvailabilitySet', data: { mediatorId: 'med-1', windows, by: 'om-75', at } }]);
    const refused = rejection(
      spec.given([registered]).when(
        cmd('SetWeeklyAvailability', {
          windows: [window(2, '09:00', '12:30'), window(8, '14:00', '13:00')],
        }),
      ).events,
    );
    expect(refused).toMatchObject({ code: 'invalid_window', errors: [{ field: '/body/windows/1' }] });
  });

  it('adds and removes exceptions, each once', () => {
    const exception = {
      exceptionId: 'x-1',
      kind: 'absence' as const,
      start: local('2026-03-10', '09:00').toISOString(),
      end: local('2026-03-10', '18:00').toISOString(),
    };
    const addedException: MediatorEvent = {
      type: 'AvailabilityExceptionAdded',
      data: { mediatorId: 'med-1', exception, by: 'om-75', at },
    };
    spec.given([registered]).when(cmd('AddAvailabilityException', exception)).then([addedException]);
    spec.given([registered, addedException]).when(cmd('AddAvailabilityException', exception)).then([]);
    spec
      .given([registered, addedException])
      .when(cmd('RemoveAvailabilityException', { exceptionId: 'x-1' }))
      .then([
        {
          type: 'AvailabilityExceptionRemoved',
          data: { mediatorId: 'med-1', exceptionId: 'x-1', by: 'om-75', at },
        },
      ]);
    spec
      .given([registered])
      .when(cmd('RemoveAvailabilityException', { exceptionId: 'x-1' }))
      .then([]);
    expect(
      rejection(
        spec.given([registered]).when(cmd('AddAvailabilityException', { ...exception, end: exception.start }))
          .events,
      ),
    ).toMatchObject({ code: 'invalid_range' });
  });

  it('reads the weekly pattern in Paris time on both sides of the change to summer time', () => {
    const morning = [window(1, '09:00', '12:00'), window(2, '09:00', '12:00')];
    const at9 = (date: string) => slotOn(date, '09:00', '10:00', {});
    expect(isAvailable({ ...mediator, weekly: morning }, at9('2026-03-23'), policy.timeZone)).toBe(true);
    expect(isAvailable({ ...mediator, weekly: morning }, at9('2026-03-30'), policy.timeZone)).toBe(true);
    expect(at9('2026-03-23').start).toBe('2026-03-23T08:00:00.000Z');
    expect(at9('2026-03-30').start).toBe('2026-03-30T07:00:00.000Z');
    expect(
      isAvailable(
        { ...mediator, weekly: morning },
        slotOn('2026-03-30', '11:30', '12:30', {}),
        policy.timeZone,
      ),
    ).toBe(false);
  });

  it('covers a session across two adjacent windows', () => {
    const split = [window(2, '09:00', '12:00'), window(2, '12:00', '14:00')];
    expect(
      isAvailable(
        { ...mediator, weekly: split },
        slotOn('2026-03-10', '11:00', '13:00', {}),
        policy.timeZone,
      ),
    ).toBe(true);
  });
});
