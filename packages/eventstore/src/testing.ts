import type { Database, Sql } from './database.ts';
import type { EventStore } from './event-store.ts';
import { START } from './events.ts';
import type { Projection } from './projection.ts';

class RolledBack extends Error {
  readonly snapshot: unknown;
  constructor(snapshot: unknown) {
    super('rolled back on purpose');
    this.snapshot = snapshot;
  }
}

/**
 * What a projection's read model holds when every event of the store is applied one at a time with
 * `apply`, in a transaction rolled back afterwards: tests compare it with the model the runner built
 * (in batches, through `applyBatch` when the projection has one).
 */
export async function replayedOneByOne<T>(
  db: Database,
  store: EventStore,
  projection: Projection<any>,
  snapshot: (sql: Sql) => Promise<T>,
): Promise<T> {
  try {
    await db.transaction(async (tx) => {
      await projection.reset(tx);
      const { events } = await store.readAll(START, { limit: 1_000_000, tx });
      for (const event of events) {
        if (!projection.types || projection.types.includes(event.type)) await projection.apply(tx, event);
      }
      throw new RolledBack(await snapshot(tx));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.snapshot as T;
    throw error;
  }
  throw new Error('unreachable');
}
