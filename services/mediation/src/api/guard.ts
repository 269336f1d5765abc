import { forbidden, requireRole } from '@parcours/service-kit';
import { type AccessTarget, type MediationAction, may } from '../access.ts';
import { MediationErrors } from '../errors.ts';
import type { MandateState } from '../mandate/mandate.ts';

type Actor = Parameters<typeof may>[0];

/** Roles that reach the mediation service at all; access.ts decides the rest, per file. */
export const mediationStaff = requireRole('mediator', 'office-manager', 'association-manager', 'auditor');
export const mediationWriters = requireRole('mediator', 'office-manager', 'association-manager');

/** Refuses with 403 unless access.ts allows the action on the target. */
export function allow(actor: Actor, action: MediationAction, target: AccessTarget): void {
  if (!may(actor, action, target))
    throw forbidden('mediation_out_of_scope', `This ${action} is outside your role or scope`);
}

/** Where a mandate sits, whatever its status: 404 when there is none. */
export function targetOf(state: MandateState): AccessTarget {
  switch (state.status) {
    case 'none':
      throw MediationErrors.notFound('mandate');
    case 'awaiting-prosecutor':
      return { associationId: state.request.associationId, officeId: state.request.officeId };
    case 'refused':
      return { associationId: state.summary.associationId, officeId: state.summary.officeId };
    default:
      return { associationId: state.mandate.associationId, officeId: state.mandate.officeId };
  }
}
