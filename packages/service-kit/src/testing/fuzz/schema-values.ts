import fc from 'fast-check';
import { escapePointer } from '../../validation/validator.ts';

/** A JSON Schema as found in an OpenAPI 3.1 document. */
export type Schema = Record<string, unknown>;

const keyOfPointer = (part: string) => part.replaceAll('~1', '/').replaceAll('~0', '~');

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows local `$ref`s (`#/components/schemas/...`) into the document. */
export function resolver(document: unknown) {
  const resolve = (schema: unknown, depth = 0): Schema => {
    if (!isObject(schema)) return {};
    const ref = schema['$ref'];
    if (typeof ref !== 'string' || !ref.startsWith('#/') || depth > 20) return schema;
    let target: unknown = document;
    for (const part of ref.slice(2).split('/')) {
      target = isObject(target) ? target[keyOfPointer(part)] : undefined;
    }
    return resolve(target, depth + 1);
  };
  return resolve;
}
export type Resolve = ReturnType<typeof resolver>;

/** The JSON types a schema accepts at its top level. */
export function acceptedTypes(schema: Schema, resolve: Resolve): Set<string> {
  const types = new Set<string>();
  const type = schema['type'];
  for (const t of Array.isArray(type) ? type : type === undefined ? [] : [type]) types.add(String(t));
  if ('const' in schema) types.add(jsonType(schema['const']));
  if (Array.isArray(schema['enum'])) for (const value of schema['enum']) types.add(jsonType(value));
  for (const key of ['anyOf', 'oneOf']) {
    const members = schema[key];
    if (Array.isArray(members))
      for (const m of members) for (const t of acceptedTypes(resolve(m), resolve)) types.add(t);
  }
  return types;
}

/** Whether a value's JSON type is among the accepted ones (an integer is a number too). */
export function typeAccepted(types: Set<string>, value: unknown): boolean {
  if (types.size === 0) return true;
  const type = jsonType(value);
  return types.has(type) || (type === 'integer' && types.has('number'));
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The first member of a union that is not null: the shape a valid value takes. */
export function mainShape(schema: Schema, resolve: Resolve): Schema {
  for (const key of ['anyOf', 'oneOf']) {
    const members = schema[key];
    if (Array.isArray(members)) {
      const member = members.map((m) => resolve(m)).find((m) => m['type'] !== 'null');
      if (member) return mainShape(member, resolve);
    }
  }
  return schema;
}

const formatSamples: Record<string, string> = {
  date: '2025-06-02',
  'date-time': '2025-06-02T09:00:00.000Z',
  time: '09:00:00Z',
  uuid: '6f1c1f4e-2b1a-4c3d-9e8f-0a1b2c3d4e5f',
  email: 'someone@example.org',
  uri: 'https://example.org/a',
  'uri-reference': '/a',
  hostname: 'example.org',
  ipv4: '192.0.2.1',
};

/** A string matching the schema's pattern and length, from a seeded sample (`a` when there is none). */
function validString(schema: Schema, seed: number): string {
  const format = schema['format'];
  if (typeof format === 'string' && formatSamples[format]) return formatSamples[format];
  const min = Number(schema['minLength'] ?? 1);
  const max = Number(schema['maxLength'] ?? 100);
  const pattern = schema['pattern'];
  if (typeof pattern === 'string') {
    const regex = new RegExp(pattern, 'u');
    const samples = fc.sample(fc.stringMatching(regex), { seed, numRuns: 50 });
    const fits = samples.find((s) => [...s].length >= min && [...s].length <= max && regex.test(s));
    if (fits !== undefined) return fits;
  }
  return 'a'.repeat(Math.max(1, Math.min(min, max)));
}

function validNumber(schema: Schema, integer: boolean): number {
  const min =
    schema['minimum'] ??
    (schema['exclusiveMinimum'] === undefined ? undefined : Number(schema['exclusiveMinimum']) + 1);
  const max =
    schema['maximum'] ??
    (schema['exclusiveMaximum'] === undefined ? undefined : Number(schema['exclusiveMaximum']) - 1);
  let value = integer ? 1 : 1.5;
  if (typeof min === 'number' && value < min) value = integer ? Math.ceil(min) : min;
  if (typeof max === 'number' && value > max) value = integer ? Math.floor(max) : max;
  return value;
}

/** A value the schema accepts: required properties only, the fewest items, the first of a union. */
export function validValue(raw: unknown, resolve: Resolve, seed = 1, depth = 0): unknown {
  const schema = mainShape(resolve(raw), resolve);
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  if (Array.isArray(schema['allOf'])) {
    return Object.assign({}, ...schema['allOf'].map((m) => validValue(m, resolve, seed, depth + 1)));
  }
  const types = acceptedTypes(schema, resolve);
  if (types.has('object') || isObject(schema['properties'])) {
    const properties = isObject(schema['properties']) ? schema['properties'] : {};
    const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
    // An object that must have some properties (e.g. "at least one change") gets optional ones too.
    const optional = Object.keys(properties).filter((name) => !required.includes(name));
    const wanted = Math.max(0, Number(schema['minProperties'] ?? 0) - required.length);
    const names = [...required, ...optional.slice(0, wanted)];
    return depth > 8
      ? {}
      : Object.fromEntries(
          names.map((name) => [name, validValue(properties[name], resolve, seed, depth + 1)]),
        );
  }
  if (types.has('array')) {
    const count = Number(schema['minItems'] ?? 0);
    const items = resolve(schema['items']);
    const pool = Array.isArray(items['enum']) ? items['enum'] : undefined;
    return Array.from(
      { length: count },
      (_, i) => pool?.[i] ?? validValue(items, resolve, seed + i, depth + 1),
    );
  }
  if (types.has('string')) return validString(schema, seed);
  if (types.has('integer')) return validNumber(schema, true);
  if (types.has('number')) return validNumber(schema, false);
  if (types.has('boolean')) return true;
  if (types.has('null')) return null;
  return 'a';
}

/** One place in a body: its JSON pointer, schema, and whether its parent requires it. */
export interface Field {
  pointer: string;
  schema: Schema;
  required: boolean;
}

/** Every place of a body schema, depth first: properties, the first item of arrays, union members. */
export function fieldsOf(raw: unknown, resolve: Resolve, pointer = '', depth = 0): Field[] {
  const schema = mainShape(resolve(raw), resolve);
  if (depth > 8) return [];
  const fields: Field[] = [];
  if (isObject(schema['properties'])) {
    const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
    for (const [name, property] of Object.entries(schema['properties'])) {
      const child = `${pointer}/${escapePointer(name)}`;
      fields.push({ pointer: child, schema: resolve(property), required: required.includes(name) });
      fields.push(...fieldsOf(property, resolve, child, depth + 1));
    }
  }
  if (schema['items'] !== undefined && !Array.isArray(schema['items'])) {
    const child = `${pointer}/0`;
    fields.push({ pointer: child, schema: resolve(schema['items']), required: false });
    fields.push(...fieldsOf(schema['items'], resolve, child, depth + 1));
  }
  return fields;
}

/** The schema at a pointer of a body schema. */
function schemaAt(raw: unknown, resolve: Resolve, parts: string[]): Schema {
  let schema = mainShape(resolve(raw), resolve);
  for (const part of parts) {
    const properties = isObject(schema['properties']) ? schema['properties'] : {};
    const next = part in properties ? properties[part] : /^[0-9]+$/.test(part) ? schema['items'] : undefined;
    schema = mainShape(resolve(next), resolve);
  }
  return schema;
}

/**
 * A copy of `value` with `pointer` set to `next` (or removed when `remove`), creating valid parents
 * where the value has none, so that the change at the pointer is the only thing wrong.
 */
export function withChange(
  value: unknown,
  bodySchema: unknown,
  resolve: Resolve,
  pointer: string,
  change: { set: unknown } | { remove: true },
): unknown {
  const root = structuredClone(value);
  const parts = pointer.split('/').slice(1).map(keyOfPointer);
  if (parts.length === 0) return 'set' in change ? change.set : undefined;
  let container = root as Record<string, unknown> | unknown[];
  for (const [index, part] of parts.slice(0, -1).entries()) {
    const key = Array.isArray(container) ? Number(part) : part;
    let next = (container as Record<string | number, unknown>)[key];
    if (next === undefined || next === null || typeof next !== 'object') {
      next = validValue(schemaAt(bodySchema, resolve, parts.slice(0, index + 1)), resolve);
      if (Array.isArray(next) && next.length === 0) {
        next = [validValue(schemaAt(bodySchema, resolve, [...parts.slice(0, index + 1), '0']), resolve)];
      }
      (container as Record<string | number, unknown>)[key] = next;
    }
    container = next as Record<string, unknown> | unknown[];
  }
  const last = parts.at(-1) as string;
  if (Array.isArray(container)) {
    const at = Number(last);
    if ('set' in change) container[at] = change.set;
    else container.splice(at, 1);
  } else if ('set' in change) container[last] = change.set;
  else delete container[last];
  return root;
}
