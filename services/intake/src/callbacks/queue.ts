import { defineEntity, p } from '@mikro-orm/core';
import {
  type Event,
  type Projection,
  readModels,
  type StoredEvent,
  type Tx,
  write,
} from '@parcours/eventstore';
import type { IntakeDb, IntakeEm } from '../entities.ts';
import { type CallbackEvent, urgencyRank } from './callback.ts';

/**
 * The helpline's callback queue (migration 0100_intake_read_models), written by `callbackViews`:
 * no number in clear (the contact stays encrypted in the CallbackRequested event).
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

/**
 * The callback queue, written in the append's transaction (inline): a listener who completes a
 * callback sees it leave the queue at once, and a call that needs one finds it there at once. A
 * row or two per callback: the helpline's calls do not pay for it as they would for the lists.
 */
export function callbackViews(db: IntakeDb): Projection<Event> {
  const kysely = readModels(db.em());
  const projection: Projection<Event> = {
    name: 'intake-callbacks',
    inline: true,
    types: ['CallbackRequested', 'CallbackCompleted'],
    async applyBatch(tx: Tx, events: StoredEvent<Event>[]) {
      for (const stored of events) await projection.apply(tx, stored);
    },
    async apply(tx: Tx, stored: StoredEvent<Event>) {
      const event = { type: stored.type, data: stored.data } as CallbackEvent;
      switch (event.type) {
        case 'CallbackRequested': {
          const { taskId, source, intakeId, urgency, dueAt, requestedAt } = event.data;
          await write(
            tx,
            kysely
              .insertInto('callback_queue')
              .values({
                taskId,
                source,
                intakeId,
                urgency,
                urgencyRank: urgencyRank[urgency],
                dueAt: new Date(dueAt),
                status: 'open',
                requestedAt: new Date(requestedAt),
              })
              .onConflict((conflict) => conflict.column('taskId').doNothing()),
          );
          return;
        }
        case 'CallbackCompleted': {
          const { taskId, at, by, outcome } = event.data;
          await write(
            tx,
            kysely
              .updateTable('callback_queue')
              .set({ status: 'completed', completedAt: new Date(at), completedBy: by, outcome })
              .where('taskId', '=', taskId),
          );
          return;
        }
      }
    },
    async reset(tx: Tx) {
      await tx.query('TRUNCATE callback_queue');
    },
  };
  return projection;
}
