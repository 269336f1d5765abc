import { createTestDatabase } from '@parcours/testing';
import { Database, type MigrationEntry } from './database.ts';
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
