import { describe, expect, it } from 'vitest';
import { addDays, addYears, ageOn, atLocal, isoWeekday, localDateOf, localTimeOf } from './time.ts';
import { covers, datesOf, latestWithin } from './weekly.ts';

const paris = 'Europe/Paris';

describe('local time in Paris', () => {
  it('converts a wall-clock time to an instant in winter and in summer time', () => {
    expect(atLocal('2026-01-15', '09:30', paris).toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(atLocal('2026-07-15', '09:30', paris).toISOString()).toBe('2026-07-15T07:30:00.000Z');
  });

  it('reads an instant back as a local date and time, across midnight', () => {
    expect(localDateOf('2026-07-14T22:30:00.000Z', paris)).toBe('2026-07-15');
    expect(localTimeOf('2026-07-14T22:30:00.000Z', paris)).toBe('00:30');
  });

  it('moves a time skipped by the change to summer time forward', () => {
    expect(atLocal('2026-03-29', '02:30', paris).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('calendar dates', () => {
  it('adds days across months and years, and years keeping the day (29 February → 28)', () => {
    expect(addDays('2026-12-20', 15)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addYears('2025-09-01', 5)).toBe('2030-09-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('counts completed years and ISO weekdays', () => {
    expect(ageOn('1951-03-10', '2026-03-09')).toBe(74);
    expect(ageOn('1951-03-10', '2026-03-10')).toBe(75);
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('2026-03-08')).toBe(7);
  });
});

describe('weekly windows', () => {
  const mornings = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '12:00' }));

  it('knows which dates a range touches and whether ranges cover it', () => {
    const night = {
      start: atLocal('2026-03-10', '23:00', paris).toISOString(),
      end: atLocal('2026-03-11', '01:00', paris).toISOString(),
    };
    expect(datesOf(night, paris)).toEqual(['2026-03-10', '2026-03-11']);
    const range = { start: '2026-03-10T09:00:00Z', end: '2026-03-10T11:00:00Z' };
    expect(covers([{ start: '2026-03-10T08:00:00Z', end: '2026-03-10T10:00:00Z' }], range)).toBe(false);
    expect(
      covers(
        [
          { start: '2026-03-10T10:00:00Z', end: '2026-03-10T12:00:00Z' },
          { start: '2026-03-10T08:00:00Z', end: '2026-03-10T10:00:00Z' },
        ],
        range,
      ),
    ).toBe(true);
  });

  // [what, latest wanted (date time), not before (date time), expected (date time or nothing)]
  it.each([
    ['inside a window: itself', '2026-03-04 10:00', '2026-03-02 08:00', '2026-03-04 10:00'],
    ['after a window: its start', '2026-03-04 20:00', '2026-03-02 08:00', '2026-03-04 09:00'],
    ['before Monday’s window: Friday’s', '2026-03-09 07:00', '2026-03-02 08:00', '2026-03-06 09:00'],
    [
      'a window started before the bound: the bound',
      '2026-03-02 13:00',
      '2026-03-02 10:00',
      '2026-03-02 10:00',
    ],
    ['no window after the bound: nothing', '2026-03-02 13:00', '2026-03-02 12:30', undefined],
  ])('finds the latest instant in the windows, not before a bound: %s', (_, latest, bound, expected) => {
    const instant = (dateTime: string) => atLocal(dateTime.slice(0, 10), dateTime.slice(11), paris);
    const found = latestWithin(mornings, instant(latest), instant(bound), paris);
    expect(found).toEqual(expected === undefined ? undefined : instant(expected));
  });

  it('takes any time when there are no windows', () => {
    const instant = atLocal('2026-03-04', '22:00', paris);
    expect(latestWithin([], instant, atLocal('2026-03-02', '08:00', paris), paris)).toEqual(instant);
  });
});
