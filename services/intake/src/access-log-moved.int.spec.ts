import { queryAccessLog, schemaDrift } from '@parcours/eventstore';
import { migratedAcross } from '@parcours/eventstore/testing';
import { expect, it } from 'vitest';
import { intakeMigrations } from './migrations.ts';

it("carries the intake's access log over to the event store's, where an auditor finds it", async () => {
  const { db, close } = await migratedAcross(
    'intake_access_log_moved',
    intakeMigrations,
    '0102_access_log_moved',
    (sql) =>
      sql.query(
        `INSERT INTO access_log (actor, intake_id, at, purpose) VALUES
           ('caseworker-1', 'intake-1', '2026-11-02T08:00:00Z', 'orientation'),
           ('auditor-1', 'intake-1', '2026-11-03T08:00:00Z', 'audit')`,
      ),
  );
  try {
    const { items } = await queryAccessLog(db, { subject: { kind: 'intake', id: 'intake-1' } });
    const subject = { kind: 'intake', id: 'intake-1' };
    expect(items).toEqual([
      { at: new Date('2026-11-02T08:00:00Z'), actor: 'caseworker-1', subject, purpose: 'orientation' },
      { at: new Date('2026-11-03T08:00:00Z'), actor: 'auditor-1', subject, purpose: 'audit' },
    ]);
    // Its read models' entities (the access log's, for now) match the migrated tables.
    expect(await schemaDrift(db)).toEqual([]);
    const [table] = await db.query("SELECT to_regclass('access_log') AS t");
    expect(table!['t']).toBeNull();
  } finally {
    await close();
  }
});
