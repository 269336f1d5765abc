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
export async function writeCases(
  tx: Sql,
  views: readonly CaseViews[],
  replace = true,
  suffix = '',
): Promise<void> {
  // A full rebuild writes into new tables of its own (replace = false, suffix `_next`: rebuild.ts),
  // which nothing else writes: plain inserts, not prepared (the tables are new each time).
  if (views.length === 0) return;
  const keys = views.map((view) => view.case['case_key'] as string);
  for (const [live, part] of caseTables) {
    const table = `${live}${suffix}`;
    if (replace)
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

/** Folds these cases again from the log and writes their rows: what every new event of a case triggers. */
export async function refoldCases(tx: Sql, caseKeys: readonly string[], suffix = ''): Promise<void> {
  if (caseKeys.length === 0) return;
  const byCase = groupByCase(await eventsOfCases(tx, caseKeys));
  await writeCases(
    tx,
    caseKeys.map((key) => foldCase(key, byCase.get(key) ?? [])),
    true,
    suffix,
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
