import type { Database, Entities, EntityManagerOf, Sql } from './database.ts';

/**
 * How read models are queried with Kysely: entity property names (camelCase) in code, mapped to
 * the columns; values converted to the entities' types (a timestamptz comes back as a Date).
 */
export const READ_MODEL_KYSELY = { columnNamingStrategy: 'property', convertValues: true } as const;

/** The unit of work's typed Kysely: a wrong table or column name does not compile. */
export function readModels<E extends Entities>(em: EntityManagerOf<E>) {
  return em.getKysely(READ_MODEL_KYSELY);
}

/**
 * Runs a typed write (insert, update, delete) on any Sql: the pool, a command's transaction, a
 * projection's batch. Reads go through `readModels(em)`, which converts what comes back.
 */
export async function write(
  sql: Sql,
  query: { compile(): { sql: string; parameters: readonly unknown[] } },
): Promise<void> {
  const compiled = query.compile();
  await sql.query(compiled.sql, compiled.parameters);
}

/**
 * The statements that would bring the entities' tables to what the entities say, indexes aside
 * (the migrations own them): empty when every entity matches its migrated table. A column renamed,
 * retyped, added or dropped on one side only shows up here; a service's tests assert it is empty.
 */
export async function schemaDrift(db: Database<any>): Promise<string[]> {
  const sql = await db.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: false });
  return sql
    .split(';\n')
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '' && !/^(create|drop)( unique)? index /i.test(statement));
}
