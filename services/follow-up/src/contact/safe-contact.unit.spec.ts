import { describe, expect, it } from 'vitest';
import { mayCallNow, reachability, type SafeContactRules, windowProblems } from './safe-contact.ts';

const paris = 'Europe/Paris';
// Weekdays 09:00-12:00 and Saturday 10:00-11:00, Paris time.
const rules: SafeContactRules = {
  safeNumber: true,
  safeHours: true,
  noVoicemail: true,
  throughThirdParty: false,
  windows: [
    { days: [1, 2, 3, 4, 5], from: '09:00', to: '12:00' },
    { days: [6], from: '10:00', to: '11:00' },
  ],
};

describe('may I call now, and how', () => {
  it('allows a call within the safe hours, on the safe number, without voicemail', () => {
    // Wednesday 15 January 2025, 10:30 in Paris (09:30 UTC).
    expect(mayCallNow(rules, new Date('2025-01-15T09:30:00Z'), paris)).toEqual({
      allowed: true,
      refusals: [],
      number: 'safe',
      voicemailAllowed: false,
      localTime: '10:30',
      timeZone: paris,
    });
  });

  it('keeps the wall-clock hours in summer: 08:30 UTC is 10:30 in Paris in July', () => {
    expect(mayCallNow(rules, new Date('2025-07-16T08:30:00Z'), paris).allowed).toBe(true);
    expect(mayCallNow(rules, new Date('2025-07-16T10:00:00Z'), paris)).toMatchObject({
      allowed: false,
      refusals: ['outside_safe_hours'],
      localTime: '12:00',
      nextWindowAt: '2025-07-17T07:00:00.000Z',
    });
  });

  it('refuses outside the hours and says when the next window opens', () => {
    // Friday 17 January 2025, 18:00 in Paris: next is Saturday 10:00.
    expect(mayCallNow(rules, new Date('2025-01-17T17:00:00Z'), paris)).toMatchObject({
      allowed: false,
      refusals: ['outside_safe_hours'],
      nextWindowAt: '2025-01-18T09:00:00.000Z',
    });
    // Saturday 11:00 is the end of the window (excluded): next is Monday 09:00.
    expect(mayCallNow(rules, new Date('2025-01-18T10:00:00Z'), paris).nextWindowAt).toBe(
      '2025-01-20T08:00:00.000Z',
    );
    // Before the window on the same day.
    expect(mayCallNow(rules, new Date('2025-01-15T07:00:00Z'), paris).nextWindowAt).toBe(
      '2025-01-15T08:00:00.000Z',
    );
  });

  it('refuses every call while the case has safe hours that nobody recorded yet', () => {
    const unknown = { ...rules, windows: [] };
    expect(mayCallNow(unknown, new Date('2025-01-15T09:30:00Z'), paris)).toMatchObject({
      allowed: false,
      refusals: ['safe_hours_not_set'],
    });
  });

  it('reads the hours in the file’s own zone', () => {
    // 10:30 in Paris is 13:30 in Réunion: outside the same windows there.
    expect(mayCallNow(rules, new Date('2025-01-15T09:30:00Z'), 'Indian/Reunion').allowed).toBe(false);
  });

  it('names the only number allowed', () => {
    const open = { safeNumber: false, safeHours: false, noVoicemail: false, throughThirdParty: false };
    expect(mayCallNow(open, new Date(), paris)).toMatchObject({
      allowed: true,
      number: 'other',
      voicemailAllowed: true,
    });
    expect(mayCallNow({ ...open, throughThirdParty: true, safeNumber: true }, new Date(), paris).number).toBe(
      'third-party',
    );
  });
});

describe('safe windows', () => {
  it('accepts well-formed windows and names what is wrong with the others', () => {
    expect(windowProblems(rules.windows ?? [], paris)).toEqual([]);
    expect(
      windowProblems(
        [
          { days: [0, 8], from: '09:00', to: '12:00' },
          { days: [1, 1], from: '12:00', to: '09:00' },
          { days: [2], from: '9h', to: '24:00' },
        ],
        'Mars/Olympus',
      ),
    ).toEqual([
      'unknown time zone Mars/Olympus',
      'window 0: days are ISO weekdays 1-7',
      'window 1: a day is repeated',
      'window 1: from must be before to',
      'window 2: times are HH:MM',
    ]);
  });
});

describe('reachability', () => {
  const policy = { unansweredAttempts: 3, overDays: 14 };
  const unanswered = (at: string) => ({ at, answered: false });

  it('allows closing as unreachable after N unanswered attempts spread over M days', () => {
    expect(
      reachability(
        [
          unanswered('2025-01-01T09:00:00Z'),
          unanswered('2025-01-08T09:00:00Z'),
          unanswered('2025-01-15T09:00:00Z'),
        ],
        policy,
      ),
    ).toEqual({ mayCloseAsUnreachable: true, unanswered: 3, spanDays: 14 });
  });

  it('not before: too few attempts, or all on the same days', () => {
    expect(
      reachability([unanswered('2025-01-01T09:00:00Z'), unanswered('2025-01-20T09:00:00Z')], policy)
        .mayCloseAsUnreachable,
    ).toBe(false);
    expect(
      reachability(
        [
          unanswered('2025-01-01T09:00:00Z'),
          unanswered('2025-01-01T10:00:00Z'),
          unanswered('2025-01-14T08:00:00Z'),
        ],
        policy,
      ),
    ).toEqual({ mayCloseAsUnreachable: false, unanswered: 3, spanDays: 12 });
  });

  it('counts only the attempts since the victim last answered', () => {
    const attempts = [
      unanswered('2025-01-01T09:00:00Z'),
      unanswered('2025-01-05T09:00:00Z'),
      { at: '2025-01-10T09:00:00Z', answered: true },
      unanswered('2025-01-12T09:00:00Z'),
      unanswered('2025-01-30T09:00:00Z'),
    ];
    expect(reachability(attempts, policy)).toEqual({
      mayCloseAsUnreachable: false,
      unanswered: 2,
      spanDays: 18,
    });
  });
});
