import { describe, expect, it } from 'vitest';
import { addDays, fromWallClock, hhmm, moveTo, wallClock, wallClockInput } from './week.ts';

describe('the mediator’s week grid', () => {
  it('places a session on the Paris wall clock, winter and summer', () => {
    expect(wallClock('2026-12-08T09:00:00Z')).toEqual({ date: '2026-12-08', weekday: 2, minutes: 600 });
    expect(wallClock('2026-07-07T08:00:00Z')).toEqual({ date: '2026-07-07', weekday: 2, minutes: 600 });
    expect(hhmm(600)).toBe('10:00');
  });

  it('moves a dropped session by the wall-clock distance to the cell, keeping its length', () => {
    // Tuesday 10:00–11:00 Paris, dropped on Wednesday 14:30.
    const moved = moveTo({ start: '2026-12-08T09:00:00Z', end: '2026-12-08T10:00:00Z' }, 3, 14 * 60 + 30);
    expect(moved).toEqual({ start: '2026-12-09T13:30:00.000Z', end: '2026-12-09T14:30:00.000Z' });
  });

  it('walks weeks by local dates', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-30', -7)).toBe('2026-03-23');
  });

  it('reads and writes the Paris wall clock whatever the browser’s zone, across a change of time', () => {
    expect(fromWallClock('2026-12-08', '10:00')).toBe('2026-12-08T09:00:00.000Z');
    expect(fromWallClock('2026-07-07', '10:00')).toBe('2026-07-07T08:00:00.000Z');
    expect(fromWallClock('2026-03-30', '10:00')).toBe('2026-03-30T08:00:00.000Z');
    expect(wallClockInput('2026-12-08T09:00:00Z')).toBe('2026-12-08T10:00');
    // Monday 23 March 2026 10:00 (winter time) dropped on Sunday 29 at 10:00 (summer time from 02:00).
    const moved = moveTo({ start: '2026-03-23T09:00:00Z', end: '2026-03-23T10:00:00Z' }, 7, 600);
    expect(moved).toEqual({ start: '2026-03-29T08:00:00.000Z', end: '2026-03-29T09:00:00.000Z' });
  });
});
