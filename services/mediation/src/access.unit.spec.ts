import { roles } from '@parcours/service-kit';
import { describe, expect, it } from 'vitest';
import { type MediationAction, MediationActions, may, type Scope, scopeOf } from './access.ts';

const target = { associationId: 'asso-75', officeId: 'office-75-bav' };
const places: Record<Scope, { association?: string; office?: string }> = {
  'own-office': { association: 'asso-75', office: 'office-75-bav' },
  'other-office': { association: 'asso-75', office: 'office-75-tj' },
  'other-association': { association: 'asso-69', office: 'office-69-lyon' },
};

/**
 * The expected matrix, written out: for each role and action, three marks for own office, another
 * office of the association, another association (Y may, - may not).
 */
const expected: Record<string, Record<MediationAction, string>> = {
  mediator: {
    read: 'YY-',
    'open-mandate': 'YY-',
    conduct: 'YY-',
    'record-outcome': 'YY-',
    'manage-mediators': '---',
    'set-availability': '---',
    'manage-rooms': '---',
  },
  'office-manager': {
    read: 'YY-',
    'open-mandate': 'Y--',
    conduct: 'Y--',
    'record-outcome': '---',
    'manage-mediators': 'Y--',
    'set-availability': 'Y--',
    'manage-rooms': 'Y--',
  },
  'association-manager': {
    read: 'YY-',
    'open-mandate': 'YY-',
    conduct: '---',
    'record-outcome': '---',
    'manage-mediators': 'YY-',
    'set-availability': 'YY-',
    'manage-rooms': 'YY-',
  },
  auditor: {
    read: 'YY-',
    'open-mandate': '---',
    conduct: '---',
    'record-outcome': '---',
    'manage-mediators': '---',
    'set-availability': '---',
    'manage-rooms': '---',
  },
};
const never = Object.fromEntries(MediationActions.map((action) => [action, '---'])) as Record<
  MediationAction,
  string
>;
const scopes = Object.keys(places) as Scope[];

describe('who may do what', () => {
  const cells = roles.flatMap((role) =>
    MediationActions.flatMap((action) =>
      scopes.map(
        (scope, column) => [role, action, scope, (expected[role] ?? never)[action][column] === 'Y'] as const,
      ),
    ),
  );

  it.each(cells)('%s may %s in %s: %s', (role, action, scope, allowed) => {
    const actor = { id: 'someone', roles: [role], ...places[scope] };
    expect(scopeOf(actor, target)).toBe(scope);
    expect(may(actor, action, target)).toBe(allowed);
  });

  it('walks every role, action and place', () => {
    expect(cells).toHaveLength(8 * 7 * 3);
  });

  it('lets a mediator keep their own availability in their association, nobody else’s', () => {
    const mediator = { id: 'med-1', roles: ['mediator'], ...places['other-office'] };
    expect(may(mediator, 'set-availability', { ...target, mediatorId: 'med-1' })).toBe(true);
    expect(may(mediator, 'set-availability', { ...target, mediatorId: 'med-2' })).toBe(false);
    const moved = { ...mediator, ...places['other-association'] };
    expect(may(moved, 'set-availability', { ...target, mediatorId: 'med-1' })).toBe(false);
  });

  it('lets a national auditor read every association, and do nothing else', () => {
    const national = { id: 'dpo', roles: ['auditor'] };
    expect(may(national, 'read', target)).toBe(true);
    expect(MediationActions.filter((action) => may(national, action, target))).toEqual(['read']);
  });

  it('reads an actor without an office as being in another office of their association', () => {
    const manager = { id: 'om', roles: ['office-manager'], association: 'asso-75' };
    expect(scopeOf(manager, target)).toBe('other-office');
    expect(may(manager, 'manage-rooms', target)).toBe(false);
  });
});
