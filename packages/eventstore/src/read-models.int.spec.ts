import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from './database.ts';
import { readModels, readRows, schemaDrift, write } from './read-models.ts';
import { freshDatabase } from './test-support.ts';

/** A read model as a service writes one: its table made by a migration, its entity beside it. */
class OfficeCaseloads extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE office_caseloads (
        office_id    text         PRIMARY KEY,
        open_files   integer      NOT NULL DEFAULT 0,
        manager      text,
        updated_at   timestamptz  NOT NULL
      )`);
    this.addSql('CREATE INDEX office_caseloads_busy ON office_caseloads (open_files DESC)');
  }
}

const OfficeCaseload = defineEntity({
  name: 'OfficeCaseload',
  tableName: 'office_caseloads',
  properties: {
    officeId: p.text().primary(),
    openFiles: p.integer().default(0),
    manager: p.text().nullable(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

let env: Awaited<ReturnType<typeof freshDatabase>>;
let db: Database<[typeof OfficeCaseload]>;

beforeAll(async () => {
  env = await freshDatabase('readmodels', [{ name: '0900_office_caseloads', class: OfficeCaseloads }]);
  db = await Database.connect({ url: env.url, entities: [OfficeCaseload] });
});
afterAll(async () => {
  await db.close();
  await env.close();
});

describe('read models as MikroORM entities', () => {
  it('reads with readRows exactly what the typed query returns through MikroORM, null and dates included', async () => {
    const kysely = readModels(db.em());
    const prefix = `rows-${randomUUID()}`;
    for (const [i, manager] of ['Camille', null, 'Inès'].entries()) {
      await write(
        db,
        kysely.insertInto('office_caseloads').values({
          officeId: `${prefix}-${i}`,
          openFiles: i * 2,
          manager,
          updatedAt: new Date(Date.UTC(2026, 11, 1, 9, i)),
        }),
      );
    }
    const query = () =>
      readModels(db.em())
        .selectFrom('office_caseloads')
        .selectAll()
        .where('officeId', 'like', `${prefix}-%`)
        .orderBy('officeId');
    const viaOrm = await query().execute();
    const viaRows = await readRows(db, query());
    expect(viaRows).toEqual(viaOrm);
    expect(viaRows[1]).toEqual({
      officeId: `${prefix}-1`,
      openFiles: 2,
      manager: null,
      updatedAt: new Date(Date.UTC(2026, 11, 1, 9, 1)),
    });
    expect(await readRows(db, query().where('openFiles', '>', 100))).toEqual([]);
  });

  it('writes with a typed query in a transaction and reads back through the EntityManager and Kysely', async () => {
    const officeId = `office-${randomUUID()}`;
    const updatedAt = new Date('2026-12-01T09:30:00Z');
    await db.transaction(async (tx) => {
      const kysely = readModels(db.em());
      await write(tx, kysely.insertInto('office_caseloads').values({ officeId, openFiles: 3, updatedAt }));
      await write(
        tx,
        kysely
          .updateTable('office_caseloads')
          .set((eb) => ({ openFiles: eb('openFiles', '+', 1) }))
          .where('officeId', '=', officeId),
      );
    });

    const rows = await readModels(db.em())
      .selectFrom('office_caseloads')
      .select(['officeId', 'openFiles', 'manager', 'updatedAt'])
      .where('officeId', '=', officeId)
      .execute();
    expect(rows).toEqual([{ officeId, openFiles: 4, manager: null, updatedAt }]);
    // @ts-expect-error a column the entity does not have does not compile
    readModels(db.em()).selectFrom('office_caseloads').select(['office_id']);
    // @ts-expect-error nor does a table no entity maps
    readModels(db.em()).selectFrom('office_caseload');

    const entity = await db.em().findOneOrFail(OfficeCaseload, { officeId });
    expect(entity).toMatchObject({ openFiles: 4, updatedAt });
  });

  it('writes nothing when the transaction rolls back', async () => {
    const officeId = `office-${randomUUID()}`;
    const kysely = readModels(db.em());
    await expect(
      db.transaction(async (tx) => {
        await write(tx, kysely.insertInto('office_caseloads').values({ officeId, updatedAt: new Date() }));
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    expect(await db.em().count(OfficeCaseload, { officeId })).toBe(0);
  });
});

describe('schemaDrift', () => {
  it('finds no difference between the entities and the migrated tables (the access log included)', async () => {
    expect(await schemaDrift(db)).toEqual([]);
  });

  it('names the column of an entity that drifted from its table', async () => {
    const Drifted = defineEntity({
      name: 'OfficeCaseload',
      tableName: 'office_caseloads',
      properties: {
        officeId: p.text().primary(),
        // renamed in the entity only, and a type that is not the column's
        openCases: p.integer().default(0),
        manager: p.integer().nullable(),
        updatedAt: p.datetime().columnType('timestamptz'),
      },
    });
    const drifted = await Database.connect({ url: env.url, entities: [Drifted] });
    try {
      const drift = (await schemaDrift(drifted)).join('\n');
      expect(drift).toMatch(/open_cases/);
      expect(drift).toMatch(/open_files/);
      expect(drift).toMatch(/"manager" type int/);
    } finally {
      await drifted.close();
    }
  });

  it('counts a migration that leaves an entity behind as drift', async () => {
    await db.query('ALTER TABLE office_caseloads ADD COLUMN region text');
    try {
      expect(await schemaDrift(db)).toEqual(['alter table "office_caseloads" drop column "region"']);
    } finally {
      await db.query('ALTER TABLE office_caseloads DROP COLUMN region');
    }
  });
});
