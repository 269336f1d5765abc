import type { Database, EntityManagerOf } from '@parcours/eventstore';
import { CallbackTaskRow } from './callbacks/queue.ts';
import { DirectoryEntryRow } from './directory/copy.ts';
import { IntakeSummaryRow } from './intake/summaries.ts';
import { MassEventImportRow } from './mass-events/import-reports.ts';
import { MassEventRow } from './mass-events/read-model.ts';

/** The intake service's read models, each defined beside what writes it (docs/read-models.md). */
export const intakeEntities = [
  IntakeSummaryRow,
  CallbackTaskRow,
  MassEventRow,
  MassEventImportRow,
  DirectoryEntryRow,
] as const;

export type IntakeDb = Database<typeof intakeEntities>;
/** A unit of work's EntityManager: `readModels(em)` checks the tables and columns above. */
export type IntakeEm = EntityManagerOf<typeof intakeEntities>;
