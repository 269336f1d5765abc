import { ageOn, type LocalDate, overlaps, type TimeRange } from '../calendar/time.ts';
import { covers, datesOf, windowsOn } from '../calendar/weekly.ts';
import type { MediationPolicy } from '../policy.ts';
import type { Authorisation, Mediator } from './mediator.ts';

export type EligibilityCode =
  | 'authorisation_other_court'
  | 'authorisation_lapsed'
  | 'not_authorised_for_minors'
  | 'mediator_age_limit';

const holdsOn = (authorisation: Authorisation, date: LocalDate) =>
  authorisation.from <= date &&
  date < authorisation.until &&
  (authorisation.withdrawnOn === undefined || date < authorisation.withdrawnOn);

export const pastAgeLimit = (birthDate: LocalDate, on: LocalDate, policy: MediationPolicy) =>
  ageOn(birthDate, on) >= policy.mediatorAgeLimit.years;

/**
 * Why the mediator may not lead a mediation of this court on these dates: no authorisation for the
 * court, none in force on every date (not yet, lapsed or withdrawn), none allowing minors when a party
 * is a minor, or the age limit reached. Empty when they may.
 */
export function eligibilityConflicts(
  mediator: Mediator,
  request: { court: string; dates: readonly LocalDate[]; minors: boolean },
  policy: MediationPolicy,
): EligibilityCode[] {
  const codes: EligibilityCode[] = [];
  const forCourt = mediator.authorisations.filter((authorisation) => authorisation.court === request.court);
  if (forCourt.length === 0) codes.push('authorisation_other_court');
  else {
    const inForce = request.dates.map((date) => forCourt.filter((a) => holdsOn(a, date)));
    if (inForce.some((authorisations) => authorisations.length === 0)) codes.push('authorisation_lapsed');
    else if (request.minors && inForce.some((authorisations) => !authorisations.some((a) => a.minors)))
      codes.push('not_authorised_for_minors');
  }
  if (request.dates.some((date) => pastAgeLimit(mediator.birthDate, date, policy)))
    codes.push('mediator_age_limit');
  return codes;
}

/** Whether the weekly pattern and extra slots cover the range, and no absence touches it. */
export function isAvailable(mediator: Mediator, range: TimeRange, timeZone: string): boolean {
  const absences = mediator.exceptions.filter((e) => e.kind === 'absence');
  if (absences.some((absence) => overlaps(absence, range))) return false;
  const open = [
    ...datesOf(range, timeZone).flatMap((date) => windowsOn(mediator.weekly, date, timeZone)),
    ...mediator.exceptions.filter((e) => e.kind === 'extra'),
  ];
  return covers(open, range);
}
