import type { Day } from '../command.ts';
import { addMonths, addYears, laterDay } from '../time.ts';
import { cite, type LegalReferences, legalReferences, type ReferenceKey } from './references.ts';

/**
 * Compensation deadlines (services/follow-up/docs/compensation.md has the worked examples). Dates
 * are calendar days; a deadline's last day is included (a claim filed on `closesOn` is in time).
 * Amounts are euro cents, integers.
 */
export interface Reason {
  code: ReferenceKey;
  /** The reference as the table has it today, e.g. `CPP art. 706-5`. */
  reference: string;
}

const reason = (code: ReferenceKey, references: LegalReferences): Reason => ({
  code,
  reference: cite(references[code]),
});

export interface CiviInput {
  offenceOn: Day;
  /** For a victim who was a minor at the offence: the day they come of age (the 3 years run from it). */
  majorityOn?: Day;
  /** Prosecution was brought (public action set in motion). */
  prosecuted: boolean;
  /** The last decision that ruled with final effect on the public or the civil action. */
  lastFinalDecisionOn?: Day;
}

export interface Deadline {
  closesOn: Day;
  opensOn?: Day;
  basis: Reason[];
}

/**
 * CIVI: 3 years from the offence (from majority for a minor victim), extended to 1 year after the
 * last final decision when there was a prosecution: whichever is later.
 */
export function civiDeadline(input: CiviInput, references = legalReferences): Deadline {
  const minor = input.majorityOn !== undefined && input.majorityOn > input.offenceOn;
  const runsFrom = minor ? (input.majorityOn as Day) : input.offenceOn;
  const basis = [reason('civi-deadline', references)];
  if (minor) basis.push(reason('minor-suspension', references));
  let closesOn = addYears(runsFrom, 3);
  if (input.prosecuted && input.lastFinalDecisionOn) {
    const afterDecision = addYears(input.lastFinalDecisionOn, 1);
    if (afterDecision > closesOn) basis.push(reason('civi-deadline-prosecution', references));
    closesOn = laterDay(closesOn, afterDecision);
  }
  return { closesOn, basis };
}

/**
 * SARVI, for a civil party awarded damages by a final decision and not eligible for the CIVI:
 * open 2 months after the decision became final (the time the convicted person had to pay),
 * closed 1 year after it became final; after a CIVI refusal, 1 year from its notice when later.
 */
export function sarviWindow(
  input: { finalOn: Day; civiRefusalNotifiedOn?: Day },
  references = legalReferences,
): Deadline & { opensOn: Day } {
  const afterFinal = addYears(input.finalOn, 1);
  const refused = input.civiRefusalNotifiedOn;
  const closesOn = refused ? laterDay(afterFinal, addYears(refused, 1)) : afterFinal;
  return {
    opensOn: addMonths(input.finalOn, 2),
    closesOn,
    basis: [reason('sarvi-eligibility', references), reason('sarvi-deadline', references)],
  };
}

export const sarviAdvanceRule = { fullUpToCents: 100_000, percent: 30, minCents: 100_000, maxCents: 300_000 };

/**
 * The SARVI's advance on damages awarded (cents): all of it up to €1,000; above, 30 % of it, at
 * least €1,000 and at most €3,000 (the fund then recovers the rest from the convicted person).
 */
export function sarviAdvance(
  awardCents: number,
  references = legalReferences,
): { advanceCents: number; inFull: boolean; basis: Reason[] } {
  if (!Number.isSafeInteger(awardCents) || awardCents < 0)
    throw new RangeError('an award is a whole, non-negative number of cents');
  const basis = [reason('sarvi-advance', references)];
  const rule = sarviAdvanceRule;
  if (awardCents <= rule.fullUpToCents) return { advanceCents: awardCents, inFull: true, basis };
  const share = Math.round((awardCents * rule.percent) / 100);
  return { advanceCents: Math.min(rule.maxCents, Math.max(rule.minCents, share)), inFull: false, basis };
}

/** Why a late claim may still be accepted (the commission or the fund decides; the reason is data). */
export const ReliefReasons = ['unable-to-act-in-time', 'harm-aggravated', 'other-legitimate-reason'] as const;
export type ReliefReason = (typeof ReliefReasons)[number];

/** Is a claim filed on `filedOn` late, and which reference lets it be relieved. */
export function lateness(
  scheme: 'civi' | 'sarvi',
  deadline: Deadline,
  filedOn: Day,
  references = legalReferences,
): { late: boolean; early: boolean; relief?: Reason } {
  const late = filedOn > deadline.closesOn;
  const early = deadline.opensOn !== undefined && filedOn < deadline.opensOn;
  return {
    late,
    early,
    ...(late ? { relief: reason(scheme === 'civi' ? 'civi-relief' : 'sarvi-relief', references) } : {}),
  };
}
