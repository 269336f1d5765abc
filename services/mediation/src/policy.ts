import type { LegalBasis } from './legal.ts';

/**
 * The values an association may tune (read once from the service's configuration and passed to the
 * deciders, reactions and checks as a value). Legal texts stay in `legal.ts`.
 */
export interface MediationPolicy {
  /** Local time of the courts, offices and parties: weekly patterns, dates and invitations use it. */
  timeZone: string;
  /** The first convocation takes place within this many days of the mandate's opening. */
  firstConvocationWithinDays: number;
  /** The victim's side and the respondent's side never arrive less than this many minutes apart. */
  arrivalGapMinutes: number;
  /** After this many no-shows of one party the file goes back to the prosecutor. */
  noShowsBeforeReturn: number;
  /**
   * A mediator cannot be scheduled from the day they reach `years`: the rule reads "not over 75", and
   * the administration reads it as "under 75" (the stricter reading, kept here as a value).
   */
  mediatorAgeLimit: { years: number; basis: LegalBasis };
  /** Reminders go this many hours before a party's arrival, latest first moved into the safe hours. */
  reminderHoursBefore: readonly number[];
}

export const defaultPolicy: MediationPolicy = {
  timeZone: 'Europe/Paris',
  firstConvocationWithinDays: 30,
  arrivalGapMinutes: 15,
  noShowsBeforeReturn: 2,
  mediatorAgeLimit: { years: 75, basis: 'mediatorAgeLimit' },
  reminderHoursBefore: [48, 3],
};
