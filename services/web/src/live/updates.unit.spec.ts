import { describe, expect, it } from 'vitest';
import { canHear, type Scope } from './updates.ts';

const paris: Scope = { national: false, associations: ['asso-75'], offices: ['office-75-bav'] };
const actor = (roles: string[], association?: string, office?: string) =>
  ({
    id: 'a',
    name: 'A',
    roles,
    ...(association ? { association } : {}),
    ...(office ? { office } : {}),
  }) as never;

describe('who hears of a live update', () => {
  it('office staff their office, association-wide roles their association, the platform national updates', () => {
    expect(canHear(actor(['caseworker'], 'asso-75', 'office-75-bav'), paris)).toBe(true);
    expect(canHear(actor(['caseworker'], 'asso-75', 'office-75-hosp'), paris)).toBe(false);
    expect(canHear(actor(['caseworker'], 'asso-69', 'office-69-lyon'), paris)).toBe(false);
    expect(canHear(actor(['association-manager'], 'asso-75'), paris)).toBe(true);
    expect(canHear(actor(['helpline']), paris)).toBe(false);
    expect(canHear(actor(['helpline']), { ...paris, national: true })).toBe(true);
    expect(canHear(actor(['admin']), paris)).toBe(true);
    expect(canHear(actor(['federation-analyst']), { ...paris, national: true })).toBe(false);
  });
});
