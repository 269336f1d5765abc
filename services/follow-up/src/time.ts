import type { Day } from './command.ts';

/**
 * Wall-clock time in a time zone, from the IANA database that Node ships (Intl): pure, and right
 * across daylight-saving changes. Offices are in France (Europe/Paris) and overseas
 * (America/Cayenne, Indian/Reunion, Pacific/Noumea…): a file names its zone.
 */
export const defaultTimeZone = 'Europe/Paris';

export interface LocalTime {
  day: Day;
  /** ISO 8601: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
  /** `HH:MM`, 24-hour. */
  hhmm: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: weekdays.indexOf(parts.weekday ?? '') + 1,
    minutes: hour * 60 + minute,
    hhmm: `${parts.hour}:${parts.minute}`,
  };
}

export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The instant at which the wall clock of `timeZone` shows `day` at `hhmm` (the later one in a DST overlap). */
export function zonedInstant(day: Day, hhmm: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // The zone's offset at a guess, corrected once: enough for every real zone's transitions.
  const offsetAt = (instant: number) => {
    const local = localTime(new Date(instant), timeZone);
    const [ly, lm, ld] = local.day.split('-').map(Number) as [number, number, number];
    return Date.UTC(ly, lm - 1, ld) + local.minutes * 60_000 - instant;
  };
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

export function isDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
  );
}

/** `day` plus whole months; a day the target month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: Day, months: number): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export const addYears = (day: Day, years: number): Day => addMonths(day, years * 12);

export function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const laterDay = (a: Day, b: Day): Day => (a >= b ? a : b);

export const addHours = (at: string, hours: number): string =>
  new Date(Date.parse(at) + hours * 3_600_000).toISOString();

/** A due day as an instant: the end of that day on the office's wall clock (midnight starting the next). */
export const endOfDay = (day: Day, timeZone: string): string =>
  zonedInstant(addDays(day, 1), '00:00', timeZone).toISOString();
