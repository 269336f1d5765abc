import { describe, expect, it } from 'vitest';
import { type Cell, type Leaf, recoverable, suppress } from './suppression.ts';

const leaf = (associationId: string, departement: string, region: string, value: number): Leaf => ({
  associationId,
  departement,
  region,
  value,
});

// Two regions; a small département (3) next to two large ones; an association working in one
// département only; another across two départements and two regions.
const network: Leaf[] = [
  leaf('asso-a', '75', 'idf', 40),
  leaf('asso-b', '92', 'idf', 50),
  leaf('asso-c', '93', 'idf', 3),
  leaf('asso-d', '69', 'ara', 60),
  leaf('asso-d', '01', 'ara', 30),
  leaf('asso-e', '38', 'ara', 25),
  leaf('asso-e', '93', 'idf', 12),
];
const cell = (cells: Cell[], level: string, key: string) =>
  cells.find((c) => c.level === level && c.key === key)!;
const published = (cells: Cell[], level: string, key: string) => {
  const found = cell(cells, level, key);
  return found.suppressed ? undefined : found.value;
};

describe('federation figures: suppression', () => {
  const cells = suppress(network, 11);

  it('suppresses every count under the threshold, and publishes the rest it can', () => {
    expect(cell(cells, 'association', 'asso-c').suppressed).toBe(true);
    expect(published(cells, 'national', 'FR')).toBe(220);
    expect(published(cells, 'departement', '69')).toBe(60);
    for (const c of cells) if (c.value > 0 && c.value < 11) expect(c.suppressed).toBe(true);
  });

  it('an attacker cannot recover a suppressed cell by difference, at any level or filter', () => {
    const suppressed = cells.filter((c) => c.suppressed);
    expect(suppressed.length).toBeGreaterThan(1);
    // The obvious differences: a total minus its published parts.
    const nation = published(cells, 'national', 'FR')!;
    const associations = cells.filter((c) => c.level === 'association');
    const hidden = associations.filter((c) => c.suppressed);
    const byDifference = nation - associations.reduce((sum, c) => sum + (c.suppressed ? 0 : c.value), 0);
    // What is left is the sum of at least two hidden cells, never one of them alone.
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const c of hidden) expect(byDifference).not.toBe(c.value);
    // Every linear combination of the published cells (regions minus départements, associations
    // across départements, the nation minus anything): none gives a suppressed cell.
    for (const c of suppressed) expect(recoverable(network, cells, c)).toBe(false);
  });

  it('holds on a larger random network, for every threshold', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const leaves: Leaf[] = [];
    for (let a = 0; a < 40; a++)
      for (let k = 0; k < 1 + Math.floor(random() * 2); k++) {
        const d = Math.floor(random() * 25);
        leaves.push(leaf(`asso-${a}`, `d${d}`, `r${d % 6}`, Math.floor(random() ** 3 * 80)));
      }
    const unique = [...new Map(leaves.map((l) => [`${l.associationId}/${l.departement}`, l])).values()];
    for (const threshold of [5, 11, 20]) {
      const result = suppress(unique, threshold);
      for (const c of result) {
        if (c.value > 0 && c.value < threshold) expect(c.suppressed).toBe(true);
        if (c.suppressed) expect(recoverable(unique, result, c)).toBe(false);
      }
    }
  });
});
