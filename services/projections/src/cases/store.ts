import type { Sql, Tx } from '@parcours/eventstore';
import { eventsOfCases, type LogEvent } from '../log/log.ts';
import { type CaseViews, foldCase } from './fold.ts';

/** The tables a case's fold writes, and the part of CaseViews each takes. */
export const caseTables = [
  ['pj_cases', 'case'],
  ['pj_files', 'files'],
  ['pj_referrals', 'referrals'],
  ['pj_actions', 'actions'],
  ['pj_hearings', 'hearings'],
  ['pj_evvi', 'evvi'],
  ['pj_breaches', 'breaches'],
  ['pj_mediations', 'mediations'],
] as const;

/**
 * Replaces the rows of these cases in every view by their new fold: one DELETE and one INSERT
 * per table for the whole batch (raw statements, json_populate_recordset: the hot path of the
 * consumer, bench/projections). A rebuild's tables (suffix `_next`) are new each time: not prepared.
 */
export async function writeCases(tx: Sql, views: readonly CaseViews[], suffix = ''): Promise<void> {
  if (views.length === 0) return;
  const keys = views.map((view) => view.case['case_key'] as string);
  for (const [live, part] of caseTables) {
    const table = `${live}${suffix}`;
    await tx.query(
      `DELETE FROM ${table} WHERE case_key = ANY($1::text[])`,
      [keys],
      suffix ? undefined : `${table}_delete`,
    );
    const rows = views.flatMap((view) => (part === 'case' ? [view.case] : view[part]));
    if (rows.length === 0) continue;
    await tx.query(
      `INSERT INTO ${table} SELECT * FROM json_populate_recordset(null::${table}, $1::json)`,
      [JSON.stringify(rows)],
      suffix ? undefined : `${table}_insert`,
    );
  }
}

/** Each case table's columns in the table's order (what a COPY of its rows names). */
export type CaseColumns = ReadonlyMap<string, readonly string[]>;

export async function caseColumns(sql: Sql): Promise<CaseColumns> {
  const rows = await sql.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS "table", array_agg(a.attname::text ORDER BY a.attnum) AS columns
     FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY($1::text[]) GROUP BY c.relname`,
    [caseTables.map(([table]) => table)],
  );
  return new Map(rows.map((row) => [row.table, row.columns]));
}

/**
 * The COPY text of cases' rows for new tables (a rebuild's `_next` ones, which nothing else writes):
 * PostgreSQL reads its text format at a fraction of json_populate_recordset's cost, the rebuild's
 * largest share (bench/projections). A value reads as json_populate_recordset reads the same row's
 * JSON: a missing key or null is NULL (cases/store.int.spec.ts holds them to it).
 *
 * A case is added as soon as it is folded, so that its rows are garbage at once; each line is one
 * flat string (`join`), not a rope of its values keeping every one alive until the COPY. Under the
 * services' 8 MiB young generation, what outlives a scavenge is copied, then promoted
 * (bench/projections/REPORT.md).
 */
export class CopyText {
  readonly #columns: CaseColumns;
  readonly #lines = caseTables.map((): string[] => []);

  constructor(columns: CaseColumns) {
    this.#columns = columns;
  }

  add(view: CaseViews): void {
    caseTables.forEach(([live, part], table) => {
      const names = this.#columns.get(live)!;
      const lines = this.#lines[table]!;
      if (part === 'case') lines.push(copyLine(view.case, names));
      else for (const row of view[part]) lines.push(copyLine(row, names));
    });
  }

  /** Appends the rows added so far to the tables named with this suffix. */
  async copy(tx: Tx, suffix: string): Promise<void> {
    for (const [table, [live]] of caseTables.entries()) {
      const lines = this.#lines[table]!;
      if (lines.length === 0) continue;
      const names = this.#columns.get(live)!;
      await tx.copyFrom(`COPY ${live}${suffix} (${names.join(', ')}) FROM STDIN`, `${lines.join('\n')}\n`);
    }
  }
}

function copyLine(row: Record<string, unknown>, columns: readonly string[]): string {
  const values = new Array<string>(columns.length);
  for (let i = 0; i < columns.length; i++) values[i] = copyValue(row[columns[i]!]);
  return values.join('\t');
}

// COPY's text format: `\N` is NULL; a backslash, tab, newline or carriage return is escaped.
const special = /[\\\t\n\r]/;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (typeof value === 'string') text = value;
  // JSON writes no NaN nor Infinity: null.
  else if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  // `true`, not `t`: what a text column gets from JSON's true too.
  else if (typeof value === 'boolean') return String(value);
  else if (value instanceof Date) return value.toISOString();
  else text = JSON.stringify(value);
  return special.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => escapes[c]!) : text;
}

/** Folds these cases again from the log and writes their rows: what every new event of a case triggers. */
export async function refoldCases(tx: Sql, caseKeys: readonly string[], suffix = ''): Promise<void> {
  if (caseKeys.length === 0) return;
  const byCase = groupByCase(await eventsOfCases(tx, caseKeys));
  await writeCases(
    tx,
    caseKeys.map((key) => foldCase(key, byCase.get(key) ?? [])),
    suffix,
  );
}

function groupByCase(events: readonly LogEvent[]): Map<string, LogEvent[]> {
  const byCase = new Map<string, LogEvent[]>();
  for (const event of events) {
    const list = byCase.get(event.caseKey);
    if (list) list.push(event);
    else byCase.set(event.caseKey, [event]);
  }
  return byCase;
}
