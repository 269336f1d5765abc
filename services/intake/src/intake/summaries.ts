import { defineEntity, p } from '@mikro-orm/core';
import type { IntakeChannel, OffenceCategory } from '@parcours/contracts';
import { readModels } from '@parcours/eventstore';
import type { IntakeEm } from '../entities.ts';

/**
 * The helpline's intake list, one row per intake, without identities (migration
 * 0100_intake_read_models); written by the intake-views projection (read-models.ts). The match key
 * finds possible duplicates; it is cleared when the person's data is erased.
 */
export const IntakeSummaryRow = defineEntity({
  name: 'IntakeSummaryRow',
  tableName: 'intake_summaries',
  properties: {
    intakeId: p.text().primary(),
    caseId: p.text(),
    channel: p.text().$type<IntakeChannel>(),
    status: p.text().$type<IntakeListStatus>(),
    offenceCategory: p.text().$type<OffenceCategory>(),
    urgency: p.text(),
    officeId: p.text().nullable(),
    associationId: p.text().nullable(),
    massEventId: p.text().nullable(),
    matchKey: p.text().nullable(),
    mergedInto: p.text().nullable(),
    recordedBy: p.text(),
    recordedAt: p.datetime().columnType('timestamptz'),
    /** Every channel but a helpline call closed with a callback or information only (intake.ts awaitsOrientation). */
    awaitsOrientation: p.boolean(),
  },
});

export const IntakeListStatuses = ['open', 'ready', 'merged'] as const;
export type IntakeListStatus = (typeof IntakeListStatuses)[number];

export interface IntakeListFilter {
  /** Only this association's intakes (a manager's list); every intake when absent. */
  associationId?: string | undefined;
  intakeId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: IntakeListStatus | undefined;
  offenceCategory?: OffenceCategory | undefined;
  channel?: IntakeChannel | undefined;
  /** Only the intakes meant to be oriented (not a call closed with a callback or information). */
  awaitingOrientation?: boolean | undefined;
  /** The match key of a searched name: a name is never stored nor searched in clear. */
  matchKey?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of the list, newest first, each with its count of possible duplicates (not merged). */
export async function listIntakes(em: IntakeEm, filter: IntakeListFilter) {
  const kysely = readModels(em);
  let query = kysely.selectFrom('intake_summaries as s');
  if (filter.associationId !== undefined) query = query.where('s.associationId', '=', filter.associationId);
  if (filter.intakeId) query = query.where('s.intakeId', '=', filter.intakeId);
  if (filter.from) query = query.where('s.recordedAt', '>=', new Date(filter.from));
  if (filter.to) query = query.where('s.recordedAt', '<', new Date(filter.to));
  if (filter.status) query = query.where('s.status', '=', filter.status);
  if (filter.offenceCategory) query = query.where('s.offenceCategory', '=', filter.offenceCategory);
  if (filter.channel) query = query.where('s.channel', '=', filter.channel);
  if (filter.awaitingOrientation) query = query.where('s.awaitsOrientation', '=', true);
  if (filter.matchKey) query = query.where('s.matchKey', '=', filter.matchKey);
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    query
      .select([
        's.intakeId',
        's.caseId',
        's.channel',
        's.status',
        's.offenceCategory',
        's.urgency',
        's.officeId',
        's.associationId',
        's.massEventId',
        's.recordedAt',
      ])
      .select((eb) =>
        eb
          .selectFrom('intake_summaries as d')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('d.matchKey', '=', 's.matchKey')
          .whereRef('d.intakeId', '<>', 's.intakeId')
          .where('d.status', '<>', 'merged')
          .as('possibleDuplicates'),
      )
      .orderBy('s.recordedAt', 'desc')
      .orderBy('s.intakeId')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((row) => ({
      ...row,
      recordedAt: row.recordedAt.toISOString(),
      possibleDuplicates: Number(row.possibleDuplicates ?? 0),
    })),
  };
}
