import { defineEntity, p } from '@mikro-orm/core';
import { readModels, write } from '@parcours/eventstore';
import type { IntakeDb, IntakeEm } from '../entities.ts';

/** One refused row: its line in the file (the header is line 1), the column at fault and why. */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportReport {
  importId: string;
  massEventId: string;
  status: 'running' | 'done' | 'failed';
  total: number | null;
  done: number;
  imported: number;
  failed: number;
  errors: RowError[];
}

/**
 * The progress of each victim list's import (migration 0100_intake_read_models): kept by the
 * importer while it runs, polled by whoever started it. Errors name a row and a column, never a value.
 */
export const MassEventImportRow = defineEntity({
  name: 'MassEventImportRow',
  tableName: 'mass_event_imports',
  properties: {
    importId: p.text().primary(),
    massEventId: p.text(),
    status: p.text().$type<ImportReport['status']>(),
    total: p.integer().nullable(),
    done: p.integer().default(0),
    imported: p.integer().default(0),
    failed: p.integer().default(0),
    errors: p.json<RowError[]>().columnType('jsonb').defaultRaw("'[]'"),
    startedBy: p.text(),
    startedAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
    finishedAt: p.datetime().columnType('timestamptz').nullable(),
  },
});

export function createImportReport(
  db: IntakeDb,
  report: { importId: string; massEventId: string; startedBy: string; total: number | null },
) {
  return write(
    db,
    readModels(db.em())
      .insertInto('mass_event_imports')
      .values({ ...report, status: 'running' }),
  );
}

export function saveImportReport(db: IntakeDb, report: Omit<ImportReport, 'massEventId'>) {
  const { importId, status, total, done, imported, errors } = report;
  return write(
    db,
    readModels(db.em())
      .updateTable('mass_event_imports')
      .set({
        status,
        total,
        done,
        imported,
        failed: errors.length,
        errors,
        finishedAt: status === 'running' ? null : new Date(),
      })
      .where('importId', '=', importId),
  );
}

export async function readImportReport(em: IntakeEm, importId: string): Promise<ImportReport | undefined> {
  return readModels(em)
    .selectFrom('mass_event_imports')
    .select(['importId', 'massEventId', 'status', 'total', 'done', 'imported', 'failed', 'errors'])
    .where('importId', '=', importId)
    .executeTakeFirst();
}
