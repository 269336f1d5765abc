import {
  addDays,
  atLocal,
  isBefore,
  isoWeekday,
  type LocalDate,
  type LocalTime,
  localDateOf,
  type TimeRange,
} from './time.ts';

/** A recurring window of the week in local time, e.g. Tuesdays 09:00–12:30 (ISO weekday, Monday = 1). */
export interface WeeklyWindow {
  weekday: number;
  from: LocalTime;
  to: LocalTime;
}

/** The ranges a weekly pattern opens on one local date, earliest first. */
export function windowsOn(windows: readonly WeeklyWindow[], date: LocalDate, timeZone: string): TimeRange[] {
  const weekday = isoWeekday(date);
  return windows
    .filter((window) => window.weekday === weekday && window.from < window.to)
    .map((window) => ({
      start: atLocal(date, window.from, timeZone).toISOString(),
      end: atLocal(date, window.to, timeZone).toISOString(),
    }))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** Whether the union of `ranges` covers all of `range`. */
export function covers(ranges: readonly TimeRange[], range: TimeRange): boolean {
  let reached = Date.parse(range.start);
  const end = Date.parse(range.end);
  const sorted = [...ranges].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const candidate of sorted) {
    if (Date.parse(candidate.start) > reached) break;
    reached = Math.max(reached, Date.parse(candidate.end));
    if (reached >= end) return true;
  }
  return reached >= end;
}

/** The local dates a range touches (a session after midnight touches two). */
export function datesOf(range: TimeRange, timeZone: string): LocalDate[] {
  const last = localDateOf(new Date(Date.parse(range.end) - 1), timeZone);
  const dates: LocalDate[] = [];
  for (let date = localDateOf(range.start, timeZone); date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/**
 * The latest instant at or before `atOrBefore` that falls in a window, and not before `notBefore`.
 * No window at all means any time. Looks back one week at most: a weekly pattern repeats after that.
 */
export function latestWithin(
  windows: readonly WeeklyWindow[],
  atOrBefore: Date,
  notBefore: Date,
  timeZone: string,
): Date | undefined {
  if (isBefore(atOrBefore, notBefore)) return undefined;
  if (windows.length === 0) return atOrBefore;
  const firstDate = localDateOf(atOrBefore, timeZone);
  for (let back = 0; back <= 7; back++) {
    const ranges = windowsOn(windows, addDays(firstDate, -back), timeZone).reverse();
    for (const range of ranges) {
      if (isBefore(atOrBefore, range.start)) continue;
      const candidate = isBefore(atOrBefore, range.end) ? atOrBefore : new Date(range.start);
      if (!isBefore(candidate, notBefore)) return candidate;
      return isBefore(notBefore, range.end) ? notBefore : undefined;
    }
  }
  return undefined;
}
