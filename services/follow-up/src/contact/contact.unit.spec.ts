import { describe, expect, it } from 'vitest';
import { as, caseworker, event, fileSpec, opened, people, refuses } from '../test-builders.ts';
import type { ContactCommand } from './contact.ts';
import type { SafeContactRules } from './safe-contact.ts';

const protectedCase = { safeNumber: true, safeHours: true, noVoicemail: true, throughThirdParty: false };
const windows = [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '12:00' }];
const rules: SafeContactRules = { ...protectedCase, windows };
const hoursSet = event('SafeContactSet', { rules, timeZone: 'Europe/Paris' });
// Monday 2 June 2025, 11:00 in Paris (the builders' now) and 14:00.
const afternoon = new Date('2025-06-02T12:00:00.000Z');

const start = (number: 'safe' | 'other' | 'third-party', when = caseworker): ContactCommand => ({
  type: 'StartContactAttempt',
  data: { attemptId: 'att-1', channel: 'phone', number },
  metadata: when,
});
const end = (answered: boolean, voicemailLeft: boolean): ContactCommand => ({
  type: 'EndContactAttempt',
  data: { attemptId: 'att-1', answered, voicemailLeft },
  metadata: caseworker,
});
const started = (number: 'safe' | 'other' = 'safe') =>
  event('ContactAttemptStarted', {
    attemptId: 'att-1',
    channel: 'phone',
    number,
    localTime: '11:00',
    timeZone: 'Europe/Paris',
  });

describe('safe-contact rules', () => {
  it('records the safe hours as windows in the file’s zone', () => {
    fileSpec
      .given([opened({ safeContact: protectedCase })])
      .when({ type: 'SetSafeContact', data: { rules, timeZone: 'Europe/Paris' }, metadata: caseworker })
      .then([hoursSet]);
    fileSpec
      .given([opened({ safeContact: protectedCase }), hoursSet])
      .when({ type: 'SetSafeContact', data: { rules, timeZone: 'Europe/Paris' }, metadata: caseworker })
      .then([]);
  });

  it('refuses malformed windows, naming each problem', () => {
    refuses(
      fileSpec.given([opened()]).when({
        type: 'SetSafeContact',
        data: {
          rules: { ...rules, windows: [{ days: [1], from: '12:00', to: '09:00' }] },
          timeZone: 'Europe/Paris',
        },
        metadata: caseworker,
      }),
      'safe_hours_invalid',
      422,
    );
  });
});

describe('contact attempts', () => {
  it('logs a call to the safe number within the safe hours, with the local time', () => {
    fileSpec
      .given([opened({ safeContact: protectedCase }), hoursSet])
      .when(start('safe'))
      .then([started()]);
  });

  it('refuses a call before the safe hours are recorded', () => {
    refuses(
      fileSpec.given([opened({ safeContact: protectedCase })]).when(start('safe')),
      'safe_hours_not_set',
      409,
    );
  });

  it('refuses a call outside the safe hours', () => {
    refuses(
      fileSpec
        .given([opened({ safeContact: protectedCase }), hoursSet])
        .when(start('safe', as(people.caseworker, afternoon))),
      'outside_safe_hours',
      409,
    );
  });

  it('refuses the other number when a safe one is given, and anything but the third party when contact goes through one', () => {
    refuses(
      fileSpec.given([opened({ safeContact: protectedCase }), hoursSet]).when(start('other')),
      'safe_number_only',
      409,
    );
    const thirdParty = { ...protectedCase, safeHours: false, throughThirdParty: true };
    refuses(
      fileSpec.given([opened({ safeContact: thirdParty })]).when(start('safe')),
      'third_party_only',
      409,
    );
    expect(
      fileSpec
        .given([opened({ safeContact: thirdParty })])
        .when(start('third-party'))
        .events(),
    ).toHaveLength(1);
  });

  it('allows any time and the usual number when the case has no rules', () => {
    expect(
      fileSpec
        .given([opened()])
        .when(start('other', as(people.caseworker, afternoon)))
        .events()[0],
    ).toMatchObject({
      data: { number: 'other', localTime: '14:00' },
    });
    refuses(fileSpec.given([opened()]).when(start('safe')), 'safe_number_only');
  });

  it('ends an attempt with its outcome, once', () => {
    const given = [opened({ safeContact: protectedCase }), hoursSet, started()];
    fileSpec
      .given(given)
      .when(end(false, false))
      .then([event('ContactAttemptEnded', { attemptId: 'att-1', answered: false, voicemailLeft: false })]);
    const ended = event('ContactAttemptEnded', { attemptId: 'att-1', answered: false, voicemailLeft: false });
    fileSpec
      .given([...given, ended])
      .when(end(false, false))
      .then([]);
    refuses(fileSpec.given([...given, ended]).when(end(true, false)), 'attempt_ended', 409);
    refuses(fileSpec.given([opened()]).when(end(true, false)), 'attempt_not_found', 422);
  });

  it('refuses a voicemail when the victim forbade it, or when none could be left', () => {
    refuses(
      fileSpec.given([opened({ safeContact: protectedCase }), hoursSet, started()]).when(end(false, true)),
      'voicemail_forbidden',
      409,
    );
    refuses(fileSpec.given([opened(), started('other')]).when(end(true, true)), 'attempt_outcome', 422);
    fileSpec
      .given([opened(), started('other')])
      .when(end(false, true))
      .then([event('ContactAttemptEnded', { attemptId: 'att-1', answered: false, voicemailLeft: true })]);
  });
});
