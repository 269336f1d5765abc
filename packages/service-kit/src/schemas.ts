import { Kind, type SchemaOptions, type TUnsafe, Type, TypeRegistry } from '@sinclair/typebox';

const StringEnumKind = 'StringEnum';
if (!TypeRegistry.Has(StringEnumKind)) {
  TypeRegistry.Set<{ enum: readonly string[] }>(
    StringEnumKind,
    (schema, value) => typeof value === 'string' && schema.enum.includes(value),
  );
}

/**
 * One of a list of strings, as `{ type: 'string', enum: [...] }`: one error when it does not match
 * (a union of literals gives one per literal), an enum in the OpenAPI document, and the union type
 * in TypeScript. Checked by TypeBox's Value too.
 */
export const StringEnum = <const T extends readonly string[]>(
  values: T,
  options: SchemaOptions = {},
): TUnsafe<T[number]> =>
  Type.Unsafe<T[number]>({ ...options, [Kind]: StringEnumKind, type: 'string', enum: [...values] });

const FieldErrorSchema = Type.Object(
  {
    field: Type.String({
      description: 'JSON pointer under the part of the request: /body/residence/postcode',
    }),
    message: Type.String({ description: 'What is wrong, never the value sent' }),
  },
  { additionalProperties: false },
);

/** RFC 9457 problem details as every Parcours service answers them (see Problem in errors.ts). */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'urn:parcours:problem:<code>, or about:blank for a 5xx' }),
    title: Type.String({ description: 'The reason phrase of the status' }),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.String({ description: 'The path of the request, without its query string' }),
    code: Type.Optional(Type.String({ description: 'Stable, machine-readable: what to branch on' })),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
    traceId: Type.Optional(Type.String({ description: 'To quote to support' })),
  },
  { additionalProperties: false },
);
