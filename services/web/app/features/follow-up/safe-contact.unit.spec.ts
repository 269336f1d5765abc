import { describe, expect, it } from 'vitest';
import { callAdvice, wallClock } from './safe-contact.ts';

const rules = { safeNumber: true, safeHours: true, noVoicemail: true, throughThirdParty: false };
const weekdayMornings = [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '12:00' }];

describe('the safe-contact rules shown before dialling', () => {
  it('reads the wall clock of the file’s time zone, summer and winter', () => {
    // Monday 2026-01-05 08:30 UTC is 09:30 in Paris (UTC+1); 2026-07-06 08:30 UTC is 10:30 (UTC+2).
    expect(wallClock(new Date('2026-01-05T08:30:00Z'), 'Europe/Paris')).toEqual({
      weekday: 1,
      time: '09:30',
    });
    expect(wallClock(new Date('2026-07-06T08:30:00Z'), 'Europe/Paris')).toEqual({
      weekday: 1,
      time: '10:30',
    });
    expect(wallClock(new Date('2026-01-05T08:30:00Z'), 'America/Cayenne').time).toBe('05:30');
  });

  it('refuses any call while safe hours are flagged but not recorded', () => {
    const advice = callAdvice(rules, new Date('2026-01-05T08:30:00Z'), 'Europe/Paris');
    expect(advice).toMatchObject({ allowed: false, refusal: 'safe_hours_not_set', number: 'safe' });
  });

  it('allows a call within a window, from included and to excluded', () => {
    const withHours = { ...rules, windows: weekdayMornings };
    const at = (iso: string) => callAdvice(withHours, new Date(iso), 'Europe/Paris');
    expect(at('2026-01-05T08:00:00Z').allowed).toBe(true); // 09:00 Monday
    expect(at('2026-01-05T10:59:00Z').allowed).toBe(true); // 11:59
    expect(at('2026-01-05T11:00:00Z')).toMatchObject({ allowed: false, refusal: 'outside_safe_hours' });
    expect(at('2026-01-10T09:00:00Z')).toMatchObject({ allowed: false, refusal: 'outside_safe_hours' }); // Saturday
  });

  it('names the only number allowed and whether a voicemail may be left', () => {
    const open = { safeNumber: false, safeHours: false, noVoicemail: false, throughThirdParty: false };
    expect(callAdvice(open, new Date(), 'Europe/Paris')).toMatchObject({
      allowed: true,
      number: 'other',
      voicemailAllowed: true,
    });
    expect(
      callAdvice({ ...open, throughThirdParty: true, safeNumber: true }, new Date(), 'Europe/Paris').number,
    ).toBe('third-party');
  });
});
