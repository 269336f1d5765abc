import type { Sql } from '@parcours/eventstore';
import { type Cell, type Leaf, type Level, suppress } from './suppression.ts';

/** The federation's figures: counts per leaf (association × département), never an identity. */
export const FederationFigures = [
  'openFiles',
  'filesWithoutActivity',
  'referralsWaiting',
  'referralsOverdue',
  'personsHelped',
  'deadlineBreaches',
  'mediationAgreements',
  'mediationReturns',
] as const;
export type FederationFigure = (typeof FederationFigures)[number];

// Each query returns (association_id, office_id, n): the office gives the département.
const count = (from: string, where: string) =>
  `SELECT association_id, office_id, count(*)::int AS n FROM ${from} WHERE ${where} GROUP BY 1, 2`;
const queries = (
  from: Date,
  to: Date,
  asOf: Date,
  weeks: number,
): Record<FederationFigure, [string, unknown[]]> => ({
  openFiles: [count('pj_files', `status <> 'closed'`), []],
  filesWithoutActivity: [
    count(
      'pj_files',
      `status <> 'closed' AND (inactive_since IS NOT NULL OR last_activity_at < $1::timestamptz - make_interval(weeks => $2))`,
    ),
    [asOf, weeks],
  ],
  referralsWaiting: [count('pj_referrals', `status = 'proposed' AND office_id IS NOT NULL`), []],
  referralsOverdue: [
    count('pj_referrals', `status = 'proposed' AND office_id IS NOT NULL AND due_at < $1`),
    [asOf],
  ],
  // A person counts once per association, at the office of their first interview of the year.
  personsHelped: [
    count(
      `(SELECT DISTINCT ON (person_key, association_id) association_id, office_id FROM pj_actions
        WHERE done_at >= $1 AND done_at < $2 ORDER BY person_key, association_id, done_at, action_id) first`,
      'true',
    ),
    [from, to],
  ],
  deadlineBreaches: [count('pj_breaches', 'at >= $1 AND at < $2 AND office_id IS NOT NULL'), [from, to]],
  mediationAgreements: [
    count('pj_mediations', `status IN ('agreed', 'settled') AND outcome_at >= $1 AND outcome_at < $2`),
    [from, to],
  ],
  mediationReturns: [
    count('pj_mediations', `status IN ('returned', 'refused') AND outcome_at >= $1 AND outcome_at < $2`),
    [from, to],
  ],
});

/** The year in France: from 1 January 00:00 Paris time (always UTC+1 in winter). */
export const yearBounds = (year: number) =>
  [new Date(`${year}-01-01T00:00:00+01:00`), new Date(`${year + 1}-01-01T00:00:00+01:00`)] as const;

export interface FederationCube {
  year: number;
  asOf: string;
  threshold: number;
  /** Per figure, every cell (nation, regions, départements, associations) with its suppression. */
  figures: Record<FederationFigure, Cell[]>;
}

/**
 * Every figure's cube for one year: leaves counted in SQL, placed by the directory's offices (an
 * office the directory does not know is in département "unknown"), then suppressed as a whole so
 * that every level and filter reads the same published cells.
 */
export async function federationCube(
  sql: Sql,
  options: { year: number; asOf: Date; threshold: number; inactiveWeeks: number },
): Promise<FederationCube> {
  const offices = new Map(
    (
      await sql.query<{ office_id: string; association_id: string; departement: string; region: string }>(
        'SELECT office_id, association_id, departement, region FROM pj_offices',
      )
    ).map((row) => [row.office_id, row]),
  );
  const [from, to] = yearBounds(options.year);
  const figureQueries = queries(from, to, options.asOf, options.inactiveWeeks);
  const counted = await Promise.all(
    FederationFigures.map((figure) =>
      sql.query<{ association_id: string; office_id: string; n: number }>(...figureQueries[figure]),
    ),
  );
  // The structure every figure shares: each (association, département) the directory or the data knows.
  const leafKey = (associationId: string, departement: string) => `${associationId}\u0000${departement}`;
  const structure = new Map<string, Omit<Leaf, 'value'>>();
  const place = (associationId: string, officeId: string) => {
    const office = offices.get(officeId);
    const departement = office?.departement ?? 'unknown';
    const key = leafKey(associationId, departement);
    if (!structure.has(key))
      structure.set(key, { associationId, departement, region: office?.region ?? 'unknown' });
    return key;
  };
  for (const office of offices.values()) place(office.association_id, office.office_id);
  const values = counted.map((rows) => {
    const byLeaf = new Map<string, number>();
    for (const row of rows) {
      const key = place(row.association_id, row.office_id);
      byLeaf.set(key, (byLeaf.get(key) ?? 0) + row.n);
    }
    return byLeaf;
  });
  const keys = [...structure.keys()].sort();
  const figures = Object.fromEntries(
    FederationFigures.map((figure, i) => [
      figure,
      suppress(
        keys.map((key) => ({ ...structure.get(key)!, value: values[i]!.get(key) ?? 0 })),
        options.threshold,
      ),
    ]),
  ) as Record<FederationFigure, Cell[]>;
  return { year: options.year, asOf: options.asOf.toISOString(), threshold: options.threshold, figures };
}

export interface FederationRow {
  level: Level;
  key: string;
  region: string | null;
  /** null: suppressed. */
  values: Record<FederationFigure, number | null>;
}

/** The rows of one level (optionally of one region), with the nation's, as published. */
export function federationRows(cube: FederationCube, level: Exclude<Level, 'national'>, region?: string) {
  const index = new Map<string, Map<FederationFigure, Cell>>();
  for (const figure of FederationFigures)
    for (const cell of cube.figures[figure]) {
      const id = `${cell.level}:${cell.key}`;
      if (!index.has(id)) index.set(id, new Map());
      index.get(id)!.set(figure, cell);
    }
  const row = (lvl: Level, key: string): FederationRow => {
    const cells = index.get(`${lvl}:${key}`);
    const values = {} as Record<FederationFigure, number | null>;
    for (const figure of FederationFigures) {
      const cell = cells?.get(figure);
      values[figure] = !cell ? 0 : cell.suppressed ? null : cell.value;
    }
    const first = cells?.values().next().value;
    return {
      level: lvl,
      key,
      region: lvl === 'departement' ? (first?.parent ?? null) : lvl === 'region' ? key : null,
      values,
    };
  };
  const rows = [...index.keys()]
    .filter((id) => id.startsWith(`${level}:`))
    .map((id) => row(level, id.slice(level.length + 1)))
    .filter((r) => !region || r.region === region)
    .sort((a, b) => a.key.localeCompare(b.key));
  return { national: row('national', 'FR'), rows };
}
