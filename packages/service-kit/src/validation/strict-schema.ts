/** The bounds the kit gives what a schema leaves unbounded. */
export interface InputBounds {
  /** maxLength of a string schema without one (bodies, query strings, headers). */
  maxStringLength: number;
  /** maxLength of a path parameter without one: ids, under the router's own limit. */
  maxParamLength: number;
  /** maxItems of an array schema without one. */
  maxItems: number;
}

export const defaultInputBounds: InputBounds = {
  maxStringLength: 10_000,
  maxParamLength: 200,
  maxItems: 1_000,
};

export type HttpPart = 'body' | 'querystring' | 'params' | 'headers';

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasType = (schema: Schema, type: string) =>
  schema['type'] === type || (Array.isArray(schema['type']) && schema['type'].includes(type));

// Keywords whose value is one schema, a list of schemas, or a map of names to schemas.
const oneSchema = ['additionalProperties', 'contains', 'not', 'if', 'then', 'else', 'propertyNames'];
const schemaLists = ['anyOf', 'oneOf', 'prefixItems'];
const schemaMaps = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

/**
 * A copy of a request part's schema with the kit's rules made explicit, so that the OpenAPI
 * document says what is refused: every object refuses unknown properties (unless it says
 * `additionalProperties` or `unevaluatedProperties` itself; headers always carry others), every
 * string, array and number is bounded. Members of an `allOf` are left open: each sees only part of
 * the object. Symbol keys (TypeBox's kinds) are not copied: validation does not read them.
 */
export function strictSchema(schema: unknown, part: HttpPart, bounds: InputBounds, inAllOf = false): unknown {
  if (!isSchema(schema)) return schema;
  const copy: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (oneSchema.includes(key)) copy[key] = strictSchema(value, part, bounds);
    else if (key === 'allOf' && Array.isArray(value))
      copy[key] = value.map((member) => strictSchema(member, part, bounds, true));
    else if (schemaLists.includes(key) && Array.isArray(value))
      copy[key] = value.map((member) => strictSchema(member, part, bounds));
    else if (key === 'items')
      copy[key] = Array.isArray(value)
        ? value.map((member) => strictSchema(member, part, bounds))
        : strictSchema(value, part, bounds);
    else if (schemaMaps.includes(key) && isSchema(value))
      copy[key] = Object.fromEntries(
        Object.entries(value).map(([name, member]) => [
          part === 'headers' && key === 'properties' ? name.toLowerCase() : name,
          strictSchema(member, part, bounds),
        ]),
      );
    else if (key === 'required' && part === 'headers' && Array.isArray(value))
      copy[key] = value.map((name) => String(name).toLowerCase());
    else copy[key] = value;
  }
  const closed = 'additionalProperties' in copy || 'unevaluatedProperties' in copy;
  if ((hasType(copy, 'object') || 'properties' in copy) && !closed && !inAllOf && part !== 'headers') {
    copy['additionalProperties'] = false;
  }
  const fixed = 'enum' in copy || 'const' in copy;
  if (hasType(copy, 'string') && !('maxLength' in copy) && !fixed) {
    copy['maxLength'] = part === 'params' ? bounds.maxParamLength : bounds.maxStringLength;
  }
  if (hasType(copy, 'array') && !('maxItems' in copy)) copy['maxItems'] = bounds.maxItems;
  // Safe integers only (a larger one loses precision, or reaches PostgreSQL out of range); finite numbers.
  const limit = hasType(copy, 'integer')
    ? Number.MAX_SAFE_INTEGER
    : hasType(copy, 'number')
      ? Number.MAX_VALUE
      : 0;
  if (limit && !fixed) {
    if (!('maximum' in copy) && !('exclusiveMaximum' in copy)) copy['maximum'] = limit;
    if (!('minimum' in copy) && !('exclusiveMinimum' in copy)) copy['minimum'] = -limit;
  }
  return copy;
}

/** The names of a route's path parameters (`/a/:id/b/:x(^\\d+$)` → id, x; a wildcard → `*`). */
export function pathParameters(url: string): string[] {
  const names: string[] = [];
  for (const segment of url.split('/')) {
    for (const match of segment.matchAll(/:([A-Za-z0-9_]+)/g)) names.push(match[1] as string);
    if (segment === '*') names.push('*');
  }
  return names;
}

/**
 * The route's schema with every request part strict: its own parts made strict, and the parts it
 * leaves out declared, so that nothing reaches a handler unchecked: no query parameter at all,
 * path parameters as bounded strings.
 */
export function strictRouteSchema(schema: Schema | undefined, url: string, bounds: InputBounds): Schema {
  const own = schema ?? {};
  const params = pathParameters(url);
  const strict: Schema = { ...own };
  strict['querystring'] = strictSchema(
    own['querystring'] ?? { type: 'object', properties: {} },
    'querystring',
    bounds,
  );
  if (own['params'] !== undefined || params.length > 0) {
    const declared = own['params'] ?? {
      type: 'object',
      properties: Object.fromEntries(params.map((name) => [name, { type: 'string' }])),
      required: params,
    };
    strict['params'] = strictSchema(declared, 'params', bounds);
  }
  if (own['body'] !== undefined) strict['body'] = strictSchema(own['body'], 'body', bounds);
  if (own['headers'] !== undefined) strict['headers'] = strictSchema(own['headers'], 'headers', bounds);
  return strict;
}
