import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifySchema, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { PROBLEM_CONTENT_TYPE, statusTitle } from '../errors.ts';
import { ProblemSchema } from '../schemas.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Problem statuses the route answers besides those the kit documents for it (see problemsOf). */
    problems?: readonly number[];
  }
}

export interface OpenApiOptions {
  title: string;
  version?: string;
  description?: string;
  /** Where Swagger UI is served; its JSON document is at `${prefix}/json`. */
  prefix?: string;
  /** Where clients reach the service (the host serving the document by default). */
  servers?: { url: string; description?: string }[];
  /** A description per tag the routes use. */
  tags?: Record<string, string>;
  contact?: { name: string; url?: string; email?: string };
}

type Operation = Record<string, unknown> & { responses?: Record<string, unknown>; parameters?: unknown[] };
type Schema = Record<string, unknown>;

const problemsKey = 'x-parcours-problems';
const idempotentKey = 'x-parcours-idempotent';

/** Why each status can answer, as the document says it. */
const problemDescriptions: Record<number, string> = {
  400: 'The input does not match the schema (every invalid field is named) or is malformed',
  401: 'No valid bearer token',
  403: "The caller's role or scope does not allow this",
  404: 'Nothing exists at this address',
  409: 'The resource is not in a state that allows this, or a request with this Idempotency-Key is running',
  413: 'The body is larger than the service accepts',
  415: 'The body is not of a content type this route accepts',
  422: 'The request is well-formed but a rule refuses it, or its Idempotency-Key was used for another request',
  429: 'Too many requests from this caller: retry later',
};

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const camelWords = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(capitalize)
    .join('');

/** `POST /referrals/:referralId/accept` → `postReferralsByReferralIdAccept`. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `By${camelWords(segment.slice(1))}` : camelWords(segment)));
  return `${method.toLowerCase()}${words.join('')}`;
}

/**
 * The problems a route can answer: 400 (every route validates its input), 401 and 403 unless
 * public, 404 when it addresses a resource by path, 409 and 422 when it honours Idempotency-Key,
 * 413 and 415 when it takes a body, 429 unless it is exempt from rate limits; plus its own.
 */
function problemsOf(route: RouteOptions): number[] {
  const config = route.config ?? {};
  const schema = (route.schema ?? {}) as Schema;
  const statuses = [
    400,
    ...(config.public ? [] : [401, 403]),
    ...(schema['params'] !== undefined ? [404] : []),
    ...(config.idempotent ? [409, 422] : []),
    ...(schema['body'] !== undefined ? [413, 415] : []),
    ...((config as { rateLimit?: unknown }).rateLimit === false ? [] : [429]),
    ...(config.problems ?? []),
  ];
  return [...new Set(statuses)].sort((a, b) => a - b);
}

const responseName = (status: number) => camelWords(statusTitle(status));

/** The document's shared parts: the Problem schema, one response per problem status, Idempotency-Key. */
function completeDocument(document: Schema, options: OpenApiOptions): Schema {
  const used = new Set<number>();
  const tags = new Set<string>();
  const paths = (document['paths'] ?? {}) as Record<string, Record<string, Operation>>;
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      for (const tag of (operation['tags'] as string[] | undefined) ?? []) tags.add(tag);
      const problems = (operation[problemsKey] as number[] | undefined) ?? [];
      delete operation[problemsKey];
      operation.responses ??= {};
      for (const status of problems) {
        used.add(status);
        operation.responses[String(status)] ??= { $ref: `#/components/responses/${responseName(status)}` };
      }
      if (operation[idempotentKey]) {
        operation.parameters = [
          ...(operation.parameters ?? []),
          { $ref: '#/components/parameters/IdempotencyKey' },
        ];
      }
      delete operation[idempotentKey];
    }
  }
  const components = (document['components'] ?? {}) as Schema;
  const responses = Object.fromEntries(
    [...used]
      .sort((a, b) => a - b)
      .map((status) => [
        responseName(status),
        {
          description: problemDescriptions[status] ?? statusTitle(status),
          content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      ]),
  );
  const idempotencyKey = {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Makes a retry safe: the first response is kept 24 h and replayed, with `idempotent-replayed: true`',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$', maxLength: 255 },
  };
  return {
    ...document,
    servers: options.servers ?? [{ url: '/', description: 'The host serving this document' }],
    tags: [...tags]
      .sort()
      .map((name) => ({ name, ...(options.tags?.[name] ? { description: options.tags[name] } : {}) })),
    components: {
      ...components,
      schemas: { ...((components['schemas'] as Schema | undefined) ?? {}), Problem: ProblemSchema },
      responses,
      parameters: { IdempotencyKey: idempotencyKey },
    },
  };
}

/**
 * OpenAPI 3.1 generated from the route schemas, complete enough for generated clients and a
 * linter: each operation has an operationId (its own or derived from method and path, unique),
 * a description, tags (the first path segment by default), the problems it can answer (see
 * problemsOf) with the Problem schema, the Idempotency-Key header where honoured, and the bearer
 * security scheme unless public (`security: []`). The documentation routes themselves are public.
 */
export const openApiPlugin = fp<OpenApiOptions>(
  async (app, options) => {
    const prefix = options.prefix ?? '/docs';
    const operationIds = new Map<string, string>();
    app.addHook('onRoute', (route) => {
      if (route.url === prefix || route.url.startsWith(`${prefix}/`)) {
        route.config = { ...route.config, public: true };
        return;
      }
      const schema = (route.schema ?? {}) as Schema;
      if (route.method === 'HEAD' || schema['hide']) return;
      const method = Array.isArray(route.method) ? route.method.join('') : route.method;
      const operationId = (schema['operationId'] as string | undefined) ?? operationIdOf(method, route.url);
      const other = operationIds.get(operationId);
      if (other)
        throw new Error(`operationId ${operationId} of ${method} ${route.url} is already ${other}'s`);
      operationIds.set(operationId, `${method} ${route.url}`);
      const firstSegment = route.url.split('/').find((segment) => segment && !segment.startsWith(':'));
      route.schema = {
        ...(schema as FastifySchema),
        operationId,
        ...(schema['tags'] || !firstSegment ? {} : { tags: [firstSegment] }),
        ...(schema['description'] || !schema['summary'] ? {} : { description: schema['summary'] }),
        ...(route.config?.public ? { security: [] } : {}),
        [problemsKey]: problemsOf(route),
        ...(route.config?.idempotent ? { [idempotentKey]: true } : {}),
      } as FastifySchema;
    });
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: options.title,
          version: options.version ?? '0.1.0',
          description: options.description ?? `The ${options.title} service of Parcours`,
          contact: options.contact ?? { name: 'Parcours' },
        },
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
        security: [{ bearerAuth: [] }],
      },
      transformObject: (document) =>
        completeDocument('openapiObject' in document ? (document.openapiObject as Schema) : {}, options),
    });
    await app.register(swaggerUi, { routePrefix: prefix });
  },
  { name: 'parcours-openapi', fastify: '5.x' },
);
