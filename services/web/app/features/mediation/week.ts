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
 * A session dropped on a cell (weekday, minutes): the same length, moved by the wall-clock distance
 * between where it started and the cell; arrivals move with it.
 */
export function moveTo(session: { start: string; end: string }, weekday: number, minutes: number): Moved {
  const from = wallClock(session.start);
  const deltaMs = ((weekday - from.weekday) * 1440 + (minutes - from.minutes)) * 60_000;
  return {
    start: new Date(Date.parse(session.start) + deltaMs).toISOString(),
    end: new Date(Date.parse(session.end) + deltaMs).toISOString(),
  };
}

export const shift = (iso: string, deltaMs: number) => new Date(Date.parse(iso) + deltaMs).toISOString();

/** YYYY-MM-DD seven days away from a local date (calendar arithmetic at noon UTC: no zone edge). */
export function addDays(date: string, days: number) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
