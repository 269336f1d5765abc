import type { Sql } from '@parcours/eventstore';
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
 * per table for the whole batch (raw statements, json_populate_recordset: the hot path of both the
 * consumer and the rebuild, bench/projections).
 */
export async function writeCases(tx: Sql, views: readonly CaseViews[], replace = true): Promise<void> {
  // A rebuild writes into emptied tables (replace = false): a case the live consumer folded meanwhile
  // already has rows at least as new (its fold read a log that holds everything the rebuild read).
  if (views.length === 0) return;
  const keys = views.map((view) => view.case['case_key'] as string);
  for (const [table, part] of caseTables) {
    if (replace)
      await tx.query(`DELETE FROM ${table} WHERE case_key = ANY($1::text[])`, [keys], `${table}_delete`);
    const rows = views.flatMap((view) => (part === 'case' ? [view.case] : view[part]));
    if (rows.length === 0) continue;
    await tx.query(
      `INSERT INTO ${table} SELECT * FROM json_populate_recordset(null::${table}, $1::json)${replace ? '' : ' ON CONFLICT DO NOTHING'}`,
      [JSON.stringify(rows)],
      `${table}_insert${replace ? '' : '_new'}`,
    );
  }
}

/** Folds these cases again from the log and writes their rows: what every new event of a case triggers. */
export async function refoldCases(tx: Sql, caseKeys: readonly string[]): Promise<void> {
  if (caseKeys.length === 0) return;
  const byCase = groupByCase(await eventsOfCases(tx, caseKeys));
  await writeCases(
    tx,
    caseKeys.map((key) => foldCase(key, byCase.get(key) ?? [])),
  );
}

export function groupByCase(events: readonly LogEvent[]): Map<string, LogEvent[]> {
  const byCase = new Map<string, LogEvent[]>();
  for (const event of events) {
    const list = byCase.get(event.caseKey);
    if (list) list.push(event);
    else byCase.set(event.caseKey, [event]);
  }
  return byCase;
}
