import type { CommandMetadata } from '../command.ts';
import { MediationErrors } from '../errors.ts';
import {
  hasMediation,
  legalBasisOf,
  type MandateEvent,
  type MandateState,
  type MediationState,
  type ReturnReason,
} from './mandate.ts';

/** Who and when, as every event records them. */
export const stamp = (metadata: CommandMetadata) => ({
  by: metadata.actor.id,
  at: metadata.now.toISOString(),
});

/** The mandate, which must be open (being carried out) for the action. */
export function openMandate(
  state: MandateState,
  action: string,
): Extract<MediationState, { status: 'open' }> {
  if (state.status === 'none') throw MediationErrors.notFound('mandate');
  if (state.status !== 'open') throw MediationErrors.wrongStatus(state.status, action);
  return state;
}

/** The mandate in any state after it was ordered. */
export function orderedMandate(state: MandateState, action: string): MediationState {
  if (state.status === 'none') throw MediationErrors.notFound('mandate');
  if (!hasMediation(state)) throw MediationErrors.wrongStatus(state.status, action);
  return state;
}

/** The file goes back to the prosecutor, citing the rule the reason rests on when there is one. */
export function returnedEvent(
  state: MediationState,
  reason: ReturnReason,
  metadata: CommandMetadata,
  partyId?: string,
): MandateEvent {
  const legalBasis = legalBasisOf[reason];
  return {
    type: 'MandateReturned',
    data: {
      mandateId: state.mandate.mandateId,
      reason,
      ...(partyId ? { partyId } : {}),
      ...(legalBasis ? { legalBasis } : {}),
      ...stamp(metadata),
    },
  };
}
