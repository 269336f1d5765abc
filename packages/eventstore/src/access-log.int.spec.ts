import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logAccess, queryAccessLog } from './access-log.ts';
import { freshDatabase } from './test-support.ts';

let env: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  env = await freshDatabase('accesslog');
});
afterAll(async () => env.close());

describe('access log', () => {
  it('answers an auditor by subject, by actor and by period, a page at a time', async () => {
    const run = randomUUID();
    const intake = { kind: 'intake', id: `intake-${run}` };
    const file = { kind: 'follow-up-file', id: `file-${run}` };
    const [jurist, psychologist] = [`jurist-${run}`, `psychologist-${run}`];
    await logAccess(env.db, { actor: jurist, subject: intake, purpose: 'orientation' });
    await logAccess(env.db, { actor: psychologist, subject: intake, purpose: 'consultation' });
    await logAccess(env.db, { actor: jurist, subject: file, purpose: 'hearing preparation' });
    // An entry of another period: the log is append-only, so the test dates one by hand.
    await env.db.query(
      `INSERT INTO es_access_log (at, actor, subject_kind, subject_id, purpose)
       VALUES ('2025-01-15T10:00:00Z', $1, 'intake', $2, 'consultation')`,
      [jurist, intake.id],
    );

    const byIntake = await queryAccessLog(env.db, { subject: intake });
    expect(byIntake.items.map((e) => [e.actor, e.purpose])).toEqual([
      [jurist, 'orientation'],
      [psychologist, 'consultation'],
      [jurist, 'consultation'],
    ]);
    expect(byIntake.items[0]).toMatchObject({ subject: intake, at: expect.any(Date) });
    expect(byIntake.next).toBeUndefined();

    const byJurist = await queryAccessLog(env.db, { actor: jurist, from: new Date('2026-01-01T00:00:00Z') });
    expect(byJurist.items.map((e) => e.subject)).toEqual([intake, file]);
    const inJanuary2025 = await queryAccessLog(env.db, {
      actor: jurist,
      from: new Date('2025-01-01T00:00:00Z'),
      to: new Date('2025-02-01T00:00:00Z'),
    });
    expect(inJanuary2025.items).toEqual([
      { at: new Date('2025-01-15T10:00:00Z'), actor: jurist, subject: intake, purpose: 'consultation' },
    ]);

    const first = await queryAccessLog(env.db, { subject: intake, limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await queryAccessLog(env.db, { subject: intake, limit: 2, after: first.next! });
    expect([...first.items, ...second.items]).toEqual(byIntake.items);
    expect(second.next).toBeUndefined();
  });

  it('keeps no entry of a read whose transaction failed', async () => {
    const subject = { kind: 'intake', id: `intake-${randomUUID()}` };
    await expect(
      env.db.transaction(async (tx) => {
        await logAccess(tx, { actor: 'caseworker-1', subject, purpose: 'consultation' });
        throw new Error('the read failed');
      }),
    ).rejects.toThrow('the read failed');
    expect((await queryAccessLog(env.db, { subject })).items).toEqual([]);
  });
});
