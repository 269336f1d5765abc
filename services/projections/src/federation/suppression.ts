/**
 * Statistical disclosure control of the federation's figures (the rule is in ../../README.md,
 * "Federation figures"). A figure is counted per leaf, an (association, département) pair, and
 * published for the nation, each region, each département and each association: every published
 * cell is a sum of leaves. A cell under the threshold is suppressed; then, as long as a suppressed
 * cell is a linear combination of the published ones (what "by difference" means, across every
 * level and every filter), one more cell is suppressed next to it.
 */

export type Level = 'national' | 'region' | 'departement' | 'association';

export interface Leaf {
  associationId: string;
  departement: string;
  region: string;
  value: number;
}

export interface Cell {
  level: Level;
  key: string;
  /** The region of a département, for choosing a complementary cell among its siblings. */
  parent: string | null;
  value: number;
  leaves: number[];
  suppressed: boolean;
}

// Arithmetic modulo a prime under 2^26: products stay exact in doubles. Whether a 0/1 vector is in
// the span of others is the same over the rationals except with negligible probability.
const P = 67_108_859;
const mod = (x: number) => ((x % P) + P) % P;
function inverse(a: number): number {
  let [t, newT, r, newR] = [0, 1, P, mod(a)];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}

/** A row-echelon basis of vectors over the leaves, to ask whether a vector is in their span. */
class Basis {
  readonly #rows = new Map<number, Float64Array>();
  readonly #size: number;
  constructor(size: number) {
    this.#size = size;
  }
  /** Reduces the vector by the basis; returns its residue. */
  reduce(vector: Float64Array): Float64Array {
    const v = Float64Array.from(vector);
    for (let i = 0; i < this.#size; i++) {
      if (v[i] === 0) continue;
      const row = this.#rows.get(i);
      if (!row) continue;
      const factor = v[i]!;
      for (let j = i; j < this.#size; j++) if (row[j] !== 0) v[j] = mod(v[j]! - factor * row[j]!);
    }
    return v;
  }
  clone(): Basis {
    const copy = new Basis(this.#size);
    for (const [pivot, row] of this.#rows) copy.#rows.set(pivot, row);
    return copy;
  }
  add(vector: Float64Array): void {
    const v = this.reduce(vector);
    const pivot = v.findIndex((x) => x !== 0);
    if (pivot < 0) return;
    const scale = inverse(v[pivot]!);
    for (let j = pivot; j < this.#size; j++) v[j] = mod(v[j]! * scale);
    this.#rows.set(pivot, v);
  }
  contains(vector: Float64Array): boolean {
    return this.reduce(vector).every((x) => x === 0);
  }
}

export function cellsOf(leaves: readonly Leaf[]): Cell[] {
  const cells = new Map<string, Cell>();
  const add = (level: Level, key: string, parent: string | null, index: number) => {
    const id = `${level}:${key}`;
    let cell = cells.get(id);
    if (!cell) {
      cell = { level, key, parent, value: 0, leaves: [], suppressed: false };
      cells.set(id, cell);
    }
    cell.value += leaves[index]!.value;
    cell.leaves.push(index);
  };
  leaves.forEach((leaf, index) => {
    add('national', 'FR', null, index);
    add('region', leaf.region, 'FR', index);
    add('departement', leaf.departement, leaf.region, index);
    add('association', leaf.associationId, 'FR', index);
  });
  return [...cells.values()];
}

/** The cells of one figure, those that must not be published marked suppressed. */
export function suppress(leaves: readonly Leaf[], threshold: number): Cell[] {
  const cells = cellsOf(leaves);
  const vectors = new Map(cells.map((cell) => [cell, vectorOf(leaves.length, cell)]));
  const basisOf = () => {
    const basis = new Basis(leaves.length);
    for (const cell of cells) if (!cell.suppressed) basis.add(vectors.get(cell)!);
    return basis;
  };
  for (const cell of cells) cell.suppressed = cell.value > 0 && cell.value < threshold;
  for (;;) {
    const basis = basisOf();
    const exposed = cells.find((cell) => cell.suppressed && basis.contains(vectors.get(cell)!));
    if (!exposed) return cells;
    const candidates = complements(cells, exposed);
    if (candidates.length === 0) {
      // Nothing left but the nation: it goes too.
      for (const cell of cells) cell.suppressed = true;
      return cells;
    }
    // The smallest candidate whose suppression hides the exposed cell; else the smallest, and go on.
    // The published cells but the candidates make one basis; each trial adds the other candidates to a copy.
    for (const candidate of candidates) candidate.suppressed = true;
    const others = basisOf();
    for (const candidate of candidates) candidate.suppressed = false;
    const hiding = candidates.find((candidate) => {
      const trial = others.clone();
      for (const other of candidates) if (other !== candidate) trial.add(vectors.get(other)!);
      return !trial.contains(vectors.get(exposed)!);
    });
    (hiding ?? candidates[0]!).suppressed = true;
  }
}

const vectorOf = (size: number, cell: Cell) => {
  const v = new Float64Array(size);
  for (const index of cell.leaves) v[index] = 1;
  return v;
};

/**
 * The cells that may be suppressed with an exposed one, smallest first (at most 12 are tried): the
 * published cells covering part of it (what exposes it is there: a département equal to an
 * association), its siblings, the cells of its level. Never the nation, unless it is under the
 * threshold itself.
 */
function complements(cells: Cell[], exposed: Cell): Cell[] {
  const leaves = new Set(exposed.leaves);
  return cells
    .filter(
      (cell) =>
        !cell.suppressed &&
        cell.level !== 'national' &&
        (cell.level === exposed.level || cell.leaves.some((leaf) => leaves.has(leaf))),
    )
    .sort((a, b) => a.value - b.value || a.level.localeCompare(b.level) || a.key.localeCompare(b.key))
    .slice(0, 12);
}

/** Whether `target` can be computed from the published cells (the test's attacker, and a self-check). */
export function recoverable(leaves: readonly Leaf[], cells: readonly Cell[], target: Cell): boolean {
  const basis = new Basis(leaves.length);
  for (const cell of cells) if (!cell.suppressed) basis.add(vectorOf(leaves.length, cell));
  return basis.contains(vectorOf(leaves.length, target));
}
