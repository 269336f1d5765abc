import { defineEntity, p } from '@mikro-orm/core';
import { readModels } from '@parcours/eventstore';
import type { IntakeEm } from '../entities.ts';

/**
 * The helpline's callback queue (migration 0100_intake_read_models), written by the intake-views
 * projection: no number in clear (the contact stays encrypted in the CallbackRequested event).
 */
export const CallbackTaskRow = defineEntity({
  name: 'CallbackTaskRow',
  tableName: 'callback_queue',
  properties: {
    taskId: p.text().primary(),
    source: p.text(),
    intakeId: p.text().nullable(),
    urgency: p.text(),
    /** The urgency as a number for the queue's order (callback.ts urgencyRank). */
    urgencyRank: p.smallint(),
    dueAt: p.datetime().columnType('timestamptz'),
    status: p.text().$type<'open' | 'completed'>(),
    requestedAt: p.datetime().columnType('timestamptz'),
    completedAt: p.datetime().columnType('timestamptz').nullable(),
    completedBy: p.text().nullable(),
    outcome: p.text().nullable(),
  },
});

/** A page of the queue: the most urgent first, then the earliest due. */
export async function callbackQueue(
  em: IntakeEm,
  query: { status: 'open' | 'completed'; limit: number; offset: number },
) {
  const kysely = readModels(em);
  const [count, rows] = await Promise.all([
    kysely
      .selectFrom('callback_queue')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', query.status)
      .executeTakeFirst(),
    kysely
      .selectFrom('callback_queue')
      .select([
        'taskId',
        'source',
        'intakeId',
        'urgency',
        'dueAt',
        'status',
        'requestedAt',
        'completedAt',
        'outcome',
      ])
      .where('status', '=', query.status)
      .orderBy('urgencyRank')
      .orderBy('dueAt')
      .orderBy('taskId')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((row) => ({
      ...row,
      dueAt: row.dueAt.toISOString(),
      requestedAt: row.requestedAt.toISOString(),
      completedAt: row.completedAt?.toISOString() ?? null,
    })),
  };
}
