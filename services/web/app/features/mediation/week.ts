/**
 * The week grid's arithmetic, on the wall clock of the mediation service's time zone (the mediators'
 * availability is written in it): where a session sits, and where a drop moves it.
 */
export const calendarZone = 'Europe/Paris';
export const firstHour = 8;
export const lastHour = 20;
export const stepMinutes = 30;

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Local date (YYYY-MM-DD), ISO weekday (1 = Monday) and minutes since midnight of an instant. */
export function wallClock(iso: string, timeZone = calendarZone) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    weekday: weekdays.indexOf(part('weekday')) + 1,
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

/** `HH:MM` of minutes since midnight. */
export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The grid's rows: every half hour from the first hour to the last. */
export const rows = Array.from(
  { length: ((lastHour - firstHour) * 60) / stepMinutes },
  (_, i) => firstHour * 60 + i * stepMinutes,
);

export interface Moved {
  start: string;
  end: string;
}

/**
 * A session dropped on a cell (weekday, minutes): the same length, starting at that cell's Paris wall
 * clock time (a week with a change of time included); arrivals move with it.
 */
export function moveTo(session: { start: string; end: string }, weekday: number, minutes: number): Moved {
  const from = wallClock(session.start);
  const start = fromWallClock(addDays(from.date, weekday - from.weekday), hhmm(minutes));
  return {
    start,
    end: new Date(Date.parse(start) + Date.parse(session.end) - Date.parse(session.start)).toISOString(),
  };
}

export const shift = (iso: string, deltaMs: number) => new Date(Date.parse(iso) + deltaMs).toISOString();

/** YYYY-MM-DD seven days away from a local date (calendar arithmetic at noon UTC: no zone edge). */
export function addDays(date: string, days: number) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant of a Paris wall-clock date and time (`YYYY-MM-DD`, `HH:MM`), whatever the browser's zone. */
export function fromWallClock(date: string, time: string, timeZone = calendarZone): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that moment, read back from the wall clock (twice: a change of offset in between).
  let instant = asUtc;
  for (let i = 0; i < 2; i++) {
    const wall = wallClock(new Date(instant).toISOString(), timeZone);
    const [y, m, d] = wall.date.split('-').map(Number) as [number, number, number];
    const shown = Date.UTC(y, m - 1, d, Math.floor(wall.minutes / 60), wall.minutes % 60);
    instant += asUtc - shown;
  }
  return new Date(instant).toISOString();
}

/** `<input type="datetime-local">`'s value for an instant, on the Paris wall clock. */
export function wallClockInput(iso: string, timeZone = calendarZone): string {
  const { date, minutes } = wallClock(iso, timeZone);
  return `${date}T${hhmm(minutes)}`;
}

/** An instant as Paris shows it, in the reader's language (“10 mars 2026, 10:00”). */
export const formatWallClock = (iso: string, language: string, timeZone = calendarZone) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
