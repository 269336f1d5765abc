import type { Decider } from '@parcours/eventstore';
import { addDays, localDateOf } from '../calendar/time.ts';
import type { CommandMetadata } from '../command.ts';
import { MediationErrors } from '../errors.ts';
import type { MediationPolicy } from '../policy.ts';
import type { MandateCommand, OrderMandate, RecordProsecutorDecision, RequestMandate } from './commands.ts';
import { decideOutcome } from './decide-outcome.ts';
import { decideParties } from './decide-parties.ts';
import { decideSessions } from './decide-sessions.ts';
import { evolveMandate } from './evolve.ts';
import { stamp } from './guards.ts';
import {
  initialMandateState,
  legalBasisOf,
  type Mandate,
  type MandateEvent,
  type MandateState,
  type MandateSummary,
  summaryOf,
} from './mandate.ts';

/** Penal mediation is barred for violence within a couple (legal.ts): the mandate is refused, saying why. */
function refusedForCoupleViolence(summary: MandateSummary, metadata: CommandMetadata): MandateEvent[] {
  if (summary.offenceCategory !== 'couple-violence') return [];
  return [
    {
      type: 'MandateRefused',
      data: {
        mandateId: summary.mandateId,
        summary,
        reason: 'couple-violence',
        legalBasis: legalBasisOf['couple-violence'],
        ...stamp(metadata),
      },
    },
  ];
}

function request(command: RequestMandate, state: MandateState): MandateEvent[] {
  const { data } = command;
  if (state.status === 'awaiting-prosecutor' && state.request.requestId === data.requestId) return [];
  if (state.status === 'refused' && state.summary.requestId === data.requestId) return [];
  if (state.status !== 'none') throw MediationErrors.exists('mandate');
  const requested: MandateEvent = { type: 'MandateRequested', data: { ...data, ...stamp(command.metadata) } };
  return [requested, ...refusedForCoupleViolence(summaryOf(data), command.metadata)];
}

function open(
  mandate: Omit<Mandate, 'firstConvocationBy'>,
  metadata: CommandMetadata,
  policy: MediationPolicy,
): MandateEvent[] {
  if (mandate.deadline < mandate.orderedOn)
    throw MediationErrors.invalid('invalid_deadline', 'The deadline is before the order', [
      { field: '/body/deadline', message: 'invalid_deadline' },
    ]);
  const refused = refusedForCoupleViolence(summaryOf(mandate), metadata);
  if (refused.length > 0) return refused;
  const openedOn = localDateOf(metadata.now, policy.timeZone);
  const firstConvocationBy = addDays(openedOn, policy.firstConvocationWithinDays);
  return [
    {
      type: 'MandateOrdered',
      data: { mandate: { ...mandate, firstConvocationBy }, ...stamp(metadata) },
    },
  ];
}

function prosecutorDecision(
  command: RecordProsecutorDecision,
  state: MandateState,
  policy: MediationPolicy,
): MandateEvent[] {
  if (state.status === 'none') throw MediationErrors.notFound('mandate');
  if (state.status !== 'awaiting-prosecutor') throw MediationErrors.wrongStatus(state.status, 'decided on');
  const { offenceCategory, ...request } = state.request;
  if (command.data.decision === 'declined')
    return [
      {
        type: 'MandateRefused',
        data: {
          mandateId: request.mandateId,
          summary: summaryOf(state.request),
          reason: 'prosecutor-declined',
          ...stamp(command.metadata),
        },
      },
    ];
  const { prosecutorReference, orderedOn, deadline, qualification } = command.data;
  const offence = { category: offenceCategory, ...(qualification ? { qualification } : {}) };
  return open(
    { ...request, origin: 'follow-up', prosecutorReference, orderedOn, deadline, offence },
    command.metadata,
    policy,
  );
}

function order(command: OrderMandate, state: MandateState, policy: MediationPolicy): MandateEvent[] {
  if (state.status === 'open' && state.mandate.prosecutorReference === command.data.prosecutorReference)
    return [];
  if (state.status === 'refused' && state.summary.mandateId === command.data.mandateId) return [];
  if (state.status !== 'none') throw MediationErrors.exists('mandate');
  return open({ ...command.data, origin: 'prosecutor' }, command.metadata, policy);
}

export function decideMandate(
  command: MandateCommand,
  state: MandateState,
  policy: MediationPolicy,
): MandateEvent[] {
  switch (command.type) {
    case 'RequestMandate':
      return request(command, state);
    case 'RecordProsecutorDecision':
      return prosecutorDecision(command, state, policy);
    case 'OrderMandate':
      return order(command, state, policy);
    case 'AssignMediator':
    case 'AddParty':
    case 'RecordRelationship':
    case 'RecordConsent':
      return decideParties(command, state, policy);
    case 'ScheduleSession':
    case 'RescheduleSession':
    case 'CancelSession':
    case 'RecordAttendance':
      return decideSessions(command, state, policy);
    case 'SignAgreement':
    case 'ReturnMandate':
    case 'ExpireMandate':
    case 'SendReport':
    case 'RecordTermExecution':
    case 'CheckTermExecution':
      return decideOutcome(command, state, policy);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** The mandate's decider, with the association's policy (delays, gaps, thresholds). */
export const mandateDecider = (
  policy: MediationPolicy,
): Decider<MandateCommand, MandateEvent, MandateState> => ({
  initialState: initialMandateState,
  evolve: evolveMandate,
  decide: (command, state) => decideMandate(command, state, policy),
});
