import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { kafkaCheck, postgresCheck } from './health.ts';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is live and ready when every check passes (real Redis PING)', async () => {
    t.app.registerReadinessCheck(
      'postgres',
      postgresCheck(async () => {}),
    );
    await t.app.ready();
    const live = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ok',
      checks: { redis: { status: 'ok' }, postgres: { status: 'ok' } },
    });
  });
});

describe('readiness with a failing check', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.app.registerReadinessCheck(
      'kafka',
      kafkaCheck(async () => {
        throw new Error('broker 127.0.0.1:9092 unreachable');
      }),
    );
    t.app.registerReadinessCheck('slow', () => new Promise((resolve) => setTimeout(resolve, 5_000)), {
      timeoutMs: 50,
    });
    await t.app.ready();
  });
  afterAll(() => t.close());

  it('answers 503 with each check’s status, without the failure’s message', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({
      status: 'error',
      checks: {
        redis: { status: 'ok' },
        kafka: { status: 'error', error: 'failed' },
        slow: { status: 'error', error: 'timeout' },
      },
    });
    expect(ready.body).not.toContain('unreachable');
    expect(ready.json().checks.slow.durationMs).toBeLessThan(1_000);
  });
});

describe('a slow boot', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // Workers start in onReady (service-app.ts): joining a consumer group on a Kafka cluster just
  // back from an outage took longer than Fastify's default 10 s, and the service exited (bench/chaos).
  it('waits for workers that take longer than 10 s to start', async () => {
    t.app.addHook('onReady', () => new Promise<void>((resolve) => setTimeout(resolve, 10_500)));
    await t.app.ready();
    const ready = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(ready.statusCode).toBe(200);
  }, 30_000);
});
