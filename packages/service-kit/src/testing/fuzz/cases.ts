import fc from 'fast-check';
import {
  acceptedTypes,
  type Field,
  fieldsOf,
  isObject,
  mainShape,
  type Resolve,
  type Schema,
  typeAccepted,
  validValue,
  withChange,
} from './schema-values.ts';
import { encodable, oddExpectation, oddTexts, unstorableTexts, valuesByType } from './texts.ts';

/** One operation of the document, as the fuzzer sends it. */
export interface Operation {
  method: string;
  /** The OpenAPI path (`/intakes/{intakeId}`). */
  path: string;
  operationId: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: Schema }[];
  /** The application/json body schema, if the operation takes one. */
  body?: Schema;
  /** Statuses the operation documents with a body of its own (not a problem): readiness's 503. */
  ownAnswers: string[];
}

/**
 * What a case expects: `invalid` must be a 400 naming `field`; `refused` a given status and code;
 * `any` may pass or fail (a 400 must then name `field`, when there is one).
 */
export type Expectation =
  | { kind: 'invalid'; field: string }
  | { kind: 'refused'; status: number; code: string }
  | { kind: 'any'; field?: string };

export interface FuzzCase {
  label: string;
  operation: Operation;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  expect: Expectation;
}

/** Builds the requests of one operation from its schemas: a valid baseline, then one change at a time. */
export class OperationCases {
  readonly cases: FuzzCase[] = [];
  private readonly operation: Operation;
  private readonly resolve: Resolve;
  private readonly pathValues: Record<string, string>;
  private readonly baseQuery: Record<string, string>;
  private readonly baseBody: unknown;

  constructor(operation: Operation, resolve: Resolve, pathValues: Record<string, string> = {}) {
    this.operation = operation;
    this.resolve = resolve;
    this.pathValues = Object.fromEntries(
      this.parameters('path').map((p) => [
        p.name,
        pathValues[p.name] ?? String(validValue(p.schema, resolve)),
      ]),
    );
    this.baseQuery = Object.fromEntries(
      this.parameters('query')
        .filter((p) => p.required && !('default' in p.schema))
        .map((p) => [p.name, String(validValue(p.schema, resolve))]),
    );
    this.baseBody = operation.body ? validValue(operation.body, resolve) : undefined;
  }

  private parameters(where: 'path' | 'query') {
    return this.operation.parameters.filter((p) => p.in === where);
  }

  private add(
    label: string,
    expect: Expectation,
    change: {
      path?: Record<string, string>;
      query?: Record<string, string | undefined>;
      body?: unknown;
      raw?: { payload: string; type: string };
    } = {},
  ) {
    const params = { ...this.pathValues, ...change.path };
    const url = this.operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(params[name] ?? ''),
    );
    const query = Object.entries({ ...this.baseQuery, ...change.query })
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
      .join('&');
    const body = 'body' in change ? change.body : this.baseBody;
    const payload = change.raw?.payload ?? (body === undefined ? undefined : JSON.stringify(body));
    const type = change.raw?.type ?? (payload === undefined ? undefined : 'application/json');
    this.cases.push({
      label: `${this.operation.method} ${this.operation.path} ${label}`,
      operation: this.operation,
      url: query ? `${url}?${query}` : url,
      headers: type ? { 'content-type': type } : {},
      ...(payload === undefined ? {} : { payload }),
      expect,
    });
  }

  /** The deterministic cases: every field of the body, every parameter, the body as a whole. */
  deterministic(): this {
    this.add('as generated', { kind: 'any' });
    for (const parameter of this.operation.parameters) {
      if (parameter.in === 'path') this.pathCases(parameter.name, parameter.schema);
      if (parameter.in === 'query') this.queryCases(parameter.name, parameter.schema, parameter.required);
    }
    this.add(
      'with an unknown query parameter',
      { kind: 'invalid', field: '/querystring/fuzz_unknown' },
      { query: { fuzz_unknown: '1' } },
    );
    if (this.operation.body) this.bodyCases(this.operation.body);
    return this;
  }

  private pathCases(name: string, schema: Schema) {
    const field = `/params/${name}`;
    for (const [what, text] of unstorableTexts.filter(([, t]) => encodable(t))) {
      this.add(`path ${name}: ${what}`, { kind: 'invalid', field }, { path: { [name]: text } });
    }
    const max = Number(schema['maxLength'] ?? 0);
    if (max > 0 && max < 1_000)
      this.add(
        `path ${name}: too long`,
        { kind: 'invalid', field },
        { path: { [name]: 'x'.repeat(max + 1) } },
      );
    for (const [what, text] of oddTexts.filter(([, t]) => t.trim() !== '')) {
      this.add(`path ${name}: ${what}`, oddExpectation(schema, text, field), { path: { [name]: text } });
    }
  }

  private queryCases(name: string, schema: Schema, required: boolean) {
    const field = `/querystring/${name}`;
    const types = acceptedTypes(mainShape(schema, this.resolve), this.resolve);
    const set = (value: string | undefined) => ({ query: { [name]: value } });
    if (required && !('default' in schema))
      this.add(`query ${name}: missing`, { kind: 'invalid', field }, set(undefined));
    if (!types.has('string')) {
      for (const text of ['abc', '1e3', '0x10', ' 1', '', '1.5', 'TRUE']) {
        const fine = types.has('number') && text === '1.5';
        this.add(
          `query ${name}: "${text}"`,
          fine ? { kind: 'any', field } : { kind: 'invalid', field },
          set(text),
        );
      }
      return;
    }
    this.add(`query ${name}: a NUL character`, { kind: 'invalid', field }, set('a\u0000'));
    if (Array.isArray(schema['enum']))
      this.add(`query ${name}: not a value`, { kind: 'invalid', field }, set('fuzz'));
    const max = Number(schema['maxLength'] ?? 0);
    if (max > 0) this.add(`query ${name}: too long`, { kind: 'invalid', field }, set('x'.repeat(max + 1)));
    for (const [what, text] of oddTexts) {
      this.add(`query ${name}: ${what}`, oddExpectation(schema, text, field), set(text));
    }
  }

  private bodyCases(schema: Schema) {
    const root = mainShape(this.resolve(schema), this.resolve);
    this.add(
      'body: not JSON',
      { kind: 'refused', status: 400, code: 'malformed_json' },
      { raw: { payload: '{"a":', type: 'application/json' } },
    );
    this.add(
      'body: as text/plain',
      { kind: 'refused', status: 415, code: 'unsupported_media_type' },
      { raw: { payload: 'text', type: 'text/plain' } },
    );
    for (const [what, value] of valuesByType) {
      if (!typeAccepted(acceptedTypes(root, this.resolve), value))
        this.add(`body: ${what}`, { kind: 'invalid', field: '/body' }, { body: value });
    }
    const deep = `{"fuzz_deep":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    this.add(
      'body: nested 5,000 deep',
      { kind: 'any' },
      { raw: { payload: deep, type: 'application/json' } },
    );
    this.objectCases('', root);
    for (const field of fieldsOf(schema, this.resolve)) this.fieldCases(field);
  }

  private objectCases(pointer: string, schema: Schema) {
    if (!isObject(schema['properties'])) return;
    const field = `/body${pointer}/fuzz_unknown`;
    const closed = schema['additionalProperties'] === false;
    const body = withChange(this.baseBody, this.operation.body, this.resolve, `${pointer}/fuzz_unknown`, {
      set: 'x',
    });
    this.add(
      `body ${pointer || '/'}: an unknown property`,
      closed ? { kind: 'invalid', field } : { kind: 'any' },
      { body },
    );
  }

  private fieldCases({ pointer, schema: raw, required }: Field) {
    const schema = mainShape(raw, this.resolve);
    const field = `/body${pointer}`;
    const types = acceptedTypes(schema, this.resolve);
    const at = (label: string, expect: Expectation, value: unknown) =>
      this.add(`body ${pointer}: ${label}`, expect, {
        body: withChange(this.baseBody, this.operation.body, this.resolve, pointer, { set: value }),
      });
    if (required && !('default' in schema)) {
      this.add(
        `body ${pointer}: missing`,
        { kind: 'invalid', field },
        {
          body: withChange(this.baseBody, this.operation.body, this.resolve, pointer, { remove: true }),
        },
      );
    }
    for (const [what, value] of valuesByType)
      if (!typeAccepted(types, value)) at(what, { kind: 'invalid', field }, value);
    this.objectCases(pointer, schema);
    if (types.has('string')) {
      const fitting = validValue(schema, this.resolve);
      for (const [what, text] of unstorableTexts) at(what, { kind: 'invalid', field }, `${fitting}${text}`);
      const max = Number(schema['maxLength'] ?? 0);
      if (max > 0) {
        at('too long', { kind: 'invalid', field }, 'x'.repeat(max + 1));
        at('as long as allowed, in emoji', { kind: 'any', field }, '😀'.repeat(max));
      }
      for (const [what, text] of oddTexts) at(what, oddExpectation(schema, text, field), text);
    }
    if (types.has('integer') || types.has('number')) {
      for (const value of [-1, 0, 2 ** 53, 1e308, -1e308]) at(String(value), { kind: 'any', field }, value);
    }
    if (types.has('array')) {
      const max = Number(schema['maxItems'] ?? 0);
      const item = validValue(schema['items'], this.resolve);
      if (max > 0 && max <= 2_000)
        at(
          'too many items',
          { kind: 'invalid', field },
          Array.from({ length: max + 1 }, () => item),
        );
      if (schema['uniqueItems'] === true) at('a repeated item', { kind: 'invalid', field }, [item, item]);
    }
  }

  /** The seeded part: `runs` changes of a random place to a random value (JSON, or any text). */
  random(seed: number, runs: number): this {
    const bodyFields = this.operation.body ? fieldsOf(this.operation.body, this.resolve) : [];
    const queryNames = this.parameters('query').map((p) => p.name);
    if (runs <= 0 || (bodyFields.length === 0 && queryNames.length === 0)) return this;
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(...oddTexts.map(([, t]) => t)),
    );
    const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), text);
    const place = fc.oneof(
      ...(bodyFields.length
        ? [fc.record({ where: fc.constant('body' as const), index: fc.nat(bodyFields.length - 1), value })]
        : []),
      ...(queryNames.length
        ? [
            fc.record({
              where: fc.constant('query' as const),
              index: fc.nat(queryNames.length - 1),
              value: text,
            }),
          ]
        : []),
    );
    for (const [n, change] of fc.sample(place, { seed, numRuns: runs }).entries()) {
      if (change.where === 'body') {
        const { pointer } = bodyFields[change.index] as Field;
        const body = withChange(this.baseBody, this.operation.body, this.resolve, pointer, {
          set: change.value,
        });
        this.add(`random #${n} body ${pointer}`, { kind: 'any', field: `/body${pointer}` }, { body });
      } else {
        const name = queryNames[change.index] as string;
        const textValue = String(change.value);
        if (!encodable(textValue)) continue;
        this.add(
          `random #${n} query ${name}`,
          { kind: 'any', field: `/querystring/${name}` },
          { query: { [name]: textValue } },
        );
      }
    }
    return this;
  }
}
