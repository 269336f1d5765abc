import { Type } from '@sinclair/typebox';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireRole } from '../auth/plugin.ts';
import { notFound } from '../errors.ts';
import { commandRoute } from '../routes.ts';
import { StringEnum } from '../schemas.ts';
import { lintOpenApi } from '../testing/openapi-lint.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { openApiPlugin } from './openapi.ts';

let t: TestApp;
let document: Record<string, any>;

const ActionParams = Type.Object({ caseId: Type.String({ format: 'uuid' }) });
const ActionBody = Type.Object({
  kind: StringEnum(['legal-information', 'psychological-support']),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

beforeAll(async () => {
  t = await createTestApp();
  t.app.post(
    '/cases/:caseId/actions',
    commandRoute({
      summary: 'Record a support action on a case',
      tags: ['cases'],
      params: ActionParams,
      body: ActionBody,
      response: { 201: Type.Object({ actionId: Type.String() }) },
      preHandler: requireRole('caseworker'),
      problems: [409],
    }),
    // Typed from the schemas, no cast: `kind` is the enum's union.
    async (request, reply) => {
      const kind: 'legal-information' | 'psychological-support' = request.body.kind;
      return reply.code(201).send({ actionId: `${request.params.caseId}:${kind}` });
    },
  );
  t.app.get(
    '/cases',
    {
      schema: {
        summary: 'List cases',
        operationId: 'listCases',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
      },
    },
    async () => ({ items: [] }),
  );
  t.app.get(
    '/offices/:officeId',
    { schema: { summary: 'An office of the directory', tags: ['directory'] } },
    async () => {
      throw notFound('office_not_found', 'No such office');
    },
  );
  await t.app.ready();
  document = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
});
afterAll(() => t.close());

describe('OpenAPI document', () => {
  it('lints clean with the recommended rules', async () => {
    expect(await lintOpenApi(document)).toEqual([]);
  });

  it('is what the linter finds wanting without the kit completing it', async () => {
    const bare = structuredClone(document);
    delete bare.servers;
    const operation = bare.paths['/cases'].get;
    for (const status of Object.keys(operation.responses))
      if (status.startsWith('4')) delete operation.responses[status];
    delete operation.summary;
    delete operation.operationId;
    const rules = (await lintOpenApi(bare)).map((finding) => finding.rule).sort();
    expect(rules).toEqual([
      'oas3-api-servers',
      'operation-operationId',
      'parcours-operation-4xx-problem',
      'parcours-operation-summary',
    ]);
  });

  it("names each operation: the route's own operationId, or one derived from method and path", () => {
    expect(document.paths['/cases'].get.operationId).toBe('listCases');
    expect(document.paths['/cases/{caseId}/actions'].post.operationId).toBe('postCasesByCaseIdActions');
    expect(document.paths['/health/ready'].get.operationId).toBe('getHealthReady');
    expect(document.paths['/offices/{officeId}'].get.tags).toEqual(['directory']);
    expect(document.paths['/cases'].get.tags).toEqual(['cases']);
  });

  it('documents the problems each route can answer, as problem+json', () => {
    const refs = (path: string, method: string) =>
      Object.fromEntries(
        Object.entries(document.paths[path][method].responses as Record<string, { $ref?: string }>)
          .filter(([status]) => status.startsWith('4'))
          .map(([status, response]) => [status, response.$ref]),
      );
    expect(refs('/cases/{caseId}/actions', 'post')).toEqual({
      400: '#/components/responses/BadRequest',
      401: '#/components/responses/Unauthorized',
      403: '#/components/responses/Forbidden',
      404: '#/components/responses/NotFound',
      409: '#/components/responses/Conflict',
      413: '#/components/responses/ContentTooLarge',
      415: '#/components/responses/UnsupportedMediaType',
      422: '#/components/responses/UnprocessableContent',
      429: '#/components/responses/TooManyRequests',
    });
    // Public and exempt from rate limits: only its input can be wrong.
    expect(Object.keys(refs('/health/live', 'get'))).toEqual(['400']);
    expect(document.paths['/health/live'].get.security).toEqual([]);
    expect(document.components.responses.NotFound.content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    expect(document.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'instance']);
  });

  it('documents the Idempotency-Key header where it is honoured', () => {
    expect(document.paths['/cases/{caseId}/actions'].post.parameters).toContainEqual({
      $ref: '#/components/parameters/IdempotencyKey',
    });
    expect(document.paths['/cases'].get.parameters).not.toContainEqual({
      $ref: '#/components/parameters/IdempotencyKey',
    });
  });

  it('refuses two routes with one operationId when they are registered', async () => {
    const app = Fastify();
    await app.register(openApiPlugin, { title: 'twice' });
    app.get('/a', { schema: { operationId: 'same' } }, async () => ({}));
    expect(() => app.get('/b', { schema: { operationId: 'same' } }, async () => ({}))).toThrow(
      "operationId same of GET /b is already GET /a's",
    );
    await app.close();
  });
});
