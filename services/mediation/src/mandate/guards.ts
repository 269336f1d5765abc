import type { CommandMetadata } from '../command.ts';
import { MediationErrors } from '../errors.ts';
import { hasMediation, type MandateState, type MediationState } from './mandate.ts';

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
