import { roles } from '@parcours/service-kit';
import { describe, expect, it } from 'vitest';
import {
  type AccessRole,
  type Action,
  Actions,
  assertCan,
  can,
  type Relation,
  Relations,
  relationOf,
} from './access.ts';
import { bav } from './test-builders.ts';

// The matrix, written out on its own so that a change to access.ts has to be made here too.
// Letters: O own office, A another office of the association, X another association, N national (no association).
const matrix: Record<Action, Partial<Record<AccessRole, string>>> = {
  'file:read': { caseworker: 'OA', 'office-manager': 'O', 'association-manager': 'OA', auditor: 'OAN' },
  'file:read-for-mediation': {
    caseworker: 'OA',
    'office-manager': 'O',
    'association-manager': 'OA',
    auditor: 'OAN',
    mediator: 'OA',
  },
  'file:work': { caseworker: 'OA', 'office-manager': 'O', 'association-manager': 'OA', system: 'OAN' },
  'file:assign': { caseworker: 'O', 'office-manager': 'O', 'association-manager': 'OA' },
  'file:force-assignment': { 'office-manager': 'O', 'association-manager': 'OA' },
  'file:approve-closure': { 'office-manager': 'O', 'association-manager': 'OA' },
  'file:reopen': { caseworker: 'OA', 'office-manager': 'O', 'association-manager': 'OA' },
  'file:request-mediation': { caseworker: 'OA', 'office-manager': 'O', 'association-manager': 'OA' },
  'file:system': { system: 'OAN' },
  'roster:read': { caseworker: 'OA', 'office-manager': 'O', 'association-manager': 'OA', auditor: 'OAN' },
  'roster:manage': { 'office-manager': 'O', 'association-manager': 'OA' },
  'caseload:read': { 'office-manager': 'O', 'association-manager': 'OA', auditor: 'OAN' },
  'access-log:read': { auditor: 'OAN' },
};
const letters: Record<Relation, string> = {
  'own-office': 'O',
  'own-association': 'A',
  'other-association': 'X',
  national: 'N',
};

function actorFor(role: AccessRole, relation: Relation) {
  const roles = [role];
  switch (relation) {
    case 'own-office':
      return { id: 'u', roles, association: 'asso-75', office: 'office-75-bav' };
    case 'own-association':
      return { id: 'u', roles, association: 'asso-75', office: 'office-75-commissariat-11' };
    case 'other-association':
      return { id: 'u', roles, association: 'asso-69', office: 'office-69-lyon' };
    case 'national':
      return { id: 'u', roles };
  }
}

const allRoles: AccessRole[] = [...roles, 'system'];
const cells = Actions.flatMap((action) =>
  allRoles.flatMap((role) => Relations.map((relation) => [action, role, relation] as const)),
);

describe('who may do what', () => {
  it.each(cells)('%s by %s (%s)', (action, role, relation) => {
    const expected = matrix[action][role]?.includes(letters[relation]) ?? false;
    expect(can(actorFor(role, relation), action, { ...bav, mediationRequested: true })).toBe(expected);
  });

  it('walks every role and every action', () => {
    expect(cells).toHaveLength(Actions.length * allRoles.length * Relations.length);
    expect(allRoles).toEqual(expect.arrayContaining(['helpline', 'federation-analyst', 'admin', 'mediator']));
  });

  it('never gives the helpline, the federation analyst or the admin a victim’s file', () => {
    for (const role of ['helpline', 'federation-analyst', 'admin'] as const)
      for (const relation of Relations)
        for (const action of Actions) expect(can(actorFor(role, relation), action, bav)).toBe(false);
  });

  it('shows a mediator a file only once a mediation is requested', () => {
    const mediator = actorFor('mediator', 'own-office');
    expect(can(mediator, 'file:read-for-mediation', { ...bav, mediationRequested: false })).toBe(false);
    expect(can(mediator, 'file:read-for-mediation', { ...bav, mediationRequested: true })).toBe(true);
    expect(can(mediator, 'file:read', { ...bav, mediationRequested: true })).toBe(false);
    // A mediator who is also a caseworker of the association reads as a caseworker.
    expect(can({ ...mediator, roles: ['mediator', 'caseworker'] }, 'file:read-for-mediation', bav)).toBe(
      true,
    );
  });

  it('places the actor relative to the office', () => {
    expect(relationOf(actorFor('caseworker', 'own-office'), bav)).toBe('own-office');
    expect(relationOf(actorFor('caseworker', 'own-association'), bav)).toBe('own-association');
    expect(relationOf({ id: 'u', roles: [], association: 'asso-75' }, bav)).toBe('own-association');
    expect(relationOf(actorFor('caseworker', 'other-association'), bav)).toBe('other-association');
    expect(relationOf(actorFor('auditor', 'national'), bav)).toBe('national');
  });

  it('refuses with a 403 that names the action, never the victim', () => {
    expect(() => assertCan(actorFor('helpline', 'national'), 'file:read', bav)).toThrow(
      expect.objectContaining({ code: 'follow_up_forbidden', status: 403 }),
    );
  });
});
