import { localDateOf } from '../calendar/time.ts';
import type { CommandMetadata } from '../command.ts';
import { MediationErrors } from '../errors.ts';
import { eligibilityConflicts } from '../mediator/eligibility.ts';
import type { MediationPolicy } from '../policy.ts';
import type {
  AddParty,
  AssignMediator,
  PartiesCommand,
  RecordConsent,
  RecordRelationship,
} from './commands.ts';
import { openMandate, returnedEvent, stamp } from './guards.ts';
import type { MandateEvent, MandateState, MediationState } from './mandate.ts';
import { consentsNeeded, isCouple, isPrincipal, type Party, type Relationship } from './parties.ts';

/** A couple, current or former, bars penal mediation (legal.ts): the file goes back at once. */
function coupleBar(
  state: MediationState,
  relationship: Relationship | undefined,
  metadata: CommandMetadata,
): MandateEvent[] {
  return relationship && isCouple(relationship) ? [returnedEvent(state, 'couple-violence', metadata)] : [];
}

function assign(command: AssignMediator, state: MediationState, policy: MediationPolicy): MandateEvent[] {
  const { mediatorId, mediator } = command.data;
  if (state.mediatorId === mediatorId) return [];
  if (!mediator || mediator.mediatorId !== mediatorId) throw MediationErrors.notFound('mediator');
  if (mediator.associationId !== state.mandate.associationId)
    throw MediationErrors.mediatorIneligible(['mediator_other_association']);
  const today = localDateOf(command.metadata.now, policy.timeZone);
  const minors = Object.values(state.parties).some((party) => isPrincipal(party) && party.minor);
  const codes = eligibilityConflicts(
    mediator,
    { court: state.mandate.court, dates: [today], minors },
    policy,
  );
  if (codes.length > 0) throw MediationErrors.mediatorIneligible(codes);
  return [
    {
      type: 'MediatorAssigned',
      data: { mandateId: state.mandate.mandateId, mediatorId, ...stamp(command.metadata) },
    },
  ];
}

/** A lawyer, representative or guardian acts for a principal party; a guardian for a minor; a respondent has a relationship. */
function partyErrors(state: MediationState, party: Party) {
  const principal = party.actsFor ? state.parties[party.actsFor] : undefined;
  if (isPrincipal(party)) {
    if (party.actsFor !== undefined)
      return { field: '/body/actsFor', message: 'a victim or respondent acts for nobody' };
    if (party.role === 'respondent' && !party.relationship)
      return {
        field: '/body/relationship',
        message: 'the respondent’s relationship to the victim is needed',
      };
    return undefined;
  }
  if (!principal || !isPrincipal(principal))
    return { field: '/body/actsFor', message: 'the victim or respondent they act for' };
  if (party.role === 'legal-guardian' && !principal.minor)
    return { field: '/body/actsFor', message: 'a legal guardian acts for a minor' };
  if (party.minor) return { field: '/body/minor', message: 'only a victim or respondent is a minor' };
  return undefined;
}

function addParty(command: AddParty, state: MediationState): MandateEvent[] {
  const party = command.data;
  const existing = state.parties[party.partyId];
  if (existing) {
    if (
      existing.role === party.role &&
      existing.actsFor === party.actsFor &&
      existing.subjectId === party.subjectId
    )
      return [];
    throw MediationErrors.exists('party');
  }
  const error = partyErrors(state, party);
  if (error) throw MediationErrors.invalid('invalid_party', 'The party does not fit the mediation', [error]);
  const added: MandateEvent = {
    type: 'PartyAdded',
    data: { mandateId: state.mandate.mandateId, party, ...stamp(command.metadata) },
  };
  return [added, ...coupleBar(state, party.relationship, command.metadata)];
}

function recordRelationship(command: RecordRelationship, state: MediationState): MandateEvent[] {
  const party = state.parties[command.data.partyId];
  if (!party) throw MediationErrors.notFound('party');
  if (party.role !== 'respondent')
    throw MediationErrors.invalid('invalid_party', 'Only the respondent is related to the victim', [
      { field: '/body/partyId', message: 'not the respondent' },
    ]);
  if (party.relationship === command.data.relationship) return [];
  const recorded: MandateEvent = {
    type: 'RelationshipRecorded',
    data: { mandateId: state.mandate.mandateId, ...command.data, ...stamp(command.metadata) },
  };
  return [recorded, ...coupleBar(state, command.data.relationship, command.metadata)];
}

function recordConsent(command: RecordConsent, state: MediationState): MandateEvent[] {
  const { partyId, decision, expressedAt, channel } = command.data;
  const party = state.parties[partyId];
  if (!party) throw MediationErrors.notFound('party');
  if (!consentsNeeded(state.parties).some((p) => p.partyId === partyId))
    throw MediationErrors.invalid(
      'consent_not_needed',
      'Only the parties and a minor’s legal guardians consent',
      [{ field: '/body/partyId', message: 'consent_not_needed' }],
    );
  if (party.consent?.decision === decision) return [];
  const { by, at } = stamp(command.metadata);
  const consent = { decision, expressedAt, channel, recordedBy: by };
  return [
    { type: 'ConsentRecorded', data: { mandateId: state.mandate.mandateId, partyId, consent, by, at } },
  ];
}

export function decideParties(
  command: PartiesCommand,
  state: MandateState,
  policy: MediationPolicy,
): MandateEvent[] {
  switch (command.type) {
    case 'AssignMediator':
      return assign(command, openMandate(state, 'assigned a mediator'), policy);
    case 'AddParty':
      return addParty(command, openMandate(state, 'given a party'));
    case 'RecordRelationship':
      return recordRelationship(command, openMandate(state, 'changed'));
    case 'RecordConsent':
      return recordConsent(command, openMandate(state, 'consented to'));
  }
}
