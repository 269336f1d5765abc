import { describe, expect, it } from 'vitest';
import { seededDirectory } from '../routing/test-network.ts';
import { searchOffices } from './search.ts';

const directory = seededDirectory();
const search = (q?: string, more: { associationId?: string; includeClosed?: boolean } = {}) =>
  searchOffices(directory, { ...(q ? { q } : {}), includeClosed: false, limit: 20, ...more });

describe('office search', () => {
  it('finds an office by words of its id or name, accents and case aside', () => {
    expect(search('75 bav').items.map((o) => o.officeId)).toContain('office-75-bav');
    const hegp = directory.offices.get('office-75-hopital-hegp')!;
    const word = hegp.name.split(/\s+/).find((w) => /[éèêô]/.test(w)) ?? hegp.name.split(/\s+/)[0]!;
    expect(search(word.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase()).items).toContainEqual(hegp);
  });

  it('finds the offices of a postcode, of one association, in a page with the whole count', () => {
    const lyon = search('69003');
    expect(lyon.items.length).toBeGreaterThan(0);
    expect(
      lyon.items.every(
        (o) => o.address.postcode === '69003' || o.officeId.includes('69003') || o.name.includes('69003'),
      ),
    ).toBe(true);
    const paris = search(undefined, { associationId: 'asso-75' });
    expect(paris.items.every((o) => o.associationId === 'asso-75')).toBe(true);
    expect(paris.total).toBeGreaterThanOrEqual(paris.items.length);
    expect(paris.items).toHaveLength(Math.min(20, paris.total));
  });
});
