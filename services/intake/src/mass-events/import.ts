// Over 300 lines: the CSV import in one pass (parse, validate each column, record, progress).
import { randomUUID } from 'node:crypto';
import { Needs, OffenceCategories, Urgencies } from '@parcours/contracts';
import { handleCommand } from '@parcours/eventstore';
import { postcodeProblem } from '@parcours/geography';
import { eventMetadata, isDomainError, type RequestMetadata } from '@parcours/service-kit';
import type { IntakeDb } from '../entities.ts';
import type { MassEventSummary } from '../intake/decide.ts';
import type { Need, OffenceCategory, Urgency, VulnerabilityFlag } from '../intake/intake.ts';
import { VulnerabilityFlags } from '../intake/intake.ts';
import type { IntakeService, RecordInput } from '../intake/service.ts';
import { CsvSyntaxError, parseCsv } from './csv.ts';
import {
  createImportReport,
  type ImportReport,
  type RowError,
  readImportReport,
  saveImportReport,
} from './import-reports.ts';
import { massEventDecider, massEventStreamId } from './mass-event.ts';

export type { ImportReport, RowError };

const REQUIRED = ['last_name', 'first_name', 'postcode'] as const;
const KNOWN = [
  'last_name',
  'first_name',
  'birth_date',
  'phone',
  'email',
  'address',
  'postcode',
  'commune_code',
  'country',
  'offence_category',
  'needs',
  'vulnerabilities',
  'urgency',
  'consent_services',
  'consent_sharing',
  'no_voicemail',
] as const;
type Column = (typeof KNOWN)[number];

const yes = new Set(['yes', 'y', 'oui', 'o', 'true', '1']);
const no = new Set(['no', 'n', 'non', 'false', '0', '']);

class RowInvalid extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

function list<T extends string>(value: string, allowed: readonly T[], field: string): T[] {
  const items = value
    .split(/[|;]/)
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of items)
    if (!allowed.includes(item as T)) throw new RowInvalid(field, `unknown value "${item}"`);
  return [...new Set(items)] as T[];
}

/** A real YYYY-MM-DD day (Date.parse would roll 1980-02-30 over to March). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function flag(value: string, field: string): boolean {
  const v = value.trim().toLowerCase();
  if (yes.has(v)) return true;
  if (no.has(v)) return false;
  throw new RowInvalid(field, 'must be yes or no');
}

/** A CSV row to the intake's input; throws RowInvalid naming the column. Messages never quote the value. */
export function rowToInput(
  row: Partial<Record<Column, string>>,
  defaultOffence: OffenceCategory,
): RecordInput {
  for (const field of REQUIRED) if (!row[field]?.trim()) throw new RowInvalid(field, 'is required');
  const country = (row.country?.trim() || 'FR').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw new RowInvalid('country', 'must be an ISO 3166 alpha-2 code');
  const postcode = row.postcode!.trim();
  const postcodeInvalid = postcodeProblem(country, postcode);
  if (postcodeInvalid) throw new RowInvalid('postcode', postcodeInvalid);
  const communeCode = row.commune_code?.trim();
  if (communeCode && !/^[0-9][0-9AB][0-9]{3}$/.test(communeCode)) {
    throw new RowInvalid('commune_code', 'must be an INSEE commune code');
  }
  const birthDate = row.birth_date?.trim();
  if (birthDate && !isCalendarDate(birthDate)) {
    throw new RowInvalid('birth_date', 'must be a date YYYY-MM-DD');
  }
  const phone = row.phone?.trim();
  if (phone && !/^\+?[0-9 .-]{6,20}$/.test(phone)) throw new RowInvalid('phone', 'is not a phone number');
  const email = row.email?.trim();
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new RowInvalid('email', 'is not an e-mail address');
  const offence = row.offence_category?.trim() || defaultOffence;
  if (!OffenceCategories.includes(offence as OffenceCategory)) {
    throw new RowInvalid('offence_category', 'is not in the taxonomy');
  }
  const urgency = row.urgency?.trim() || 'high';
  if (!Urgencies.includes(urgency as Urgency)) throw new RowInvalid('urgency', 'is not an urgency');
  return {
    profile: {
      residence: { countryCode: country, postcode, ...(communeCode ? { communeCode } : {}) },
      offenceCategory: offence as OffenceCategory,
      needs: list<Need>(row.needs ?? '', Needs, 'needs'),
      vulnerabilities: list<VulnerabilityFlag>(
        row.vulnerabilities ?? '',
        VulnerabilityFlags,
        'vulnerabilities',
      ),
      urgency: urgency as Urgency,
      safeContact: {
        safeNumber: false,
        safeHours: false,
        noVoicemail: flag(row.no_voicemail ?? '', 'no_voicemail'),
        throughThirdParty: false,
      },
      consent: {
        services: flag(row.consent_services ?? '', 'consent_services'),
        sharing: flag(row.consent_sharing ?? '', 'consent_sharing'),
      },
    },
    personal: {
      identity: { lastName: row.last_name!.trim(), firstName: row.first_name!.trim() },
      ...(birthDate ? { birthDate } : {}),
      ...(phone || email ? { contact: { ...(phone ? { phone } : {}), ...(email ? { email } : {}) } } : {}),
      ...(row.address?.trim() ? { address: { lines: [row.address.trim()] } } : {}),
    },
  };
}

/** The column of a field the intake's rules named (a residence's commune, say). */
const columnOf = (field: string) =>
  ({ '/body/profile/residence/postcode': 'postcode', '/body/profile/residence/communeCode': 'commune_code' })[
    field
  ] ?? field;

export interface ImportOptions {
  concurrency?: number;
  /** Progress is written every this many rows (and at the end). */
  progressEvery?: number;
  /** Data rows of the list when known before the import starts: progress shows done of total. */
  rows?: number | undefined;
}

/**
 * Imports a victim list: streams the CSV, records one intake per good row (one stream per victim,
 * appended concurrently up to `concurrency`), lists the bad rows with their line and column, and
 * keeps the progress in mass_event_imports so it can be polled while it runs.
 */
export class MassEventImporter {
  readonly #db: IntakeDb;
  readonly #intakes: IntakeService;
  readonly #running = new Set<Promise<unknown>>();

  constructor(db: IntakeDb, intakes: IntakeService) {
    this.#db = db;
    this.#intakes = intakes;
  }

  /**
   * Creates the import and runs it in the background; the report is then read with `report`. The
   * mass event's decider says whether a list may be imported (it must be open): refused, nothing starts.
   */
  async start(
    massEventId: string,
    csv: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
    metadata: RequestMetadata,
    options: ImportOptions = {},
  ): Promise<{ importId: string; finished: Promise<ImportReport> }> {
    const importId = randomUUID();
    const { state } = await handleCommand(
      this.#intakes.deps.store,
      massEventStreamId(massEventId),
      massEventDecider,
      { type: 'StartImport', data: { importId }, metadata },
      { metadata: eventMetadata(metadata) },
    );
    if (state.status === 'none') throw new Error(`mass event ${massEventId} vanished`);
    const massEvent = { massEventId, status: state.status, offenceCategory: state.event.offenceCategory };
    await createImportReport(this.#db, {
      importId,
      massEventId,
      startedBy: metadata.actor.id,
      total: options.rows ?? null,
    });
    const finished = this.#run(importId, massEventId, massEvent, csv, metadata, options);
    this.#running.add(finished);
    void finished.finally(() => this.#running.delete(finished)).catch(() => undefined);
    return { importId, finished };
  }

  report(importId: string): Promise<ImportReport | undefined> {
    return readImportReport(this.#db.em(), importId);
  }

  /** Waits for the imports still running (graceful shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.#running]);
  }

  async #run(
    importId: string,
    massEventId: string,
    massEvent: MassEventSummary & { offenceCategory: OffenceCategory },
    csv: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
    metadata: RequestMetadata,
    options: ImportOptions,
  ): Promise<ImportReport> {
    const concurrency = options.concurrency ?? 16;
    const progressEvery = options.progressEvery ?? 100;
    const errors: RowError[] = [];
    let read = 0;
    let done = 0;
    let imported = 0;
    let total: number | null = options.rows ?? null;
    let lastSaved = 0;
    const inFlight = new Set<Promise<void>>();

    const save = async (status: ImportReport['status']) => {
      lastSaved = done;
      await saveImportReport(this.#db, {
        importId,
        status,
        total,
        done,
        imported,
        failed: errors.length,
        errors,
      });
    };

    const recordRow = async (line: number, input: RecordInput) => {
      try {
        await this.#intakes.recordMassEventIntake(
          { ...input, massEventId, importId, row: line },
          massEvent,
          metadata,
        );
        imported++;
      } catch (error) {
        // A refused row is listed; anything else (the database gone) fails the import.
        if (!isDomainError(error) || error.status >= 500) throw error;
        errors.push({
          row: line,
          field: columnOf(error.errors?.[0]?.field ?? ''),
          message: error.detail ?? error.code,
        });
      } finally {
        done++;
      }
      if (done - lastSaved >= progressEvery) await save('running');
    };

    try {
      let header: string[] | undefined;
      for await (const record of parseCsv(csv)) {
        if (!header) {
          header = record.fields.map((name) => name.trim().toLowerCase());
          const missing = REQUIRED.filter((column) => !header!.includes(column));
          if (missing.length > 0) {
            for (const column of missing)
              errors.push({ row: record.line, field: column, message: 'missing column' });
            total = 0;
            await save('failed');
            return (await this.report(importId))!;
          }
          continue;
        }
        read++;
        const row: Partial<Record<Column, string>> = {};
        header.forEach((name, i) => {
          if ((KNOWN as readonly string[]).includes(name)) row[name as Column] = record.fields[i] ?? '';
        });
        let input: RecordInput;
        try {
          if (record.fields.length !== header.length) {
            throw new RowInvalid('(row)', `has ${record.fields.length} fields, the header ${header.length}`);
          }
          input = rowToInput(row, massEvent.offenceCategory);
        } catch (error) {
          if (!(error instanceof RowInvalid)) throw error;
          errors.push({ row: record.line, field: error.field, message: error.message });
          done++;
          continue;
        }
        const task = recordRow(record.line, input).finally(() => inFlight.delete(task));
        inFlight.add(task);
        if (inFlight.size >= concurrency) await Promise.race(inFlight);
      }
      total = read;
      await Promise.all(inFlight);
      errors.sort((a, b) => a.row - b.row);
      await save('done');
    } catch (error) {
      await Promise.allSettled(inFlight);
      if (error instanceof CsvSyntaxError) {
        errors.push({ row: error.line, field: '(csv)', message: error.message });
        total = read;
        errors.sort((a, b) => a.row - b.row);
        await save('done');
      } else {
        await save('failed').catch(() => undefined);
        throw error;
      }
    }
    return (await this.report(importId))!;
  }
}
