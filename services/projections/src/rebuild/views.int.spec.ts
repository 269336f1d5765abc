import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTables } from '../cases/store.ts';
import { journeyEvents } from '../demo/journey.ts';
import { VIEWS_LOCK } from '../log/ingest.ts';
import { startTestService, type TestService } from '../test-support.ts';
import { Rebuilds } from './rebuild.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('views');
});
afterAll(async () => service?.close());

const story = (caseId: string, officeId = 'office-75-bav') =>
  journeyEvents({
    caseId,
    start: new Date('2026-03-02T09:00:00.000Z'),
    associationId: 'asso-75',
    officeId,
    actions: [{ day: 0, kind: 'legal-information' }],
    mediation: 'returned',
  });

describe('views: rebuild, lag, live notices', () => {
  it('rebuilds a view from the log with its progress, to the same rows', async () => {
    for (let i = 0; i < 30; i++) await service.deliver(story(`case-rebuild-${i}`));
    const rows = () => service.module.db.query('SELECT * FROM pj_files ORDER BY file_id');
    const before = await rows();
    const admin = await service.auth('admin');
    const started = await service.app.inject({ method: 'POST', url: '/views/cases/rebuild', headers: admin });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({
      name: 'cases',
      status: 'rebuilding',
      total: 30 * story('x').length,
    });
    let status: { status: string; processed: number; total: number; lagEvents: number } | undefined;
    for (let tries = 0; tries < 100; tries++) {
      const views = await service.app.inject({ method: 'GET', url: '/views', headers: admin });
      status = views.json().items.find((view: { name: string }) => view.name === 'cases');
      if (status?.status === 'live') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toMatchObject({ status: 'live', processed: status!.total, lagEvents: 0 });
    expect(await rows()).toEqual(before);
    // The log has its statistics once rebuilt (the live refold's read of a few cases plans on them).
    const analysed = async () =>
      (
        await service.module.db.query<{ analysed: boolean }>(
          `SELECT last_analyze IS NOT NULL AS analysed FROM pg_stat_user_tables WHERE relname = 'pj_event_log'`,
        )
      )[0]?.analysed;
    await expect.poll(analysed, { timeout: 5_000 }).toBe(true);
    const ready = await service.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.json().checks.views).toMatchObject({ status: 'ok' });
    const refused = await service.app.inject({
      method: 'POST',
      url: '/views/cases/rebuild',
      headers: await service.auth('auditor'),
    });
    expect(refused.statusCode).toBe(403);
  });

  it('rebuilds while batches land: what they bring is in the rebuilt views', async () => {
    const rows = async () => ({
      cases: await service.module.db.query('SELECT * FROM pj_cases ORDER BY case_key'),
      files: await service.module.db.query('SELECT * FROM pj_files ORDER BY file_id'),
      referrals: await service.module.db.query('SELECT * FROM pj_referrals ORDER BY referral_id'),
    });
    const late = story(`case-late-${randomUUID()}`);
    await service.module.rebuilds.wait('cases');
    expect(await service.module.rebuilds.start('cases')).toBe(true);
    // Before, during or after the rebuild's start (it runs in the background): a new case.
    await service.deliver(late.slice(0, 3));
    await service.module.rebuilds.wait('cases');
    const during = await rows();
    expect(during.cases.some((row) => String(row['case_key']).startsWith('case-late-'))).toBe(true);
    expect(await service.module.rebuilds.start('cases')).toBe(true);
    await service.module.rebuilds.wait('cases');
    expect(await rows()).toEqual(during);
  });

  it('rebuilds a view once at a time across instances: a second request is refused, the first completes', async () => {
    const { db, geography, rebuilds } = service.module;
    await rebuilds.wait('cases');
    const rows = async () => ({
      cases: await db.query('SELECT * FROM pj_cases ORDER BY case_key'),
      files: await db.query('SELECT * FROM pj_files ORDER BY file_id'),
      actions: await db.query('SELECT * FROM pj_actions ORDER BY action_id'),
    });
    const before = await rows();
    const admin = await service.auth('admin');
    // Another instance of the service on the same database.
    const other = new Rebuilds(db, geography);
    // The views' lock, held here, stops the other instance's rebuild after its start, its lock taken.
    const holder = await db.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [VIEWS_LOCK]);
      expect(await other.start('cases')).toBe(true);

      const refused = await service.app.inject({
        method: 'POST',
        url: '/views/cases/rebuild',
        headers: admin,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ status: 409, code: 'rebuild_running' });
      await expect(rebuilds.run('cases')).rejects.toMatchObject({ status: 409, code: 'rebuild_running' });
      // The lock is the view's: the other view rebuilds meanwhile.
      expect(await rebuilds.start('directory')).toBe(true);
    } finally {
      await holder.query('COMMIT');
      holder.release();
    }
    await other.wait('cases');
    await rebuilds.wait('directory');
    expect((await rebuilds.status()).map((view) => view.status)).toEqual(['live', 'live']);
    expect(await rows()).toEqual(before);

    // Done, it lets the view go: this instance rebuilds it in turn.
    const again = await service.app.inject({ method: 'POST', url: '/views/cases/rebuild', headers: admin });
    expect(again.statusCode).toBe(202);
    await rebuilds.wait('cases');
    expect(await rows()).toEqual(before);
  });

  it('rebuilds to the same rows whatever the chunk size: cases cut at a chunk’s end, cases longer than a chunk', async () => {
    const { db, geography, rebuilds } = service.module;
    await rebuilds.wait('cases');
    const rows = async () =>
      Object.fromEntries(
        await Promise.all(
          caseTables.map(
            async ([table]) => [table, await db.query(`SELECT * FROM ${table} ORDER BY 1`)] as const,
          ),
        ),
      );
    const offices = () => db.query('SELECT * FROM pj_offices ORDER BY office_id');
    const before = await rows();
    const officesBefore = await offices();
    // A story is 9 events: at 1 and 4 each case is longer than a chunk (read whole); at 11 and 25 a
    // chunk ends inside a case, which waits for the next chunk.
    for (const chunk of [1, 4, 11, 25]) {
      const sized = new Rebuilds(db, geography, { chunk });
      await sized.run('cases');
      await sized.run('directory');
      expect(await rows()).toEqual(before);
      expect(await offices()).toEqual(officesBefore);
    }
    expect(() => new Rebuilds(db, geography, { chunk: 0 })).toThrow();
  });

  it('stops a rebuild whose lock went with its connection, before it writes or swaps: the live views stay', async () => {
    const { db, rebuilds } = service.module;
    await rebuilds.wait('cases');
    const rows = () => db.query('SELECT * FROM pj_files ORDER BY file_id');
    const before = await rows();
    const holder = await db.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [VIEWS_LOCK]);
      expect(await rebuilds.start('cases')).toBe(true);
      const ended = await db.query<{ ended: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'parcours-lock'`,
      );
      expect(ended).toEqual([{ ended: true }]);
    } finally {
      await holder.query('COMMIT');
      holder.release();
    }
    await rebuilds.wait('cases');
    expect((await rebuilds.status()).find((view) => view.name === 'cases')?.status).toBe('failed');
    expect(await rows()).toEqual(before);
    await rebuilds.run('cases');
    expect(await rows()).toEqual(before);
  });

  it('tells the web relay that an office’s dashboard changed, as soon as its events are in', async () => {
    const subscriber = new Redis(service.config.REDIS_URL);
    const received: { at: number; update: Record<string, unknown> }[] = [];
    subscriber.on('message', (_channel: string, message: string) =>
      received.push({ at: Date.now(), update: JSON.parse(message) as Record<string, unknown> }),
    );
    await subscriber.subscribe(service.config.LIVE_CHANNEL);
    const consumer = await service.module.startConsumer();
    try {
      // The group joins first: wait until a warm-up case is through.
      const warm = story(`warm-${randomUUID()}`, 'office-warm');
      await service.publish(warm);
      const deadline = Date.now() + 60_000;
      while (!received.some((r) => r.update['officeId'] === 'office-warm') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));

      const sent = Date.now();
      await service.publish(story(`live-${randomUUID()}`, 'office-live').slice(0, 4));
      while (!received.some((r) => r.update['officeId'] === 'office-live') && Date.now() < sent + 30_000)
        await new Promise((resolve) => setTimeout(resolve, 10));
      const notice = received.find((r) => r.update['officeId'] === 'office-live');
      expect(notice).toBeDefined();
      // The delay is a figure, not an assertion (shared machines are noisy): bench/projections measures it.
      console.info(`dashboard notice ${notice!.at - sent} ms after the events were sent`);
      expect(notice!.update).toEqual({
        resource: 'dashboard',
        change: 'updated',
        associationId: 'asso-75',
        officeId: 'office-live',
        scope: { national: false, associations: ['asso-75'], offices: ['office-live'] },
        at: expect.any(String),
      });
    } finally {
      await consumer.stop();
      await subscriber.quit();
    }
  }, 90_000);
});
