import { TZDate } from '@date-fns/tz';

/** A calendar date, `YYYY-MM-DD`, in the local calendar of the court and the office. */
export type LocalDate = string;
/** A time of day, `HH:MM`, local. */
export type LocalTime = string;
/** A half-open span [start, end) between two instants (ISO 8601). */
export interface TimeRange {
  start: string;
  end: string;
}

const epoch = (instant: string | Date) =>
  typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
const pad = (value: number) => String(value).padStart(2, '0');

export const overlaps = (a: TimeRange, b: TimeRange) =>
  epoch(a.start) < epoch(b.end) && epoch(b.start) < epoch(a.end);
export const isEmptyRange = (range: TimeRange) => epoch(range.end) <= epoch(range.start);
export const minutesBetween = (from: string | Date, to: string | Date) => (epoch(to) - epoch(from)) / 60_000;
export const isBefore = (a: string | Date, b: string | Date) => epoch(a) < epoch(b);
export const addMinutes = (instant: string | Date, minutes: number) =>
  new Date(epoch(instant) + minutes * 60_000);

/** The instant seen on a wall clock of the zone (a TZDate: ical-generator writes it with its TZID). */
export const inZone = (instant: string | Date, timeZone: string) => new TZDate(epoch(instant), timeZone);

export function localDateOf(instant: string | Date, timeZone: string): LocalDate {
  const local = inZone(instant, timeZone);
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

export function localTimeOf(instant: string | Date, timeZone: string): LocalTime {
  const local = inZone(instant, timeZone);
  return `${pad(local.getHours())}:${pad(local.getMinutes())}`;
}

const parts = (date: LocalDate) => date.split('-').map(Number) as [number, number, number];
const minutesOf = (time: LocalTime) => {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
};

/** The instant a local wall clock shows `time` on `date` (a time skipped by a DST change moves forward). */
export function atLocal(date: LocalDate, time: LocalTime, timeZone: string): Date {
  const [year, month, day] = parts(date);
  const minutes = minutesOf(time);
  return new Date(
    new TZDate(year, month - 1, day, Math.floor(minutes / 60), minutes % 60, timeZone).getTime(),
  );
}

const fromUtcDay = (utc: Date): LocalDate =>
  `${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;

export function addDays(date: LocalDate, days: number): LocalDate {
  const [year, month, day] = parts(date);
  return fromUtcDay(new Date(Date.UTC(year, month - 1, day + days)));
}

/** Same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: LocalDate, years: number): LocalDate {
  const [year, month, day] = parts(date);
  const lastDay = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return fromUtcDay(new Date(Date.UTC(year + years, month - 1, Math.min(day, lastDay))));
}

/** ISO weekday of a date: Monday 1 … Sunday 7. */
export function isoWeekday(date: LocalDate): number {
  const [year, month, day] = parts(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** Age in completed years on a date. */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const [birthYear] = parts(birthDate);
  const [year] = parts(on);
  const age = year - birthYear;
  return addYears(birthDate, age) <= on ? age : age - 1;
}
