import { addDays, atLocal } from '../calendar/time.ts';
import type { MediationPolicy } from '../policy.ts';
import type { MandateCommand, RequestMandate } from './commands.ts';
import {
  hasMediation,
  type MandateEvent,
  type MandateRequest,
  type MandateState,
  type MediationState,
} from './mandate.ts';
import { consentsNeeded, sideOf } from './parties.ts';
import { checkAt, dueItems } from './terms.ts';

type Unstamped<C> = C extends MandateCommand ? Omit<C, 'metadata'> : never;

/**
 * A command that follows an event, for the mandate it names: run at once, or at `at` by the
 * scheduler. The runner adds the metadata (its service identity and the time it runs), so a
 * scheduled command sees the time it fires.
 */
export interface Reaction {
  mandateId: string;
  command: Unstamped<MandateCommand>;
  at?: string;
}

const cancelPlanned = (state: MediationState): Reaction[] =>
  Object.values(state.sessions)
    .filter((session) => session.status === 'scheduled')
    .map((session) => ({
      mandateId: state.mandate.mandateId,
      command: { type: 'CancelSession', data: { sessionId: session.sessionId, reason: 'mandate-ended' } },
    }));

/**
 * What follows a mandate's event (`state` is the mandate after it): a refusal or repeated
 * no-shows return the file; a returned or agreed file cancels what was planned; an order
 * schedules its deadline; each due term schedules its check.
 */
export function react(event: MandateEvent, state: MandateState, policy: MediationPolicy): Reaction[] {
  if (!hasMediation(state)) return [];
  const mandateId = state.mandate.mandateId;
  const needed = consentsNeeded(state.parties).map((party) => party.partyId);
  switch (event.type) {
    case 'MandateOrdered': {
      const at = atLocal(addDays(state.mandate.deadline, 1), '00:00', policy.timeZone).toISOString();
      return [{ mandateId, command: { type: 'ExpireMandate', data: {} }, at }];
    }
    case 'ConsentRecorded': {
      const { partyId, consent } = event.data;
      if (consent.decision !== 'refused' || !needed.includes(partyId) || state.status !== 'open') return [];
      const reason = sideOf(state.parties, partyId) === 'victim' ? 'victim-refused' : 'respondent-refused';
      return [{ mandateId, command: { type: 'ReturnMandate', data: { reason, partyId } } }];
    }
    case 'AttendanceRecorded': {
      if (state.status !== 'open') return [];
      const absentTooOften = event.data.attendance.absent.find(
        (partyId) =>
          needed.includes(partyId) && (state.parties[partyId]?.noShows ?? 0) >= policy.noShowsBeforeReturn,
      );
      return absentTooOften
        ? [
            {
              mandateId,
              command: { type: 'ReturnMandate', data: { reason: 'no-shows', partyId: absentTooOften } },
            },
          ]
        : [];
    }
    case 'MandateReturned':
      return cancelPlanned(state);
    case 'AgreementSigned':
      return [
        ...cancelPlanned(state),
        ...dueItems(event.data.terms).map(
          (item): Reaction => ({
            mandateId,
            command: {
              type: 'CheckTermExecution',
              data: {
                termId: item.termId,
                ...(item.instalment === undefined ? {} : { instalment: item.instalment }),
              },
            },
            at: checkAt(item, policy.timeZone).toISOString(),
          }),
        ),
      ];
    default:
      return [];
  }
}

/** The follow-up service's request for a mediation, as its integration event will carry it. */
export type MediationRequestedFromFile = Omit<MandateRequest, 'mandateId'>;

/** A mediation requested from a follow-up file opens a mandate awaiting the prosecutor; its id comes in. */
export const onMediationRequested = (
  request: MediationRequestedFromFile,
  ids: { mandateId: string },
): Reaction & { command: Unstamped<RequestMandate> } => ({
  mandateId: ids.mandateId,
  command: { type: 'RequestMandate', data: { ...request, mandateId: ids.mandateId } },
});
