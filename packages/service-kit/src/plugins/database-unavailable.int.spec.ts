import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { Database } from '@parcours/eventstore';
import { createTestDatabase } from '@parcours/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, LogCapture, type TestApp } from '../testing/test-app.ts';

// A service's PostgreSQL down or restarting: every route that reaches it answers 503 problem+json
// with Retry-After, never 500. Against the real server: a database of this test's own whose backends
// the test terminates (57P01 admin_shutdown, as `pg_ctl stop -m fast` does), and a port where
// nothing listens (ECONNREFUSED, as while PostgreSQL is stopped).
let t: TestApp;
let live: Database;
let down: Database;
let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let relay: Relay;
const logs = new LogCapture();

/**
 * A TCP relay to the test database: closed, it is PostgreSQL stopped as the service sees it (its
 * connections cut, new ones refused on the port).
 */
class Relay {
  private readonly sockets = new Set<Socket>();
  private readonly server = createServer((client) => {
    const upstream = connect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => this.sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  private readonly target: { host: string; port: number };
  port = 0;

  constructor(target: { host: string; port: number }) {
    this.target = target;
  }

  async open() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close() {
    const closed = new Promise((resolve) => this.server.close(resolve));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase('kit_db_down');
  live = await Database.connect({ url: testDb.url, poolSize: 2, applicationName: 'kit-db-down' });
  const url = new URL(testDb.url);
  relay = new Relay({ host: url.hostname, port: Number(url.port || 5432) });
  await relay.open();
  url.port = String(relay.port);
  down = await Database.connect({ url: url.toString(), poolSize: 2 });
  // Connected and used once, then the relay closes: the pooled connection cut, new ones refused.
  await down.query('SELECT 1');
  await relay.close();
  t = await createTestApp({ logs });
  t.app.get('/down/pool', async () => down.query('SELECT 1 AS one'));
  t.app.post('/down/transaction', async () =>
    down.transaction((tx) => tx.query('INSERT INTO nowhere VALUES (1)')),
  );
  t.app.get('/down/orm', async () => down.em().getConnection().execute('SELECT 1'));
  t.app.get('/slow', async () => live.query('SELECT pg_sleep(30)'));
  t.app.get('/missing-table', async () => live.query('SELECT * FROM no_such_table'));
  await t.app.ready();
});
afterAll(async () => {
  await t?.close();
  await down?.orm.close(true).catch(() => undefined);
  await live?.orm.close(true).catch(() => undefined);
  await testDb?.drop();
});

const expect503 = (response: Awaited<ReturnType<TestApp['app']['inject']>>) => {
  expect(response.statusCode, response.body).toBe(503);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.headers['retry-after']).toBe('1');
  expect(response.json()).toMatchObject({ status: 503, code: 'database_unavailable' });
  // The driver's message (host, port, SQL) stays in the log.
  expect(response.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|SELECT|INSERT/);
};

describe('PostgreSQL down or restarting', () => {
  it('answers 503 with Retry-After once its connections are cut and the port refuses', async () => {
    for (const [method, url] of [
      ['GET', '/down/pool'],
      ['POST', '/down/transaction'],
      ['GET', '/down/orm'],
    ] as const) {
      expect503(await t.app.inject({ method, url, headers: await t.auth('caseworker') }));
    }
    expect(logs.lines.some((line) => line['msg'] === 'database unavailable')).toBe(true);
    expect(logs.lines.some((line) => line['msg'] === 'request failed')).toBe(false);
  });

  it('answers 503 when the server terminates the backend in the middle of a query (57P01)', async () => {
    const answer = t.app.inject({ method: 'GET', url: '/slow', headers: await t.auth('caseworker') });
    // The test's own backend, in the test's own database: what a fast shutdown does to it.
    const admin = await Database.connect({ url: testDb.url, poolSize: 1 });
    try {
      for (let i = 0; ; i++) {
        const [row] = await admin.query<{ n: number }>(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'kit-db-down'
              AND query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()`,
        );
        if (row!.n > 0) break;
        if (i > 200) throw new Error('the slow query never reached the server');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    } finally {
      await admin.orm.close(true);
    }
    expect503(await answer);
    // The pool recovers: the next request runs on a fresh connection.
    const next = await t.app.inject({
      method: 'GET',
      url: '/missing-table',
      headers: await t.auth('caseworker'),
    });
    expect(next.statusCode).toBe(500);
  });

  it('still answers 500 for an error of the query itself', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/missing-table',
      headers: await t.auth('caseworker'),
    });
    expect(response.statusCode).toBe(500);
    expect(response.headers['retry-after']).toBeUndefined();
  });
});
