import { Schemes } from '@parcours/contracts';
import type { Event } from '@parcours/eventstore';
import type { Cmd, Day, Stamp } from '../command.ts';
import { stampOf } from '../command.ts';
import { FileErrors } from '../file/errors.ts';
import type { ActiveFile } from '../file/file.ts';
import { compensationFacts } from '../procedure/procedure.ts';
import { isDay } from '../time.ts';
import {
  civiDeadline,
  type Deadline,
  lateness,
  type Reason,
  type ReliefReason,
  sarviAdvance,
  sarviWindow,
} from './deadlines.ts';

/**
 * A file's compensation deadlines, computed in decide from the procedure's facts. The majority
 * date of a minor victim is a consequence of the birth date (personal data): it comes on the
 * command, is used, and is not kept; only the deadline it gives is.
 */
export type Scheme = (typeof Schemes)[number];
export const WaiverReasons = ['victim-declined', 'not-eligible', 'paid-by-author'] as const;

export type CompensationDeadlineTracked = Event<
  'CompensationDeadlineTracked',
  { scheme: Scheme } & Deadline & Stamp
>;
export type CompensationClaimFiled = Event<
  'CompensationClaimFiled',
  {
    scheme: Scheme;
    filedOn: Day;
    late: boolean;
    relief?: { reason: ReliefReason } & Reason;
    advanceCents?: number;
  } & Stamp
>;
export type CompensationWaived = Event<
  'CompensationWaived',
  { scheme: Scheme; reason: (typeof WaiverReasons)[number] } & Stamp
>;
export type CompensationEvent = CompensationDeadlineTracked | CompensationClaimFiled | CompensationWaived;

export interface Tracked {
  deadline: Deadline;
  claimedOn?: Day;
  waived?: boolean;
}
export type CompensationState = Partial<Record<Scheme, Tracked>>;

export function evolveCompensation(state: CompensationState, event: CompensationEvent): CompensationState {
  const { scheme } = event.data;
  const current = state[scheme];
  switch (event.type) {
    case 'CompensationDeadlineTracked': {
      const { closesOn, opensOn, basis } = event.data;
      return {
        ...state,
        [scheme]: { ...current, deadline: { closesOn, ...(opensOn ? { opensOn } : {}), basis } },
      };
    }
    case 'CompensationClaimFiled':
      return current ? { ...state, [scheme]: { ...current, claimedOn: event.data.filedOn } } : state;
    case 'CompensationWaived':
      return current ? { ...state, [scheme]: { ...current, waived: true } } : state;
  }
}

/** Deadlines still running on `today`, with no claim filed and not waived: they hold a closure for approval. */
export const openDeadlines = (state: CompensationState, today: Day): Scheme[] =>
  Schemes.filter((s) => {
    const tracked = state[s];
    return tracked && !tracked.claimedOn && !tracked.waived && tracked.deadline.closesOn >= today;
  });

export type TrackCompensationDeadline = Cmd<
  'TrackCompensationDeadline',
  { scheme: Scheme; majorityOn?: Day; civiRefusalNotifiedOn?: Day }
>;
export type FileCompensationClaim = Cmd<
  'FileCompensationClaim',
  { scheme: Scheme; filedOn: Day; relief?: ReliefReason }
>;
export type WaiveCompensation = Cmd<
  'WaiveCompensation',
  { scheme: Scheme; reason: (typeof WaiverReasons)[number] }
>;
export type CompensationCommand = TrackCompensationDeadline | FileCompensationClaim | WaiveCompensation;

/** The victim was a minor at intake: the CIVI's 3 years run from majority, so the date is needed. */
export const minorVictim = (file: ActiveFile) =>
  file.file.facts.ageBand === 'under-18' || file.file.facts.vulnerabilities.includes('minor');

/** The deadline a scheme has from the file's facts, or the refusal that says what is missing. */
export function deadlineFor(file: ActiveFile, data: TrackCompensationDeadline['data']): Deadline {
  const facts = compensationFacts(file.procedure);
  if (data.scheme === 'civi') {
    if (!facts.offenceOn)
      throw FileErrors.invalid('offence_date_unknown', 'Record the complaint with the offence date first');
    if (minorVictim(file) && !data.majorityOn)
      throw FileErrors.invalid(
        'majority_date_required',
        'For a minor victim the 3 years run from majority: give its date',
      );
    return civiDeadline({
      offenceOn: facts.offenceOn,
      prosecuted: facts.prosecuted,
      ...(data.majorityOn ? { majorityOn: data.majorityOn } : {}),
      ...(facts.lastFinalDecisionOn ? { lastFinalDecisionOn: facts.lastFinalDecisionOn } : {}),
    });
  }
  if (!facts.awarded?.finalOn)
    throw FileErrors.invalid(
      'sarvi_not_applicable',
      'The SARVI needs a final judgment awarding damages to a civil party',
    );
  return sarviWindow({
    finalOn: facts.awarded.finalOn,
    ...(data.civiRefusalNotifiedOn ? { civiRefusalNotifiedOn: data.civiRefusalNotifiedOn } : {}),
  });
}

export function decideCompensation(command: CompensationCommand, file: ActiveFile): CompensationEvent[] {
  const stamp = stampOf(command.metadata);
  const tracked = file.compensation[command.data.scheme];
  switch (command.type) {
    case 'TrackCompensationDeadline': {
      const { majorityOn, civiRefusalNotifiedOn } = command.data;
      if ([majorityOn, civiRefusalNotifiedOn].some((d) => d !== undefined && !isDay(d)))
        throw FileErrors.invalid('invalid_date', 'Dates are YYYY-MM-DD');
      const deadline = deadlineFor(file, command.data);
      if (tracked && JSON.stringify(tracked.deadline) === JSON.stringify(deadline)) return [];
      return [
        { type: 'CompensationDeadlineTracked', data: { scheme: command.data.scheme, ...deadline, ...stamp } },
      ];
    }
    case 'FileCompensationClaim': {
      const { scheme, filedOn, relief } = command.data;
      if (!isDay(filedOn)) throw FileErrors.invalid('invalid_date', 'Dates are YYYY-MM-DD');
      if (!tracked) throw FileErrors.conflict('deadline_not_tracked', 'Track the scheme’s deadline first');
      if (tracked.claimedOn) return [];
      const timing = lateness(scheme, tracked.deadline, filedOn);
      if (timing.early)
        throw FileErrors.conflict('sarvi_not_open', `The SARVI opens on ${tracked.deadline.opensOn}`);
      if (timing.late && !relief)
        throw FileErrors.invalid(
          'relief_reason_required',
          'A late claim says why the commission may relieve it',
        );
      const facts = compensationFacts(file.procedure);
      const advance =
        scheme === 'sarvi' && facts.awarded?.awardCents ? sarviAdvance(facts.awarded.awardCents) : undefined;
      return [
        {
          type: 'CompensationClaimFiled',
          data: {
            scheme,
            filedOn,
            late: timing.late,
            ...(timing.late && relief && timing.relief
              ? { relief: { reason: relief, ...timing.relief } }
              : {}),
            ...(advance ? { advanceCents: advance.advanceCents } : {}),
            ...stamp,
          },
        },
      ];
    }
    case 'WaiveCompensation':
      if (!tracked) throw FileErrors.conflict('deadline_not_tracked', 'Track the scheme’s deadline first');
      if (tracked.waived) return [];
      if (tracked.claimedOn) throw FileErrors.conflict('claim_filed', 'A claim is filed for this scheme');
      return [{ type: 'CompensationWaived', data: { ...command.data, ...stamp } }];
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export { Schemes };
