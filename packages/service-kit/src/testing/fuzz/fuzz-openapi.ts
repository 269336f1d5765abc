import { isDeepStrictEqual } from 'node:util';
import type { App } from '../../app.ts';
import { PROBLEM_CONTENT_TYPE } from '../../errors.ts';
import { type FuzzCase, type Operation, OperationCases } from './cases.ts';
import { isObject, resolver, type Schema } from './schema-values.ts';

export interface FuzzOptions {
  app: Pick<App, 'inject'>;
  /** The app's OpenAPI document (`/docs/json`). */
  document: unknown;
  /** The bearer token each operation is called with (a role that may call it reaches its handler). */
  token: (operation: Operation) => string | Promise<string>;
  /** What must not change when a request is refused: counts of events, outbox rows, keys... */
  snapshot: () => Promise<unknown>;
  /** Values for path parameters, by name (an existing id reaches further than a generated one). */
  pathValues?: Record<string, string>;
  /** Operations left out (one that takes no JSON, say). */
  skip?: (operation: Operation) => boolean;
  /** Seed and size of the random part, per operation. */
  seed?: number;
  runs?: number;
}

export interface FuzzFailure {
  case: string;
  status: number;
  problem: string;
  /** For a refusal that wrote: the snapshots before and after. */
  written?: { before: unknown; after: unknown };
}

export interface FuzzReport {
  operations: number;
  cases: number;
  byStatus: Record<string, number>;
  failures: FuzzFailure[];
}

const methods = ['get', 'put', 'post', 'patch', 'delete'];

/** The operations of a document, with their parameters and JSON body resolved. */
export function operationsOf(document: unknown): Operation[] {
  const resolve = resolver(document);
  const paths = isObject(document) && isObject(document['paths']) ? document['paths'] : {};
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of methods) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const parameters = (Array.isArray(operation['parameters']) ? operation['parameters'] : [])
        .map((p) => resolve(p))
        .filter((p) => p['in'] === 'path' || p['in'] === 'query' || p['in'] === 'header')
        .map((p) => ({
          name: String(p['name']),
          in: p['in'] as 'path' | 'query' | 'header',
          required: p['required'] === true,
          schema: resolve(p['schema']),
        }));
      const content = isObject(operation['requestBody'])
        ? resolve(operation['requestBody'])['content']
        : undefined;
      const json =
        isObject(content) && isObject(content['application/json']) ? content['application/json'] : undefined;
      const responses = isObject(operation['responses']) ? operation['responses'] : {};
      const ownAnswers = Object.entries(responses)
        .filter(([, response]) => {
          const answer = resolve(response)['content'];
          return isObject(answer) && !(PROBLEM_CONTENT_TYPE in answer);
        })
        .map(([status]) => status);
      operations.push({
        method: method.toUpperCase(),
        ownAnswers,
        path,
        operationId: String(operation['operationId'] ?? `${method} ${path}`),
        parameters,
        ...(json ? { body: resolve(json['schema']) as Schema } : {}),
      });
    }
  }
  return operations;
}

const related = (field: string, expected: string) =>
  field === expected || field.startsWith(`${expected}/`) || expected.startsWith(`${field}/`);

/** What is wrong with one answer, or undefined. */
function judge(fuzzCase: FuzzCase, status: number, contentType: string, body: unknown): string | undefined {
  if (fuzzCase.operation.ownAnswers.includes(String(status))) return undefined;
  if (status >= 500) return 'a server error';
  const problem = isObject(body) ? body : {};
  if (status >= 400) {
    if (!contentType.startsWith(PROBLEM_CONTENT_TYPE)) return `a ${status} that is not problem+json`;
    if (typeof problem['code'] !== 'string' || problem['status'] !== status)
      return `a ${status} problem without code or status`;
  }
  const { expect } = fuzzCase;
  if (expect.kind === 'refused') {
    return status === expect.status && problem['code'] === expect.code
      ? undefined
      : `expected ${expect.status} ${expect.code}`;
  }
  const fields = Array.isArray(problem['errors'])
    ? problem['errors'].map((e) => String(isObject(e) ? e['field'] : e))
    : [];
  const validation = status === 400 && problem['code'] === 'validation_failed';
  if (expect.kind === 'invalid' && !validation)
    return `expected 400 validation_failed naming ${expect.field}`;
  if (validation && expect.field) {
    const expected = expect.field;
    if (!fields.some((field) => related(field, expected)))
      return `the errors do not name ${expected}: ${fields.join(', ')}`;
    const others = fields.filter((field) => !related(field, expected));
    if (others.length > 0) return `the errors name other fields too: ${others.join(', ')}`;
  }
  return undefined;
}

/**
 * Fuzzes every operation of an OpenAPI document through `app.inject`: cases generated from its
 * schemas (missing fields, wrong types, unknown properties, unstorable, huge and odd text, odd
 * numbers, malformed bodies; then a seeded random part, fast-check). Every answer must be below
 * 500; every 4xx problem+json with a code; a change the schema refuses a 400 naming the changed
 * field (and only it); and nothing written (the caller's `snapshot`) when a request is refused.
 * The cases the schema refuses share one snapshot per operation, taken again case by case only
 * when something was written; the others are snapshotted one by one.
 */
export async function fuzzOpenApi(options: FuzzOptions): Promise<FuzzReport> {
  const resolve = resolver(options.document);
  const report: FuzzReport = { operations: 0, cases: 0, byStatus: {}, failures: [] };
  let state = await options.snapshot();

  const send = async (fuzzCase: FuzzCase, authorization: string) => {
    const response = await options.app.inject({
      method: fuzzCase.operation.method as 'GET',
      url: fuzzCase.url,
      headers: { authorization, ...fuzzCase.headers },
      ...(fuzzCase.payload === undefined ? {} : { payload: fuzzCase.payload }),
    });
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      body = undefined;
    }
    const status = response.statusCode;
    const wrong = judge(fuzzCase, status, String(response.headers['content-type'] ?? ''), body);
    return { status, wrong };
  };
  const fail = (fuzzCase: FuzzCase, status: number, problem: string, written?: FuzzFailure['written']) =>
    report.failures.push({ case: fuzzCase.label, status, problem, ...(written ? { written } : {}) });
  /** Sends one case and checks that a refusal wrote nothing. */
  const one = async (fuzzCase: FuzzCase, authorization: string, count: boolean) => {
    const { status, wrong } = await send(fuzzCase, authorization);
    if (count) {
      report.cases++;
      report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
      if (wrong) fail(fuzzCase, status, wrong);
    }
    const after = await options.snapshot();
    if (status >= 400 && !isDeepStrictEqual(after, state)) {
      fail(fuzzCase, status, 'refused, yet something was written', { before: state, after });
    }
    state = after;
  };

  for (const operation of operationsOf(options.document)) {
    if (options.skip?.(operation)) continue;
    report.operations++;
    const authorization = `Bearer ${await options.token(operation)}`;
    const { cases } = new OperationCases(operation, resolve, options.pathValues)
      .deterministic()
      .random(options.seed ?? 1, options.runs ?? 25);
    const refused = cases.filter((c) => c.expect.kind !== 'any');
    for (const fuzzCase of refused) {
      const { status, wrong } = await send(fuzzCase, authorization);
      report.cases++;
      report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
      if (wrong) fail(fuzzCase, status, wrong);
    }
    const after = await options.snapshot();
    if (!isDeepStrictEqual(after, state)) {
      state = after;
      // One of them wrote: find which, one by one (each was meant to write nothing).
      for (const fuzzCase of refused) await one(fuzzCase, authorization, false);
    }
    for (const fuzzCase of cases.filter((c) => c.expect.kind === 'any'))
      await one(fuzzCase, authorization, true);
  }
  return report;
}

/** The app's OpenAPI document, as clients read it. */
export async function openApiDocument(app: Pick<App, 'inject'>): Promise<unknown> {
  return (await app.inject({ method: 'GET', url: '/docs/json' })).json();
}

/** A `snapshot` for fuzzOpenApi: the row count of each table a command writes to. */
export function rowCounts(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
  tables: readonly string[],
): () => Promise<Record<string, number>> {
  const sql = `SELECT ${tables.map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`).join(', ')}`;
  return async () => {
    const [row] = await query(sql);
    return Object.fromEntries(tables.map((table) => [table, Number(row?.[table])]));
  };
}
