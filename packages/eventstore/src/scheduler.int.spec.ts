import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { cancelJob, type Job, reschedule, schedule, scheduledJob } from './schedule.ts';
import { type JobHandler, Scheduler } from './scheduler.ts';
import { freshDatabase } from './test-support.ts';

let env: Awaited<ReturnType<typeof freshDatabase>>;
let db: Database;
let now = new Date('2026-12-01T09:00:00Z');
const clock = () => now;
const later = (ms: number) => new Date(now.getTime() + ms);

beforeAll(async () => {
  env = await freshDatabase('scheduler');
  db = env.db;
  await db.query('CREATE TABLE job_effects (key text NOT NULL, instance text NOT NULL)');
});
afterAll(async () => env.close());

const effects = async (keys: string[]) =>
  db.query<{ key: string; n: number }>(
    'SELECT key, count(*)::int AS n FROM job_effects WHERE key = ANY($1) GROUP BY key ORDER BY key',
    [keys],
  );

/** A handler that writes its effect, and notes when two jobs of one group overlap. */
function recording(instance: string, overlaps: string[], running: Set<string>): JobHandler {
  return async (tx, job) => {
    if (job.group && running.has(job.group)) overlaps.push(job.group);
    if (job.group) running.add(job.group);
    try {
      await new Promise((resolve) => setTimeout(resolve, 2));
      await tx.query('INSERT INTO job_effects (key, instance) VALUES ($1, $2)', [job.key, instance]);
    } finally {
      if (job.group) running.delete(job.group);
    }
  };
}

describe('Scheduler', () => {
  it('fires each of N due jobs exactly once with two instances, never two jobs of one group at once', async () => {
    const run = randomUUID();
    const jobs: Job[] = Array.from({ length: 60 }, (_, i) => ({
      key: `${run}:${i}`,
      kind: 'record',
      dueAt: later(-i * 1_000),
      group: `${run}:group-${i % 7}`,
    }));
    await db.transaction((tx) => schedule(tx, jobs));
    const overlaps: string[] = [];
    const running = new Set<string>();
    const instance = (name: string) =>
      new Scheduler(db, {
        instance: name,
        clock,
        batchSize: 5,
        handlers: { record: recording(name, overlaps, running) },
      });
    const [a, b] = [instance('a'), instance('b')];
    const fired = await Promise.all([a.fireDue(), b.fireDue(), a.fireDue(), b.fireDue()]);
    const keys = jobs.map((job) => job.key);
    expect(fired.reduce((x, y) => x + y, 0)).toBe(jobs.length);
    expect(await effects(keys)).toEqual([...keys].sort().map((key) => ({ key, n: 1 })));
    expect(overlaps).toEqual([]);
    const job = await scheduledJob(db, keys[0]!);
    expect(job).toMatchObject({ firedAt: now, attempts: 0, lastError: null });
    expect(['a', 'b']).toContain(job!.firedBy);
    expect(await Promise.all([a.fireDue(), b.fireDue()])).toEqual([0, 0]);
  });

  it('retries a failing job after a backoff, its writes rolled back, while the others fire', async () => {
    const run = randomUUID();
    let calls = 0;
    const scheduler = new Scheduler(db, {
      instance: 'solo',
      clock,
      backoffMs: (attempts) => attempts * 60_000,
      handlers: {
        record: recording('solo', [], new Set()),
        // Writes, then fails the first time: nothing of that attempt may stay.
        flaky: async (tx, job) => {
          calls++;
          await tx.query('INSERT INTO job_effects (key, instance) VALUES ($1, $2)', [job.key, 'solo']);
          if (job.attempts === 0) throw new Error('office directory unavailable');
        },
        // An SQL error aborts the transaction: the savepoint keeps the batch's other jobs alive.
        broken: async (tx) => void (await tx.query('SELECT 1 / 0')),
      },
    });
    await schedule(db, [
      { key: `${run}:first`, kind: 'record', dueAt: later(-3_000) },
      { key: `${run}:flaky`, kind: 'flaky', dueAt: later(-2_000) },
      { key: `${run}:broken`, kind: 'broken', dueAt: later(-1_500) },
      { key: `${run}:unknown`, kind: 'nobody-handles-this', dueAt: later(-1_200) },
      { key: `${run}:last`, kind: 'record', dueAt: later(-1_000) },
    ]);
    expect(await scheduler.fireDue()).toBe(2);
    expect((await effects([`${run}:first`, `${run}:flaky`, `${run}:last`])).map((e) => e.key)).toEqual([
      `${run}:first`,
      `${run}:last`,
    ]);
    expect(await scheduledJob(db, `${run}:flaky`)).toMatchObject({
      firedAt: null,
      attempts: 1,
      lastError: 'office directory unavailable',
    });
    expect(await scheduledJob(db, `${run}:broken`)).toMatchObject({
      attempts: 1,
      lastError: 'division by zero',
    });
    expect((await scheduledJob(db, `${run}:unknown`))?.lastError).toBe(
      'no handler for jobs of kind nobody-handles-this',
    );

    // Not before its backoff has passed.
    now = later(30_000);
    expect(await scheduler.fireDue()).toBe(0);
    now = later(31_000);
    expect(await scheduler.fireDue()).toBe(1);
    expect(calls).toBe(2);
    expect(await effects([`${run}:flaky`])).toEqual([{ key: `${run}:flaky`, n: 1 }]);
    expect(await scheduledJob(db, `${run}:flaky`)).toMatchObject({ firedAt: now, attempts: 1 });
    expect(await scheduledJob(db, `${run}:broken`)).toMatchObject({ firedAt: null, attempts: 2 });
  });

  it('fires a job rescheduled earlier at its new time, and never one cancelled before it was due', async () => {
    const run = randomUUID();
    const scheduler = new Scheduler(db, {
      instance: 'solo',
      clock,
      handlers: { record: recording('solo', [], new Set()) },
    });
    const job = (name: string, dueAt: Date): Job => ({ key: `${run}:${name}`, kind: 'record', dueAt });
    await schedule(db, [job('moved-earlier', later(3_600_000)), job('cancelled', later(3_600_000))]);
    await schedule(db, job('moved-later', later(-1_000)));
    // Scheduling a key again is idempotent: the first due time stays.
    await schedule(db, job('moved-later', later(-5_000)));
    expect(await reschedule(db, `${run}:moved-earlier`, later(-1))).toBe(true);
    expect(await reschedule(db, `${run}:moved-later`, later(7_200_000))).toBe(true);
    expect(await cancelJob(db, `${run}:cancelled`)).toBe(true);
    expect(await reschedule(db, `${run}:cancelled`, later(-1))).toBe(false);

    expect(await scheduler.fireDue()).toBe(1);
    expect((await effects([`${run}:moved-earlier`])).length).toBe(1);
    // A fired job can be neither moved nor cancelled.
    expect(await reschedule(db, `${run}:moved-earlier`, later(60_000))).toBe(false);
    expect(await cancelJob(db, `${run}:moved-earlier`)).toBe(false);

    now = later(3 * 3_600_000);
    expect(await scheduler.fireDue()).toBe(1);
    const keys = ['moved-earlier', 'moved-later', 'cancelled'].map((name) => `${run}:${name}`);
    expect((await effects(keys)).map((e) => e.key)).toEqual([`${run}:moved-earlier`, `${run}:moved-later`]);
    expect((await scheduledJob(db, `${run}:cancelled`))?.cancelledAt).toBeInstanceOf(Date);
  });

  it('keeps no job whose transaction rolled back', async () => {
    const key = `${randomUUID()}:rolled-back`;
    await expect(
      db.transaction(async (tx) => {
        await schedule(tx, { key, kind: 'record', dueAt: later(-1) });
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    expect(await scheduledJob(db, key)).toBeUndefined();
  });
});
