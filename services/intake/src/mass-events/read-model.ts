import { defineEntity, p } from '@mikro-orm/core';
import type { OffenceCategory } from '@parcours/contracts';
import { readModels } from '@parcours/eventstore';
import type { IntakeEm } from '../entities.ts';
import type { MassEventKind } from './mass-event.ts';

/** The mass-casualty events (migration 0100_intake_read_models), written by the intake-views projection. */
export const MassEventRow = defineEntity({
  name: 'MassEventRow',
  tableName: 'mass_events',
  properties: {
    massEventId: p.text().primary(),
    name: p.text(),
    kind: p.text().$type<MassEventKind>(),
    occurredOn: p.date(),
    communeCode: p.text().nullable(),
    offenceCategory: p.text().$type<OffenceCategory>(),
    status: p.text().$type<'open' | 'closed'>(),
    recordedAt: p.datetime().columnType('timestamptz'),
  },
});

/** The events, open ones first, then the most recent. */
export async function listMassEvents(
  em: IntakeEm,
  query: { status?: 'open' | 'closed' | undefined; limit: number; offset: number },
) {
  const kysely = readModels(em);
  let base = kysely.selectFrom('mass_events');
  if (query.status) base = base.where('status', '=', query.status);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    base
      .select([
        'massEventId',
        'name',
        'kind',
        'occurredOn',
        'communeCode',
        'offenceCategory',
        'status',
        'recordedAt',
      ])
      .orderBy('status', 'desc')
      .orderBy('occurredOn', 'desc')
      .orderBy('recordedAt', 'desc')
      .orderBy('massEventId')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((row) => ({ ...row, recordedAt: row.recordedAt.toISOString() })),
  };
}
