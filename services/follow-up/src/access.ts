import { forbidden, type Role } from '@parcours/service-kit';
import type { Place } from './command.ts';

/**
 * Who may do what in the follow-up service: one table, used by decide for every command and by
 * the routes for every read. `system` is the service's own identity (reactions, scheduler,
 * consumers): it never appears in a user's token.
 */
export type Actor = { id: string; roles: readonly string[]; association?: string; office?: string };
export type AccessRole = Role | 'system';

/** Where the actor stands relative to the resource's office: national roles carry no association. */
export const Relations = ['own-office', 'own-association', 'other-association', 'national'] as const;
export type Relation = (typeof Relations)[number];

export const Actions = [
  /** The whole file, personal data included (every such read is logged). */
  'file:read',
  /** What a mediation needs: the victim's name and allowed contact, the offence, the procedure's references (files/mediation-read.ts). */
  'file:read-for-mediation',
  /** Support actions, contact attempts, safe-contact rules, EVVI, procedure, compensation, tasks, appointments, closure request. */
  'file:work',
  'file:assign',
  /** Assign over the caseworker's capacity. */
  'file:force-assignment',
  'file:approve-closure',
  'file:reopen',
  'file:request-mediation',
  /** Opening from referrals, transfers, reminders, inactivity flags, tracked deadlines, mediation outcomes. */
  'file:system',
  'roster:read',
  'roster:manage',
  'caseload:read',
  'access-log:read',
] as const;
export type Action = (typeof Actions)[number];

type Rule = Partial<Record<AccessRole, readonly Relation[]>>;
const office: readonly Relation[] = ['own-office'];
const association: readonly Relation[] = ['own-office', 'own-association'];
const everywhere: readonly Relation[] = [...association, 'national'];
const staff: Rule = { caseworker: association, 'office-manager': office, 'association-manager': association };
const manage: Rule = { 'office-manager': office, 'association-manager': association };
/** The service's own work: reactions create tasks, track deadlines, request an EVVI from a requisition's flag. */
const work: Rule = { ...staff, system: everywhere };

/**
 * Caseworkers work on every file of their association (a colleague's office included); the office
 * manager on the files of their office; the association manager on the whole association; an
 * auditor reads (their association, or everything when national); a mediator reads only what a
 * mediation needs, and only once one is requested. The helpline, the federation analyst and the
 * admin never reach a victim's file.
 */
export const accessRules: Record<Action, Rule> = {
  'file:read': { ...staff, auditor: everywhere },
  'file:read-for-mediation': { ...staff, auditor: everywhere, mediator: association },
  'file:work': work,
  'file:assign': { caseworker: office, ...manage },
  'file:force-assignment': manage,
  'file:approve-closure': manage,
  'file:reopen': staff,
  'file:request-mediation': staff,
  'file:system': { system: everywhere },
  'roster:read': { ...staff, auditor: everywhere },
  'roster:manage': manage,
  'caseload:read': { ...manage, auditor: everywhere },
  'access-log:read': { auditor: everywhere },
};

export function relationOf(actor: Actor, place: Place): Relation {
  if (!actor.association) return 'national';
  if (actor.association !== place.associationId) return 'other-association';
  return actor.office === place.officeId ? 'own-office' : 'own-association';
}

export interface Resource extends Place {
  /** For `file:read-for-mediation`: a mediator sees a file only once a mediation is requested. */
  mediationRequested?: boolean;
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  if (
    action === 'file:read-for-mediation' &&
    actor.roles.includes('mediator') &&
    !resource.mediationRequested
  )
    return actor.roles.some((role) => role !== 'mediator' && allows(role, 'file:read', resource, actor));
  return actor.roles.some((role) => allows(role, action, resource, actor));
}

const allows = (role: string, action: Action, resource: Resource, actor: Actor) =>
  accessRules[action][role as AccessRole]?.includes(relationOf(actor, resource)) ?? false;

export function assertCan(actor: Actor, action: Action, resource: Resource): void {
  if (!can(actor, action, resource))
    throw forbidden('follow_up_forbidden', `Your role and office do not allow ${action} here`);
}

/**
 * Where an actor may do `action` on files in a list: everywhere (national), their association, their
 * office, or nowhere. The lists filter on it; each file read checks `assertCan` again.
 */
export function listScope(
  actor: Actor,
  action: Action,
):
  | { kind: 'all' }
  | { kind: 'association'; associationId: string }
  | { kind: 'office'; officeId: string }
  | undefined {
  const relations = new Set(actor.roles.flatMap((role) => accessRules[action][role as AccessRole] ?? []));
  if (!actor.association) return relations.has('national') ? { kind: 'all' } : undefined;
  if (relations.has('own-association')) return { kind: 'association', associationId: actor.association };
  if (relations.has('own-office') && actor.office) return { kind: 'office', officeId: actor.office };
  return undefined;
}
