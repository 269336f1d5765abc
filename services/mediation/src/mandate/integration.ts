import type { IntegrationEventContract } from '@parcours/contracts';
import {
  MediationAgreedV1,
  MediationOpenedV1,
  MediationRefusedV1,
  MediationRequestedV1,
  MediationReturnedV1,
  MediationSessionHeldV1,
  MediationSettledV1,
  MediationTermNotExecutedV1,
} from '@parcours/contracts';
import type { Static, TSchema } from '@sinclair/typebox';
import { localDateOf } from '../calendar/time.ts';
import type { MediationPolicy } from '../policy.ts';
import {
  hasMediation,
  type MandateEvent,
  type MandateState,
  type MandateSummary,
  summaryOf,
} from './mandate.ts';
import { dueItems } from './terms.ts';

/** An integration event to write to the outbox with the domain events (toOutboxMessage adds id and trace). */
export interface Publication {
  contract: IntegrationEventContract;
  /** The case when there is one, else the mandate: the Kafka key keeps one case's events in order. */
  subject: string;
  time: string;
  data: unknown;
}

const publication = <Type extends string, Schema extends TSchema>(
  contract: IntegrationEventContract<Type, Schema>,
  summary: MandateSummary,
  data: Static<Schema> & { at: string },
): Publication => ({ contract, subject: summary.caseId ?? summary.mandateId, time: data.at, data });

/** The ids and places every event carries (the summary without the offence). */
const named = ({ offenceCategory: _offence, ...ids }: MandateSummary) => ids;

/**
 * What the outside learns from a mandate's event (`state` is the mandate after it): no party's
 * identity, contact or free text, only ids, places, dates, outcomes and counts.
 */
export function publicationsOf(
  event: MandateEvent,
  state: MandateState,
  policy: MediationPolicy,
): Publication[] {
  const { at } = event.data;
  switch (event.type) {
    case 'MandateRequested': {
      const summary = summaryOf(event.data);
      return [
        publication(MediationRequestedV1, summary, {
          ...named(summary),
          offenceCategory: summary.offenceCategory,
          at,
        }),
      ];
    }
    case 'MandateRefused': {
      const { summary, reason, legalBasis } = event.data;
      const data = {
        ...named(summary),
        offenceCategory: summary.offenceCategory,
        reason,
        ...(legalBasis ? { legalBasis } : {}),
        at,
      };
      return [publication(MediationRefusedV1, summary, data)];
    }
    case 'MandateOrdered': {
      const { mandate } = event.data;
      const summary = summaryOf(mandate);
      const { origin, orderedOn, deadline, firstConvocationBy } = mandate;
      const data = {
        ...named(summary),
        offenceCategory: summary.offenceCategory,
        origin,
        orderedOn,
        deadline,
        firstConvocationBy,
        at,
      };
      return [publication(MediationOpenedV1, summary, data)];
    }
  }
  if (!hasMediation(state)) return [];
  const summary = summaryOf(state.mandate);
  const ids = named(summary);
  const sessions = Object.values(state.sessions);
  const sessionsHeld = sessions.filter((session) => session.status === 'held').length;
  switch (event.type) {
    case 'AttendanceRecorded': {
      const session = state.sessions[event.data.sessionId];
      if (!session) return [];
      const { present, absent, excused } = event.data.attendance;
      const data = {
        ...ids,
        sessionId: session.sessionId,
        kind: session.kind,
        heldOn: localDateOf(session.start, policy.timeZone),
        present: present.length,
        absent: absent.length,
        excused: excused.length,
        at,
      };
      return [publication(MediationSessionHeldV1, summary, data)];
    }
    case 'MandateReturned': {
      const { reason, legalBasis } = event.data;
      const noShows = Object.values(state.parties).reduce((sum, party) => sum + party.noShows, 0);
      const data = { ...ids, reason, ...(legalBasis ? { legalBasis } : {}), sessionsHeld, noShows, at };
      return [publication(MediationReturnedV1, summary, data)];
    }
    case 'AgreementSigned': {
      const { terms } = event.data;
      const count = (kind: string) => terms.filter((term) => term.kind === kind).length;
      const compensations = terms.flatMap((term) => (term.kind === 'compensation' ? [term] : []));
      const data = {
        ...ids,
        terms: {
          compensation: count('compensation'),
          apology: count('apology'),
          restitution: count('restitution'),
          undertaking: count('undertaking'),
        },
        compensationCents: compensations.reduce((sum, term) => sum + term.amountCents, 0),
        instalments: compensations.reduce((sum, term) => sum + term.instalments.length, 0),
        lastDueDate:
          dueItems(terms)
            .map((item) => item.dueDate)
            .toSorted()
            .at(-1) ?? '',
        sessionsHeld,
        at,
      };
      return [publication(MediationAgreedV1, summary, data)];
    }
    case 'TermNotExecuted': {
      if (state.status !== 'agreed' && state.status !== 'settled') return [];
      const term = state.agreement.terms.find((t) => t.termId === event.data.termId);
      if (!term) return [];
      const { termId, instalment, dueDate } = event.data;
      const data = {
        ...ids,
        termId,
        termKind: term.kind,
        ...(instalment ? { instalment } : {}),
        dueDate,
        at,
      };
      return [publication(MediationTermNotExecutedV1, summary, data)];
    }
    case 'AgreementSettled': {
      if (state.status !== 'settled') return [];
      const items = Object.values(state.agreement.items);
      const executed = items.filter((item) => item.status === 'executed').length;
      const data = {
        ...ids,
        fulfilled: event.data.fulfilled,
        executed,
        notExecuted: items.length - executed,
        at,
      };
      return [publication(MediationSettledV1, summary, data)];
    }
    default:
      return [];
  }
}
