import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { HttpPart } from './strict-schema.ts';

// ajv-formats is CommonJS: its plugin is the module itself.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;

type Schema = Record<string, unknown>;
const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The JSON types a schema accepts at its top level (through anyOf/oneOf, enum and const too). */
function typesOf(schema: unknown, into = new Set<string>()): Set<string> {
  if (!isSchema(schema)) return into;
  const type = schema['type'];
  for (const t of Array.isArray(type) ? type : type === undefined ? [] : [type]) into.add(String(t));
  const fixed = 'const' in schema ? [schema['const']] : Array.isArray(schema['enum']) ? schema['enum'] : [];
  for (const value of fixed) {
    into.add(typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value);
  }
  for (const key of ['anyOf', 'oneOf']) {
    const members = schema[key];
    if (Array.isArray(members)) for (const member of members) typesOf(member, into);
  }
  return into;
}

const integerText = /^-?[0-9]+$/;
const numberText = /^-?[0-9]+(\.[0-9]+)?$/;

/**
 * How one query, path or header value is read from its text: `true`/`false` for a boolean, digits
 * for an integer or a number, nothing else (`1`, `yes`, `0x10`, ` 12`, `1e3` stay text and fail).
 */
function scalarReader(schema: unknown): ((text: string) => unknown) | undefined {
  const types = typesOf(schema);
  const boolean = types.has('boolean');
  const integer = types.has('integer');
  const number = types.has('number');
  if (!boolean && !integer && !number) return undefined;
  return (text) => {
    if (boolean && (text === 'true' || text === 'false')) return text === 'true';
    if (integer && integerText.test(text)) return Number(text);
    if (number && numberText.test(text)) return Number(text);
    return text;
  };
}

/** Converts the declared properties of a query string, path or headers object in place. */
function textConverter(schema: unknown): ((data: unknown) => void) | undefined {
  const properties = isSchema(schema) && isSchema(schema['properties']) ? schema['properties'] : {};
  const readers: [string, (value: unknown) => unknown][] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (isSchema(property) && property['type'] === 'array') {
      const item = scalarReader(property['items']);
      // A parameter given once is a list of one (`?need=legal`, `?need=legal&need=housing`).
      readers.push([
        name,
        (value) => {
          const list = Array.isArray(value) ? value : [value];
          return item ? list.map((v) => (typeof v === 'string' ? item(v) : v)) : list;
        },
      ]);
      continue;
    }
    const read = scalarReader(property);
    if (read) readers.push([name, (value) => (typeof value === 'string' ? read(value) : value)]);
  }
  if (readers.length === 0) return undefined;
  return (data) => {
    if (!isSchema(data)) return;
    for (const [name, read] of readers) if (data[name] !== undefined) data[name] = read(data[name]);
  };
}

/** A property name as one JSON pointer segment (RFC 6901). */
export const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
const storable = (text: string) =>
  !text.includes('\u0000') && (text as string & { isWellFormed(): boolean }).isWellFormed();

/** Whether any string of the value, keys included, cannot be stored; without building paths. */
function anyUnstorable(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'string') {
      if (!storable(current)) return true;
    } else if (Array.isArray(current)) {
      for (const item of current) stack.push(item);
    } else if (typeof current === 'object' && current !== null) {
      for (const key in current) {
        if (!storable(key)) return true;
        stack.push((current as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}

/**
 * Strings PostgreSQL cannot store (jsonb and text refuse NUL; a lone UTF-16 surrogate has no UTF-8
 * form), anywhere in the value, keys included: one error per place. Iterative, so that deep
 * nesting cannot exhaust the stack; the places are looked for only once one is known to exist.
 */
export function unstorableText(value: unknown): ErrorObject[] {
  if (!anyUnstorable(value)) return [];
  const errors: ErrorObject[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (!storable(current)) errors.push(unstorableError(path));
    } else if (Array.isArray(current)) {
      for (const [index, item] of current.entries()) stack.push([item, `${path}/${index}`]);
    } else if (isSchema(current)) {
      for (const [key, item] of Object.entries(current)) {
        const itemPath = `${path}/${escapePointer(key)}`;
        if (!storable(key)) errors.push(unstorableError(itemPath));
        stack.push([item, itemPath]);
      }
    }
  }
  return errors;
}

const unstorableError = (instancePath: string): ErrorObject => ({
  keyword: 'storableText',
  instancePath,
  schemaPath: '#',
  params: {},
  message: 'must not contain a NUL character or an unpaired UTF-16 surrogate',
});

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * The kit's validator compiler: no coercion and no removal in bodies (a wrong type or an unknown
 * property is an error, not a silent fix), strict reading of query strings, path parameters and
 * headers (see scalarReader), defaults applied, every error reported, and text that cannot be
 * stored refused in every part. Schemas arrive already strict (strictRouteSchema).
 */
export function strictValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const ajv = new Ajv({
    coerceTypes: false,
    removeAdditional: false,
    useDefaults: true,
    allErrors: true,
    addUsedSchema: false,
  });
  addFormats(ajv);
  return ({ schema, httpPart }) => {
    const validate = ajv.compile(schema as Schema);
    const convert = (httpPart as HttpPart) === 'body' ? undefined : textConverter(schema);
    const validator: Validator = (data) => {
      convert?.(data);
      const valid = validate(data);
      const unstorable = unstorableText(data);
      if (valid && unstorable.length === 0) return true;
      validator.errors = [...(validate.errors ?? []), ...unstorable];
      return false;
    };
    return validator;
  };
}
