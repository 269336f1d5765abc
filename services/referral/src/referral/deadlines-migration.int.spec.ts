import { randomUUID } from 'node:crypto';
import { scheduledJob, schemaDrift } from '@parcours/eventstore';
import { migratedAcross } from '@parcours/eventstore/testing';
import { expect, it } from 'vitest';
import { referralMigrations } from '../migrations.ts';
import { DEADLINE_JOB, deadlineJobs } from './scheduler.ts';

it('moves the deadlines of referral_deadlines onto the schedule as the jobs the service schedules', async () => {
  const referralId = randomUUID();
  const dueAt = '2026-12-01T13:00:00.000Z';
  const reminders = [
    { kind: 'reminder-50' as const, at: '2026-12-01T11:00:00.000Z' },
    { kind: 'reminder-90' as const, at: '2026-12-01T12:36:00.000Z' },
  ];
  const { db, close } = await migratedAcross(
    'referral_deadlines_moved',
    referralMigrations,
    '0203_deadlines_on_schedule',
    (sql) =>
      sql.query(
        `INSERT INTO referral_deadlines (referral_id, kind, due_at, fired_at, fired_by) VALUES
           ($1, 'reminder-50', $2, $2, 'referral-1'), ($1, 'reminder-90', $3, NULL, NULL), ($1, 'expiry', $4, NULL, NULL)`,
        [referralId, reminders[0]!.at, reminders[1]!.at, dueAt],
      ),
  );
  try {
    const expected = deadlineJobs([{ referralId, deadlines: { reminders, dueAt } } as never]);
    expect(expected.map((job) => job.kind)).toEqual([DEADLINE_JOB, DEADLINE_JOB, DEADLINE_JOB]);
    for (const job of expected) {
      expect(await scheduledJob(db, job.key)).toMatchObject({
        kind: job.kind,
        group: job.group,
        dueAt: new Date(job.dueAt),
        payload: job.payload,
        firedAt: job.key.endsWith('reminder-50') ? new Date(reminders[0]!.at) : null,
      });
    }
    // Its read models' entities (the access log's, for now) match the migrated tables.
    expect(await schemaDrift(db)).toEqual([]);
    const [table] = await db.query("SELECT to_regclass('referral_deadlines') AS t");
    expect(table!['t']).toBeNull();
  } finally {
    await close();
  }
});
