import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let executions = 0;
let release: (() => void) | undefined;

beforeAll(async () => {
  t = await createTestApp();
  t.app.post(
    '/cases/:caseId/actions',
    {
      config: { idempotent: true },
      schema: {
        params: Type.Object({ caseId: Type.String() }),
        body: Type.Object({
          kind: Type.String(),
          note: Type.Optional(Type.String()),
          slow: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request, reply) => {
      executions += 1;
      if (request.body.slow) await new Promise<void>((resolve) => (release = resolve));
      return reply.code(201).send({ actionId: `action-${executions}`, kind: request.body.kind });
    },
  );
  await t.app.ready();
});
afterAll(() => t.close());

const post = async (
  key: string | undefined,
  body: object,
  user: 'caseworker' | 'caseworker-69' = 'caseworker',
) =>
  t.app.inject({
    method: 'POST',
    url: '/cases/c-1/actions',
    headers: { ...(await t.auth(user)), ...(key === undefined ? {} : { 'idempotency-key': key }) },
    payload: body,
  });

describe('Idempotency-Key', () => {
  it('runs the command once and replays the stored response', async () => {
    const key = crypto.randomUUID();
    const before = executions;
    const first = await post(key, { kind: 'legal-information', note: 'n' });
    // The same command with its properties in another order.
    const second = await post(key, { note: 'n', kind: 'legal-information' });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.json()).toEqual(first.json());
    expect(executions - before).toBe(1);
    const ttl = await t.redis.pttl(
      `parcours:${t.serviceName}:idempotency:dev-caseworker:POST /cases/:caseId/actions:${key}`,
    );
    expect(ttl).toBeGreaterThan(23 * 60 * 60 * 1000);
  });

  it('answers 422 when the key comes back with a different body', async () => {
    const key = crypto.randomUUID();
    await post(key, { kind: 'legal-information' });
    const reused = await post(key, { kind: 'psychological-support' });
    expect(reused.statusCode).toBe(422);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reused.json()).toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('answers 409 to a duplicate sent while the first is still running', async () => {
    const key = crypto.randomUUID();
    const before = executions;
    const first = post(key, { kind: 'hearing', slow: true });
    await expect.poll(() => release).toBeDefined();
    const duplicate = await post(key, { kind: 'hearing', slow: true });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'idempotency_key_in_flight' });
    release?.();
    release = undefined;
    expect((await first).statusCode).toBe(201);
    expect(executions - before).toBe(1);
  });

  it('scopes keys by actor: another user with the same key runs their own command', async () => {
    const key = crypto.randomUUID();
    const before = executions;
    await post(key, { kind: 'legal-information' });
    const other = await post(key, { kind: 'legal-information' }, 'caseworker-69');
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(executions - before).toBe(2);
  });

  it('rejects a malformed key and runs normally without one', async () => {
    const tooLong = await post('k'.repeat(256), { kind: 'x' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'invalid_idempotency_key' });
    const before = executions;
    await post(undefined, { kind: 'x' });
    await post(undefined, { kind: 'x' });
    expect(executions - before).toBe(2);
  });
});

describe('Idempotency-Key claims', () => {
  let short: TestApp;
  let runs = 0;
  let finish: (() => void) | undefined;
  beforeAll(async () => {
    short = await createTestApp({ idempotency: { lockMs: 300 } });
    short.app.post('/slow', { config: { idempotent: true } }, async (_request, reply) => {
      runs++;
      await new Promise<void>((resolve) => (finish = resolve));
      return reply.code(201).send({ runs });
    });
    await short.app.ready();
  });
  afterAll(() => short.close());
  const answer = () => {
    const running = finish;
    finish = undefined;
    running?.();
  };
  const send = async (key: string) =>
    short.app.inject({
      method: 'POST',
      url: '/slow',
      headers: { ...(await short.auth('caseworker')), 'idempotency-key': key },
      payload: {},
    });

  it('holds while its request runs, however long, and frees a dead instance’s key after the lock time', async () => {
    const key = crypto.randomUUID();
    const first = send(key);
    await expect.poll(() => finish).toBeDefined();
    // Three lock times later the claim is still held: renewed while the command runs.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect((await send(key)).statusCode).toBe(409);
    answer();
    expect((await first).statusCode).toBe(201);
    expect(runs).toBe(1);

    // A claim left by an instance that died before answering (nobody renews it).
    const orphan = crypto.randomUUID();
    const claimKey = `parcours:${short.serviceName}:idempotency:dev-caseworker:POST /slow:${orphan}`;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ body: {}, params: {} }))
      .digest('base64url');
    await short.redis.set(claimKey, JSON.stringify({ state: 'in-flight', fingerprint }), 'PX', 300);
    expect((await send(orphan)).statusCode).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const retried = send(orphan);
    await expect.poll(() => finish).toBeDefined();
    answer();
    expect((await retried).statusCode).toBe(201);
    expect(runs).toBe(2);
  });
});

describe('Idempotency-Key while Redis does not answer', () => {
  let down: TestApp;
  beforeAll(async () => {
    down = await createTestApp();
    down.app.post('/things', { config: { idempotent: true } }, async (_request, reply) =>
      reply.code(201).send({}),
    );
    await down.app.ready();
  });
  afterAll(async () => {
    await down.app.close();
  });

  it('answers 503 with Retry-After, a problem naming the cause, not a 500', async () => {
    down.redis.disconnect();
    const res = await down.app.inject({
      method: 'POST',
      url: '/things',
      headers: { ...(await down.auth('caseworker')), 'idempotency-key': crypto.randomUUID() },
      payload: {},
    });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json()).toMatchObject({ code: 'idempotency_unavailable' });
  });
});
