import { Database } from '@parcours/eventstore';
import { createTestDatabase } from '@parcours/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyEvents } from '../demo/journey.ts';
import { toLogEvent } from '../log/log.ts';
import { projectionsMigrations } from '../migrations.ts';
import { type CaseViews, foldCase } from './fold.ts';
import { CopyText, caseColumns, caseTables, writeCases } from './store.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase('projections_store');
  db = await Database.connect({ url: database.url, migrations: projectionsMigrations });
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

// What COPY's text format gives a meaning to, and what a byte-wise writer could get wrong.
const awkward = 'tab\there, line\nand cr\r, back\\slash, \\N, \\t, "double" \'single\', é ü 日本 🙂';

const awkwardCase: CaseViews = {
  case: {
    case_key: 'case-awkward',
    channel: awkward,
    intake_office_id: null,
    // intake_association_id missing: NULL, as json_populate_recordset reads it.
    offence_category: '\\N',
    first_at: '2026-03-02T09:00:00.000Z',
    last_at: '2026-03-02T10:30:00.123+01:00',
  },
  files: [
    {
      file_id: 'file-awkward',
      case_key: 'case-awkward',
      association_id: 'asso-75',
      office_id: 'office-75-bav',
      person_key: 'case-awkward/file-awkward',
      origin: '',
      channel: true,
      offence_category: 'ends with a backslash\\',
      status: 'open',
      caseworker_id: 42,
      opened_at: new Date('2026-03-02T09:00:00.000Z'),
      closed_at: undefined,
      closure_reason: { not: 'a string' },
      first_contact_at: null,
      last_activity_at: '2026-03-02T09:00:00Z',
      inactive_since: null,
    },
  ],
  referrals: [],
  actions: [],
  hearings: [
    {
      hearing_id: 'hearing-awkward',
      case_key: 'case-awkward',
      file_id: 'file-awkward',
      association_id: 'asso-75',
      office_id: 'office-75-bav',
      starts_at: '2026-04-01T08:00:00.000Z',
      accompaniment_planned: false,
    },
  ],
  // Keys in another order than the table's columns.
  evvi: [
    {
      late: true,
      submitted_at: null,
      request_id: 'evvi-awkward',
      case_key: 'case-awkward',
      file_id: 'file-awkward',
      association_id: 'asso-75',
      office_id: 'office-75-bav',
      requested_at: '2026-03-03T09:00:00.000Z',
      due_on: '2026-03-10',
    },
  ],
  breaches: [],
  mediations: [
    {
      mandate_id: 'mandate-awkward',
      case_key: 'case-awkward',
      association_id: 'asso-75',
      office_id: 'office-75-bav',
      status: 'settled',
      return_reason: '\r\n',
      fulfilled: false,
      deadline: '2026-06-01',
      first_convocation_by: null,
      outcome_at: null,
      sessions_held: 3,
    },
  ],
};

describe('the rebuild’s COPY of the case views', () => {
  it('writes every value as the consumer’s JSON insert does: escapes, nulls, unicode, dates, booleans', async () => {
    const journey = journeyEvents({
      caseId: 'case-journey',
      start: new Date('2026-03-02T09:00:00.000Z'),
      associationId: 'asso-75',
      officeId: 'office-75-bav',
      actions: [{ day: 0, kind: 'legal-information' }],
      hearingInDays: 20,
      mediation: 'returned',
    }).map((event) => toLogEvent('topic', event));
    const views = [awkwardCase, foldCase('case-journey', journey)];

    await db.transaction((tx) => writeCases(tx, views));
    await db.transaction(async (tx) => {
      for (const [table] of caseTables) await tx.query(`CREATE TABLE ${table}_next (LIKE ${table})`);
      const text = new CopyText(await caseColumns(tx));
      for (const view of views) text.add(view);
      await text.copy(tx, '_next');
    });

    for (const [table] of caseTables) {
      const copied = await db.query(`SELECT * FROM ${table}_next ORDER BY 1`);
      expect(copied, table).toEqual(await db.query(`SELECT * FROM ${table} ORDER BY 1`));
    }
    const [kase] = await db.query(`SELECT * FROM pj_cases_next WHERE case_key = 'case-awkward'`);
    expect(kase).toMatchObject({ channel: awkward, intake_association_id: null, offence_category: '\\N' });
    const [file] = await db.query(`SELECT * FROM pj_files_next WHERE file_id = 'file-awkward'`);
    expect(file).toMatchObject({
      channel: 'true',
      caseworker_id: '42',
      closure_reason: '{"not":"a string"}',
      offence_category: 'ends with a backslash\\',
      closed_at: null,
    });
  });
});
