import { createTestDatabase } from '@parcours/testing';
import { Database, type MigrationEntry, type Sql } from './database.ts';
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

/**
 * A fresh database migrated up to `migration` (not included), filled by `seed` as the older code
 * left it, then migrated to the end: for the test of a migration that moves data. `close` drops it.
 */
export async function migratedAcross(
  prefix: string,
  migrations: MigrationEntry[],
  migration: string,
  seed: (sql: Sql) => Promise<unknown>,
): Promise<{ db: Database; close(): Promise<void> }> {
  const upTo = migrations.findIndex((m) => m.name === migration);
  if (upTo < 0) throw new Error(`no migration ${migration}`);
  const created = await createTestDatabase(prefix);
  const before = await Database.connect({ url: created.url, migrations: migrations.slice(0, upTo) });
  try {
    await seed(before);
  } finally {
    await before.close();
  }
  const db = await Database.connect({ url: created.url, migrations });
  return {
    db,
    async close() {
      await db.close();
      await created.drop();
    },
  };
}
