import { createTestDatabase } from '@parcours/testing';
import { Database, type MigrationEntry } from './database.ts';
import type { Decider } from './events.ts';
import { eventStoreMigrations, subjectKeyMigrations } from './migrations.ts';

/** A fresh database with the event store's (and the key store's) schema, for one test file. */
export async function freshDatabase(prefix: string, extra: MigrationEntry[] = []) {
  const created = await createTestDatabase(prefix);
  const db = await Database.connect({
    url: created.url,
    migrations: [...eventStoreMigrations, ...subjectKeyMigrations, ...extra],
    poolSize: 8,
  });
  return {
    db,
    url: created.url,
    async close() {
      await db.close();
      await created.drop();
    },
  };
}

export type CounterEvent = { type: 'Incremented'; data: { by: number; seenTotal: number } };
export type Increment = { type: 'Increment'; by: number };

/** The smallest decider: each increment records the total it was decided on. */
export const counter: Decider<Increment, CounterEvent, { total: number }> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.by }),
  decide: (command, state) => [{ type: 'Incremented', data: { by: command.by, seenTotal: state.total } }],
};
