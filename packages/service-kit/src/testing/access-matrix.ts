import { expect } from 'vitest';
import {
  type Access,
  type AccessActor,
  type Owner,
  type Relation,
  relationOf,
  relations,
} from '../access.ts';
import { type Role, roles, type ServiceActor } from '../auth/actor.ts';

/** One actor and one owner standing in each relation. */
const places: Record<Relation, { actor: Pick<AccessActor, 'association' | 'office'>; owner: Owner }> = {
  'own-office': {
    actor: { association: 'asso-a', office: 'office-a1' },
    owner: { associationId: 'asso-a', officeId: 'office-a1' },
  },
  'own-association': {
    actor: { association: 'asso-a', office: 'office-a1' },
    owner: { associationId: 'asso-a', officeId: 'office-a2' },
  },
  'other-association': {
    actor: { association: 'asso-a', office: 'office-a1' },
    owner: { associationId: 'asso-b', officeId: 'office-b1' },
  },
  'from-national': { actor: {}, owner: { associationId: 'asso-a', officeId: 'office-a1' } },
  national: { actor: { association: 'asso-a', office: 'office-a1' }, owner: {} },
};

const cell = (allowed: boolean) => (allowed ? 'yes' : '-');

/**
 * The matrix of one action as text, one line per role (then per service identity), one column per
 * relation: every cell is asked of `access.can` with an actor and an owner in that relation.
 */
export function accessMatrix<Action extends string>(
  access: Access<Action>,
  action: Action,
  services: readonly ServiceActor[] = [],
): string[] {
  for (const relation of relations) {
    const { actor, owner } = places[relation];
    if (relationOf(actor, owner) !== relation) throw new Error(`the ${relation} place is misplaced`);
  }
  const row = (name: string, ask: (relation: Relation) => boolean) =>
    [name, ...relations.map((relation) => cell(ask(relation)))].join(' ');
  const person = (role: Role) =>
    row(role, (relation) =>
      access.can(
        { id: `user-${role}`, roles: [role], ...places[relation].actor },
        action,
        places[relation].owner,
      ),
    );
  const service = (actor: ServiceActor) =>
    row(actor.id, (relation) => access.can(actor, action, places[relation].owner));
  return [['role', ...relations].join(' '), ...roles.map(person), ...services.map(service)];
}

const normalise = (table: string) =>
  table
    .split('\n')
    .map((line) => line.trim().split(/\s+/).join(' '))
    .filter(Boolean);

/**
 * Walks the whole matrix, every action, and compares it with the tables the test states, written
 * as aligned text (`yes` or `-` per cell; see accessMatrix for the rows and columns):
 *
 *   expectAccessMatrix(access, {
 *     'referral.answer': `
 *       role                own-office own-association other-association from-national national
 *       helpline            -          -               -                 yes           yes
 *       ...`,
 *   });
 */
export function expectAccessMatrix<Action extends string>(
  access: Access<Action>,
  expected: Record<Action, string>,
  services: readonly ServiceActor[] = [],
): void {
  expect(Object.keys(expected).sort()).toEqual([...access.actions].sort());
  for (const action of access.actions) {
    expect({ action, matrix: accessMatrix(access, action, services) }).toEqual({
      action,
      matrix: normalise(expected[action]),
    });
  }
}
