import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireRole } from '../../auth/plugin.ts';
import { unprocessable } from '../../errors.ts';
import { commandRoute } from '../../routes.ts';
import { StringEnum } from '../../schemas.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { fuzzOpenApi, openApiDocument } from './fuzz-openapi.ts';

let t: TestApp;
let buggy: TestApp;
const actions = `fuzz-actions:${randomUUID()}`;
const buggyWrites = `fuzz-buggy:${randomUUID()}`;

const CaseParams = Type.Object({ caseId: Type.String({ format: 'uuid' }) });

/** A sample service: its commands write to Redis, so `snapshot` reads what was written. */
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
  t.app.post(
    '/cases/:caseId/actions',
    commandRoute({
      summary: 'Record a support action',
      params: CaseParams,
      body: Type.Object({
        kind: StringEnum(['legal-information', 'psychological-support']),
        note: Type.Optional(Type.String({ maxLength: 500 })),
        minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 600 })),
        topics: Type.Optional(Type.Array(StringEnum(['housing', 'work', 'health']), { uniqueItems: true })),
        place: Type.Optional(
          Type.Object({
            postcode: Type.String({ pattern: '^[0-9]{5}$' }),
            city: Type.Optional(Type.String()),
          }),
        ),
      }),
      response: { 201: Type.Object({ actionId: Type.String() }) },
      preHandler: requireRole('caseworker'),
    }),
    async (request, reply) => {
      await t.redis.rpush(actions, JSON.stringify({ caseId: request.params.caseId, ...request.body }));
      return reply.code(201).send({ actionId: randomUUID() });
    },
  );
  t.app.get(
    '/cases',
    {
      schema: {
        summary: 'List cases',
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          overdue: Type.Optional(Type.Boolean()),
          status: Type.Optional(StringEnum(['open', 'closed'])),
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        }),
      },
    },
    async (request) => ({ items: [], limit: request.query.limit }),
  );
  t.app.get('/cases/:caseId', { schema: { summary: 'A case', params: CaseParams } }, async (request) => ({
    caseId: request.params.caseId,
  }));
  await t.app.ready();

  // The same kind of service with the faults the fuzzer is there to find.
  buggy = await createTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
  buggy.app.post(
    '/notes',
    commandRoute({
      summary: 'Record a note',
      body: Type.Object({ note: Type.String({ maxLength: 200 }) }),
      response: { 201: Type.Object({ ok: Type.Boolean() }) },
    }),
    async (request, reply) => {
      await buggy.redis.incr(buggyWrites);
      if (request.body.note.includes('<')) throw new Error('the template engine choked');
      if (request.body.note.includes("'"))
        throw unprocessable('note_refused', 'Refused after it was written');
      return reply.code(201).send({ ok: true });
    },
  );
  await buggy.app.ready();
});
afterAll(async () => {
  await t.redis.del(actions, buggyWrites);
  await t.close();
  await buggy.close();
});

describe('fuzzOpenApi', () => {
  it('finds nothing wrong with a kit app: no 5xx, every refusal names its field, nothing written', async () => {
    const token = await t.token('caseworker');
    const report = await fuzzOpenApi({
      app: t.app,
      document: await openApiDocument(t.app),
      token: () => token,
      snapshot: () => t.redis.llen(actions),
      seed: 42,
      runs: 40,
    });
    expect(report.failures).toEqual([]);
    expect(report.operations).toBe(5);
    expect(report.cases).toBeGreaterThan(250);
    // Both sides were reached: refusals, and commands that went through and wrote.
    expect(report.byStatus['400']).toBeGreaterThan(200);
    expect(report.byStatus['201']).toBeGreaterThan(10);
    expect(await t.redis.llen(actions)).toBe(report.byStatus['201']);
  });

  it('reports a 5xx, and a refusal that wrote anyway', async () => {
    const token = await buggy.token('caseworker');
    const report = await fuzzOpenApi({
      app: buggy.app,
      document: await openApiDocument(buggy.app),
      token: () => token,
      snapshot: () => buggy.redis.get(buggyWrites),
      skip: (operation) => operation.path.startsWith('/health'),
    });
    const problems = new Set(report.failures.map((failure) => `${failure.status} ${failure.problem}`));
    const written = report.failures.find((failure) => failure.status === 422)?.written;
    expect(Number(written?.after)).toBe(Number(written?.before) + 1);
    expect(problems).toEqual(
      new Set([
        '500 a server error',
        '500 refused, yet something was written',
        '422 refused, yet something was written',
      ]),
    );
    expect(report.failures).toContainEqual({
      case: 'POST /notes body /note: markup',
      status: 500,
      problem: 'a server error',
    });
  });
});
