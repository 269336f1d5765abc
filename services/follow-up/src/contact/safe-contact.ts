import { ContactChannels, ContactNumbers } from '@parcours/contracts';
import { addDays, isTimeZone, localTime, zonedInstant } from '../time.ts';

/**
 * Safe hours are wall-clock windows in the file's time zone (Europe/Paris unless the file names
 * another): `days` are ISO weekdays (1 = Monday … 7 = Sunday), `from` is included and `to`
 * excluded, both `HH:MM` with `from` before `to` (a window over midnight is two windows). A
 * window keeps its wall-clock hours across daylight-saving changes: 09:00 is 09:00 in Paris in
 * January and in July.
 */
export interface SafeWindow {
  days: number[];
  from: string;
  to: string;
}

/**
 * The case's safe-contact rules. The flags come from the intake (the number and the hours
 * themselves are personal data, in the encrypted envelope); the caseworker records the hours as
 * windows here, and until then a case with safe hours cannot be called at all.
 */
export interface SafeContactRules {
  /** A safe number is given: only that number may be used. */
  safeNumber: boolean;
  /** Calls only within the safe hours. */
  safeHours: boolean;
  noVoicemail: boolean;
  /** Contact only through a third party (a relative, a lawyer). */
  throughThirdParty: boolean;
  windows?: SafeWindow[];
}

export type ContactChannel = (typeof ContactChannels)[number];
export type ContactNumber = (typeof ContactNumbers)[number];

export type CallRefusal = 'safe_hours_not_set' | 'outside_safe_hours';

export interface CallAdvice {
  allowed: boolean;
  refusals: CallRefusal[];
  /** The only number that may be used. */
  number: ContactNumber;
  voicemailAllowed: boolean;
  /** The file's local time now, and the next time a call is allowed when it is not now. */
  localTime: string;
  timeZone: string;
  nextWindowAt?: string;
}

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutesOf = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/** What is wrong with a set of windows (empty when nothing). */
export function windowProblems(windows: readonly SafeWindow[], timeZone: string): string[] {
  const problems: string[] = [];
  if (!isTimeZone(timeZone)) problems.push(`unknown time zone ${timeZone}`);
  windows.forEach((w, i) => {
    if (w.days.length === 0 || w.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
      problems.push(`window ${i}: days are ISO weekdays 1-7`);
    if (new Set(w.days).size !== w.days.length) problems.push(`window ${i}: a day is repeated`);
    if (!hhmm.test(w.from) || !hhmm.test(w.to)) problems.push(`window ${i}: times are HH:MM`);
    else if (minutesOf(w.from) >= minutesOf(w.to)) problems.push(`window ${i}: from must be before to`);
  });
  return problems;
}

export function allowedNumber(rules: SafeContactRules): ContactNumber {
  if (rules.throughThirdParty) return 'third-party';
  return rules.safeNumber ? 'safe' : 'other';
}

const inWindow = (w: SafeWindow, weekday: number, minutes: number) =>
  w.days.includes(weekday) && minutes >= minutesOf(w.from) && minutes < minutesOf(w.to);

/** "May I call now, and how": what the screen shows before dialling, and what decide enforces. */
export function mayCallNow(rules: SafeContactRules, now: Date, timeZone: string): CallAdvice {
  const local = localTime(now, timeZone);
  const refusals: CallRefusal[] = [];
  let nextWindowAt: string | undefined;
  if (rules.safeHours) {
    const windows = rules.windows ?? [];
    if (windows.length === 0) refusals.push('safe_hours_not_set');
    else if (!windows.some((w) => inWindow(w, local.weekday, local.minutes))) {
      refusals.push('outside_safe_hours');
      nextWindowAt = nextWindow(windows, now, timeZone);
    }
  }
  return {
    allowed: refusals.length === 0,
    refusals,
    number: allowedNumber(rules),
    voicemailAllowed: !rules.noVoicemail,
    localTime: local.hhmm,
    timeZone,
    ...(nextWindowAt ? { nextWindowAt } : {}),
  };
}

/** The start of the next window after `now`, looking a week ahead (each window opens every week). */
function nextWindow(windows: readonly SafeWindow[], now: Date, timeZone: string): string | undefined {
  const today = localTime(now, timeZone);
  for (let offset = 0; offset <= 7; offset++) {
    const day = addDays(today.day, offset);
    const weekday = ((today.weekday - 1 + offset) % 7) + 1;
    const starts = windows
      .filter((w) => w.days.includes(weekday))
      .map((w) => zonedInstant(day, w.from, timeZone))
      .filter((start) => start.getTime() > now.getTime())
      .sort((a, b) => a.getTime() - b.getTime());
    if (starts[0]) return starts[0].toISOString();
  }
  return undefined;
}

/** How many unanswered attempts over how many days allow closing a file as unreachable (configuration). */
export interface ReachPolicy {
  unansweredAttempts: number;
  overDays: number;
}

export interface EndedAttempt {
  at: string;
  answered: boolean;
}

export interface Reachability {
  mayCloseAsUnreachable: boolean;
  /** Unanswered attempts since the last answered one. */
  unanswered: number;
  /** Whole days from the first of them to the last. */
  spanDays: number;
}

/**
 * A file may be closed as unreachable after N unanswered attempts since the victim last answered,
 * spread over at least M days from the first of them to the last: three calls on one morning and
 * a fortnight of silence are not enough, calls spread over the fortnight are.
 */
export function reachability(attempts: readonly EndedAttempt[], policy: ReachPolicy): Reachability {
  const ordered = [...attempts].sort((a, b) => a.at.localeCompare(b.at));
  const lastAnswered = ordered.findLastIndex((a) => a.answered);
  const unanswered = ordered.slice(lastAnswered + 1);
  const first = unanswered[0];
  const last = unanswered.at(-1);
  const spanDays = first && last ? Math.floor((Date.parse(last.at) - Date.parse(first.at)) / 86_400_000) : 0;
  return {
    mayCloseAsUnreachable: unanswered.length >= policy.unansweredAttempts && spanDays >= policy.overDays,
    unanswered: unanswered.length,
    spanDays,
  };
}

export { ContactChannels, ContactNumbers };
