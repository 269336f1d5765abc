import { Type } from '@sinclair/typebox';

/** The fields the file's routes share. */
export const Id = Type.String({ minLength: 1, maxLength: 64 });
/**
 * An id that goes out on followup.events.v1, whose contracts bound ids to 64 UTF-16 units: 32
 * characters fit whatever they are (routes count characters; an emoji is two units).
 */
export const WireId = Type.String({ minLength: 1, maxLength: 32 });
export const Day = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD' });
export const Instant = Type.String({ format: 'date-time', description: 'RFC 3339' });
export const strict = { additionalProperties: false } as const;
/** The file and one thing in it, by id (a hearing, a judgment, a task…). */
export const itemParams = <K extends string>(key: K) =>
  Type.Object({ fileId: Id, ...({ [key]: Id } as Record<K, typeof Id>) }, strict);
/** Instants as the domain keeps them: UTC, milliseconds. */
export const utc = (value: string) => new Date(value).toISOString();
