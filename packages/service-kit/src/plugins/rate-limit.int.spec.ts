import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
// Two instances of one service share the budget through Redis.
let other: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' } });
  other = await createTestApp({
    env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000', SERVICE_NAME: t.serviceName },
  });
  for (const { app } of [t, other]) {
    app.get('/inbox', async () => ({ referrals: [] }));
    await app.ready();
  }
});
afterAll(async () => {
  await t.close();
  await other.close();
});

describe('rate limiting', () => {
  it('answers 429 problem+json with Retry-After once an actor spends the budget, across instances', async () => {
    const headers = { authorization: `Bearer ${await t.issuer.sign('caseworker')}` };
    const otherHeaders = { authorization: `Bearer ${await other.issuer.sign('caseworker')}` };
    expect((await t.app.inject({ method: 'GET', url: '/inbox', headers })).statusCode).toBe(200);
    expect((await other.app.inject({ method: 'GET', url: '/inbox', headers: otherHeaders })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ method: 'GET', url: '/inbox', headers })).statusCode).toBe(200);
    const limited = await other.app.inject({ method: 'GET', url: '/inbox', headers: otherHeaders });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate_limited', title: 'Too Many Requests' });

    // Another actor has their own budget.
    const colleague = await t.app.inject({ method: 'GET', url: '/inbox', headers: await t.auth('mediator') });
    expect(colleague.statusCode).toBe(200);
  });

  it('does not limit health probes', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    }
  });
});
