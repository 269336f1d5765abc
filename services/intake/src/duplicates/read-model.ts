import { readModels } from '@parcours/eventstore';
import type { IntakeEm } from '../entities.ts';

/** The minimal view of a possible duplicate: no identity, only what tells the intakes apart. */
const minimal = ['intakeId', 'channel', 'recordedAt', 'officeId', 'status'] as const;
const view = <Row extends { recordedAt: Date }>(row: Row) => ({
  ...row,
  recordedAt: row.recordedAt.toISOString(),
});

/** Other intakes (not merged) with this match key, oldest first. */
export async function possibleDuplicates(em: IntakeEm, intakeId: string, matchKey: string) {
  const rows = await readModels(em)
    .selectFrom('intake_summaries')
    .select(minimal)
    .where('matchKey', '=', matchKey)
    .where('intakeId', '<>', intakeId)
    .where('status', '<>', 'merged')
    .orderBy('recordedAt')
    .orderBy('intakeId')
    .execute();
  return rows.map(view);
}

/** Groups of two or more intakes (not merged) sharing a match key, the newest group first. */
export async function duplicateGroups(em: IntakeEm, page: { limit: number; offset: number }) {
  const kysely = readModels(em);
  const groups = await kysely
    .selectFrom('intake_summaries')
    .select('matchKey')
    .select((eb) => eb.fn.max('recordedAt').as('latest'))
    .where('matchKey', 'is not', null)
    .where('status', '<>', 'merged')
    .groupBy('matchKey')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .orderBy('latest', 'desc')
    .orderBy('matchKey')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const keys = groups.flatMap((group) => (group.matchKey ? [group.matchKey] : []));
  if (keys.length === 0) return [];
  const rows = await kysely
    .selectFrom('intake_summaries')
    .select([...minimal, 'matchKey'])
    .where('matchKey', 'in', keys)
    .where('status', '<>', 'merged')
    .orderBy('recordedAt')
    .orderBy('intakeId')
    .execute();
  return keys.map((key) => ({
    intakes: rows.filter((row) => row.matchKey === key).map(({ matchKey: _key, ...row }) => view(row)),
  }));
}
