import type { SafeContactRules } from './api.ts';

/**
 * What the caseworker sees before dialling, as the follow-up service decides it when the call starts
 * (services/follow-up/src/contact/safe-contact.ts `mayCallNow`): the number allowed, voicemail, and
 * whether now is within the safe hours of the file's time zone. The service has the last word; the
 * screen shows the rule so that a refused call is not a surprise.
 */
export interface CallAdvice {
  allowed: boolean;
  refusal?: 'safe_hours_not_set' | 'outside_safe_hours';
  number: 'safe' | 'other' | 'third-party';
  voicemailAllowed: boolean;
  /** The file's wall-clock time now, `HH:MM`, and its ISO weekday (1 = Monday). */
  localTime: string;
  weekday: number;
}

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Weekday and `HH:MM` of an instant on the wall clock of a time zone. */
export function wallClock(now: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: weekdays.indexOf(part('weekday')) + 1, time: `${part('hour')}:${part('minute')}` };
}

export const allowedNumber = (rules: SafeContactRules) =>
  rules.throughThirdParty ? 'third-party' : rules.safeNumber ? 'safe' : 'other';

export function callAdvice(rules: SafeContactRules, now: Date, timeZone: string): CallAdvice {
  const { weekday, time } = wallClock(now, timeZone);
  const base = {
    number: allowedNumber(rules),
    voicemailAllowed: !rules.noVoicemail,
    localTime: time,
    weekday,
  } as const;
  if (!rules.safeHours) return { ...base, allowed: true };
  const windows = rules.windows ?? [];
  if (windows.length === 0) return { ...base, allowed: false, refusal: 'safe_hours_not_set' };
  // `from` included, `to` excluded; zero-padded HH:MM strings compare as times.
  const within = windows.some((w) => w.days.includes(weekday) && w.from <= time && time < w.to);
  return within ? { ...base, allowed: true } : { ...base, allowed: false, refusal: 'outside_safe_hours' };
}
