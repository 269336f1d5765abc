import { Database, queryAccessLog, schemaDrift } from '@parcours/eventstore';
import { createTestDatabase } from '@parcours/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { intakeMigrations } from './migrations.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase('intake_access_log_moved');
});
afterAll(async () => database.drop());

it("carries the intake's access log over to the event store's, where an auditor finds it", async () => {
  const moving = intakeMigrations.findIndex((m) => m.name === '0102_access_log_moved');
  const before = await Database.connect({ url: database.url, migrations: intakeMigrations.slice(0, moving) });
  try {
    await before.query(
      `INSERT INTO access_log (actor, intake_id, at, purpose) VALUES
         ('caseworker-1', 'intake-1', '2026-11-02T08:00:00Z', 'orientation'),
         ('auditor-1', 'intake-1', '2026-11-03T08:00:00Z', 'audit')`,
    );
  } finally {
    await before.close();
  }
  const after = await Database.connect({ url: database.url, migrations: intakeMigrations });
  try {
    const { items } = await queryAccessLog(after, { subject: { kind: 'intake', id: 'intake-1' } });
    expect(items).toEqual([
      {
        at: new Date('2026-11-02T08:00:00Z'),
        actor: 'caseworker-1',
        subject: { kind: 'intake', id: 'intake-1' },
        purpose: 'orientation',
      },
      {
        at: new Date('2026-11-03T08:00:00Z'),
        actor: 'auditor-1',
        subject: { kind: 'intake', id: 'intake-1' },
        purpose: 'audit',
      },
    ]);
    // Its read models' entities (the access log's, for now) match the migrated tables.
    expect(await schemaDrift(after)).toEqual([]);
    const [table] = await after.query("SELECT to_regclass('access_log') AS t");
    expect(table!['t']).toBeNull();
  } finally {
    await after.close();
  }
});
