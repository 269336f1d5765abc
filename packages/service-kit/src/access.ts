import type { FastifyRequest } from 'fastify';
import { isServiceActor, type Role } from './auth/actor.ts';
import { forbidden } from './errors.ts';

/**
 * Where a resource stands from the actor's point of view:
 * - own-office: in the actor's office;
 * - own-association: in the actor's association, another office (or none);
 * - other-association: in an association that is not the actor's;
 * - from-national: in an association, the actor belonging to none (national staff: helpline
 *   platform, federation, national DPO, administrators);
 * - national: in no association (the national platform's: a helpline intake, the national queue).
 */
export const relations = [
  'own-office',
  'own-association',
  'other-association',
  'from-national',
  'national',
] as const;
export type Relation = (typeof relations)[number];

/** What a resource belongs to: an office of an association, an association, or neither. */
export interface Owner {
  associationId?: string | undefined;
  officeId?: string | undefined;
}

/** Who acts, as far as access is concerned: a person's roles and place, or a service's rights. */
export interface AccessActor {
  id: string;
  roles: readonly Role[];
  association?: string | undefined;
  office?: string | undefined;
  rights?: readonly string[];
}

export function relationOf(actor: Pick<AccessActor, 'association' | 'office'>, owner: Owner): Relation {
  if (owner.associationId === undefined) return 'national';
  if (actor.association === undefined) return 'from-national';
  if (actor.association !== owner.associationId) return 'other-association';
  return owner.officeId !== undefined && owner.officeId === actor.office ? 'own-office' : 'own-association';
}

/** How far a role reaches for one action: the relations where it may, or anywhere. */
export type Reach = readonly Relation[] | 'anywhere';

/** Per action, per role, how far: a role left out may not do it at all. */
export type AccessRules<Action extends string> = {
  readonly [A in Action]: Readonly<Partial<Record<Role, Reach>>>;
};

export interface Access<Action extends string> {
  readonly rules: AccessRules<Action>;
  readonly actions: readonly Action[];
  /** The roles that may do the action somewhere. */
  rolesFor(action: Action): Role[];
  /** A person: one of their roles reaches the owner's relation. A service identity: holds the right. */
  can(actor: AccessActor, action: Action, owner: Owner): boolean;
  /** Throws 403: `role_not_allowed` when no role of the actor may do it anywhere, `code` otherwise. */
  check(actor: AccessActor, action: Action, owner: Owner, code?: string): void;
  /** Route guard (`preHandler`): 403 `role_not_allowed` unless a role of the caller may do it somewhere. */
  guard(action: Action): (request: FastifyRequest) => Promise<void>;
}

/**
 * Who may do what, in one place per service: role × where the resource stands (see relations) →
 * allowed or not, per action. Routes call `guard` and `check`; `expectAccessMatrix`
 * (`@parcours/service-kit/testing`) walks the whole matrix in a unit test.
 *
 *   export const access = defineAccess({
 *     'referral.answer': { caseworker: ['own-office', 'own-association'], admin: 'anywhere' },
 *   });
 */
export function defineAccess<const Action extends string>(rules: AccessRules<Action>): Access<Action> {
  const actions = Object.keys(rules) as Action[];
  const reaches = (role: Role, action: Action, relation: Relation) => {
    const reach = rules[action][role];
    return reach === 'anywhere' || (reach?.includes(relation) ?? false);
  };
  const rolesFor = (action: Action) => Object.keys(rules[action]) as Role[];
  const roleAllowed = (actor: AccessActor, action: Action) =>
    actor.roles.some((role) => rolesFor(action).includes(role));
  const roleRefused = (action: Action) =>
    forbidden('role_not_allowed', `This action requires one of the roles: ${rolesFor(action).join(', ')}`);

  const can = (actor: AccessActor, action: Action, owner: Owner) => {
    if (isServiceActor(actor)) return actor.rights.includes(action);
    const relation = relationOf(actor, owner);
    return actor.roles.some((role) => reaches(role, action, relation));
  };
  return {
    rules,
    actions,
    rolesFor,
    can,
    check(actor, action, owner, code = 'out_of_scope') {
      if (can(actor, action, owner)) return;
      if (!isServiceActor(actor) && !roleAllowed(actor, action)) throw roleRefused(action);
      throw forbidden(code, 'This resource is out of your scope');
    },
    guard(action) {
      return async (request) => {
        if (!roleAllowed(request.actor, action)) throw roleRefused(action);
      };
    },
  };
}
