import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, isDay, isTimeZone, localTime, zonedInstant } from './time.ts';

describe('local time', () => {
  it('reads the wall clock of Paris in winter (UTC+1) and in summer (UTC+2)', () => {
    expect(localTime(new Date('2025-01-15T08:30:00Z'), 'Europe/Paris')).toEqual({
      day: '2025-01-15',
      weekday: 3,
      minutes: 9 * 60 + 30,
      hhmm: '09:30',
    });
    expect(localTime(new Date('2025-07-13T22:15:00Z'), 'Europe/Paris')).toEqual({
      day: '2025-07-14',
      weekday: 1,
      minutes: 15,
      hhmm: '00:15',
    });
  });

  it('reads an overseas office’s zone', () => {
    expect(localTime(new Date('2025-01-15T08:30:00Z'), 'Indian/Reunion').hhmm).toBe('12:30');
    expect(localTime(new Date('2025-01-15T08:30:00Z'), 'America/Cayenne').day).toBe('2025-01-15');
  });

  it('finds the instant of a wall-clock time, across daylight-saving changes', () => {
    expect(zonedInstant('2025-01-15', '09:00', 'Europe/Paris').toISOString()).toBe(
      '2025-01-15T08:00:00.000Z',
    );
    expect(zonedInstant('2025-07-15', '09:00', 'Europe/Paris').toISOString()).toBe(
      '2025-07-15T07:00:00.000Z',
    );
    // The Sunday clocks go forward (30 March 2025): 09:00 is already summer time.
    expect(zonedInstant('2025-03-30', '09:00', 'Europe/Paris').toISOString()).toBe(
      '2025-03-30T07:00:00.000Z',
    );
    expect(zonedInstant('2025-01-15', '09:00', 'Pacific/Noumea').toISOString()).toBe(
      '2025-01-14T22:00:00.000Z',
    );
  });

  it('knows time zones and days', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2025-2-3')).toBe(false);
    expect(isDay('2025-13-01')).toBe(false);
  });
});

describe('calendar arithmetic', () => {
  it('adds months and years, a missing day becoming the month’s last', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2022-03-15', 3)).toBe('2025-03-15');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});
