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
 * Runs a typed read (built with `readModels`) on the database and renames the driver's columns to
 * the entities' properties once per query. `readModels(em)…execute()` lets MikroORM's plugin convert
 * each row field by field (a copy and a delete per column, over every name variant of every
 * property): on a read of many rows that is the read's main cost (follow-up's file of 200 actions:
 * 14 % of the service's CPU, bench/followup). Values are as MikroORM gives them: dates parsed by its
 * platform, the rest as the driver gives them (text, numbers, booleans, json), which is what the
 * plugin does for read models of plain columns.
 */
export async function readRows<O>(
  db: Database<any>,
  query: { compile(): { sql: string; parameters: readonly unknown[] }; execute(): Promise<O[]> },
): Promise<O[]> {
  const compiled = query.compile();
  const rows = await db.query<Record<string, unknown>>(compiled.sql, [...compiled.parameters]);
  const [first] = rows;
  if (!first) return [];
  const { dates, platform } = columnsOf(db);
  const columns = Object.keys(first).map((column) => ({
    column,
    property: column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
    date: dates.has(column),
  }));
  return rows.map((row) => {
    const renamed: Record<string, unknown> = {};
    for (const { column, property, date } of columns) {
      const value = row[column];
      renamed[property] = date && typeof value === 'string' ? platform.parseDate(value) : value;
    }
    return renamed as O;
  });
}

const columnCache = new WeakMap<
  Database<any>,
  { dates: Set<string>; platform: { parseDate(value: string): Date } }
>();

/** The columns of the database's entities that hold dates (MikroORM parses them; the driver gives text). */
function columnsOf(db: Database<any>) {
  let known = columnCache.get(db);
  if (!known) {
    const dates = new Set<string>();
    for (const meta of db.orm.getMetadata().getAll().values())
      for (const prop of meta.props)
        if (prop.runtimeType === 'Date') for (const field of prop.fieldNames ?? []) dates.add(field);
    known = { dates, platform: db.orm.em.getPlatform() as { parseDate(value: string): Date } };
    columnCache.set(db, known);
  }
  return known;
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
