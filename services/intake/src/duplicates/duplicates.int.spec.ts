import type { Sql } from '@parcours/eventstore';
import { replayedOneByOne } from '@parcours/eventstore/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeViews } from '../read-models.ts';
import { helplineCall, startTestService, type TestService } from '../test-support.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('dups');
});
afterAll(async () => {
  await service?.close();
});

describe('possible duplicates', () => {
  it('flags intakes of the same person on a minimal view, and merges only on command', async () => {
    const helpline = await service.auth('helpline');
    const record = async (body: unknown, url = '/intakes/helpline-calls', headers = helpline) =>
      (await service.app.inject({ method: 'POST', url, payload: body as object, headers })).json()
        .intakeId as string;

    const first = await record(helplineCall());
    const spelledOtherwise = helplineCall();
    spelledOtherwise.personal.identity = { lastName: ' LEFEVRE', firstName: 'elodie ' };
    const second = await record(spelledOtherwise);
    const walkIn = {
      ...helplineCall(),
      caller: undefined,
      outcome: undefined,
      anonymous: undefined,
      officeId: 'office-75-bav',
      officeType: 'court-victim-office',
    };
    const third = await record(walkIn, '/intakes/walk-ins', await service.auth('caseworker'));
    const someoneElse = helplineCall();
    someoneElse.personal.birthDate = '1991-04-12';
    const fourth = await record(someoneElse);
    await service.catchUp();

    const dups = await service.app.inject({
      method: 'GET',
      url: `/intakes/${first}/possible-duplicates`,
      headers: helpline,
    });
    expect(dups.statusCode).toBe(200);
    const items = dups.json().items as { intakeId: string }[];
    expect(items.map((i) => i.intakeId).sort()).toEqual([second, third].sort());
    expect(Object.keys(items[0]!).sort()).toEqual([
      'channel',
      'intakeId',
      'officeId',
      'recordedAt',
      'status',
    ]);
    expect(items.find((i) => i.intakeId === third)).toMatchObject({
      channel: 'walk-in',
      officeId: 'office-75-bav',
    });
    expect(JSON.stringify(dups.json())).not.toMatch(/lef[eè]vre|elodie|Élodie/i);

    const groups = await service.app.inject({ method: 'GET', url: '/duplicates', headers: helpline });
    expect(groups.json().groups).toHaveLength(1);
    expect(groups.json().groups[0].intakes.map((i: { intakeId: string }) => i.intakeId)).not.toContain(
      fourth,
    );

    // Nothing merged by itself; merging is a command.
    const merge = await service.app.inject({
      method: 'POST',
      url: `/intakes/${second}/merge`,
      payload: { into: first },
      headers: helpline,
    });
    expect(merge.statusCode).toBe(200);
    expect(merge.json()).toMatchObject({ status: 'merged', events: ['IntakeMerged'] });
    await service.catchUp();
    const after = await service.app.inject({
      method: 'GET',
      url: `/intakes/${first}/possible-duplicates`,
      headers: helpline,
    });
    expect(after.json().items.map((i: { intakeId: string }) => i.intakeId)).toEqual([third]);

    const again = await service.app.inject({
      method: 'POST',
      url: `/intakes/${second}/merge`,
      payload: { into: first },
      headers: helpline,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('intake_merged');

    // The views as built live, rebuilt in one batch (applyBatch folds each intake's events), and
    // replayed event by event (apply) are the same rows.
    const { db, store, projections } = service.module;
    const snapshot = async (sql: Sql) => sql.query('SELECT * FROM intake_summaries ORDER BY intake_id');
    const live = await snapshot(db);
    await projections.rebuild('intake-views');
    expect(await snapshot(db)).toEqual(live);
    const replayed = await replayedOneByOne(db, store, intakeViews(db), snapshot);
    expect(replayed).toEqual(live);
  });
});
