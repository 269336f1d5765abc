import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { EventStore } from './event-store.ts';
import type { StoredEvent } from './events.ts';
import { processOnce } from './inbox.ts';
import { documentProjection, ProjectionRunner } from './projections.ts';
import { freshDatabase } from './test-support.ts';

type CaseEvent =
  | { type: 'CaseOpened'; data: { office: string } }
  | { type: 'ActionRecorded'; data: { kind: string } }
  | { type: 'CaseClosed'; data: { reason: string } };

interface CaseSummary {
  office: string;
  actions: number;
  status: 'open' | 'closed';
  lastVersion: number;
}

const caseSummary = documentProjection<CaseEvent, CaseSummary>({
  name: 'case-summary',
  idOf: (event) => event.streamId,
  evolve: (doc, event: StoredEvent<CaseEvent>) => {
    // Idempotent by stream version: an event already folded in changes nothing.
    if (doc && event.streamVersion <= doc.lastVersion) return doc;
    switch (event.type) {
      case 'CaseOpened':
        return { office: event.data.office, actions: 0, status: 'open', lastVersion: event.streamVersion };
      case 'ActionRecorded':
        return doc && { ...doc, actions: doc.actions + 1, lastVersion: event.streamVersion };
      case 'CaseClosed':
        return doc && { ...doc, status: 'closed', lastVersion: event.streamVersion };
    }
  },
});

let env: Awaited<ReturnType<typeof freshDatabase>>;
let db: Database;
let store: EventStore;

beforeAll(async () => {
  env = await freshDatabase('projections');
  db = env.db;
  store = new EventStore(db);
});
afterAll(async () => env.close());

async function openCase(actions: number): Promise<string> {
  const id = `case-${randomUUID()}`;
  const events: CaseEvent[] = [{ type: 'CaseOpened', data: { office: 'office-75-bav' } }];
  for (let i = 0; i < actions; i++)
    events.push({ type: 'ActionRecorded', data: { kind: 'legal-information' } });
  await store.appendToStream(id, events, { expectedVersion: 0 });
  return id;
}

describe('projection runner', () => {
  it('folds events into documents, checkpoints, and a rebuild from zero gives the same documents', async () => {
    const runner = new ProjectionRunner(db, store, [caseSummary]);
    const a = await openCase(2);
    const b = await openCase(0);
    const { checkpoint } = await store.appendToStream(
      b,
      [{ type: 'CaseClosed', data: { reason: 'completed' } }],
      {
        expectedVersion: 1,
      },
    );

    // Read-your-writes: other databases' transactions on the server may hold the horizon a moment.
    await runner.catchUpUntil(checkpoint!);
    const first = [await caseSummary.get(db, a), await caseSummary.get(db, b)];
    expect(first).toEqual([
      { office: 'office-75-bav', actions: 2, status: 'open', lastVersion: 3 },
      { office: 'office-75-bav', actions: 0, status: 'closed', lastVersion: 2 },
    ]);
    await runner.rebuild('case-summary');
    expect([await caseSummary.get(db, a), await caseSummary.get(db, b)]).toEqual(first);
  });

  it('replaying the same events twice gives the same document', async () => {
    const id = await openCase(3);
    const events = await store.readStream<CaseEvent>(id);
    const once = events.reduce<CaseSummary | null>((doc, e) => caseSummary.evolve(doc, e), null);
    const twice = [...events, ...events].reduce<CaseSummary | null>(
      (doc, e) => caseSummary.evolve(doc, e),
      null,
    );
    expect(twice).toEqual(once);
  });

  it('runs in the background, woken by appends', async () => {
    const runner = new ProjectionRunner(db, store, [caseSummary], { pollIntervalMs: 60_000 });
    runner.start();
    try {
      const id = await openCase(1);
      await expect.poll(() => caseSummary.get(db, id), { timeout: 5_000 }).toMatchObject({ actions: 1 });
    } finally {
      await runner.stop();
    }
  });
});

/** The case summary again, under another name, marked inline. */
const inlineCaseSummary = (name: string) => ({
  ...documentProjection<CaseEvent, CaseSummary>({
    name,
    idOf: (event) => event.streamId,
    evolve: caseSummary.evolve,
  }),
  inline: true,
});

describe('wake-ups', () => {
  it('wakes a reader of some types only when one of them is appended in this process', async () => {
    const woken: string[] = [];
    const stopClosed = db.onAppended(() => woken.push('closed'), { types: ['CaseClosed'] });
    const stopAll = db.onAppended(() => woken.push('all'));
    // A LISTEN connection opened just now wakes everybody once when it is up: let that pass.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    woken.length = 0;
    try {
      const id = await openCase(1);
      expect(woken).toEqual(['all']);
      await store.appendToStream(id, [{ type: 'CaseClosed', data: { reason: 'done' } }], {
        expectedVersion: 2,
      });
      expect(woken).toEqual(['all', 'closed', 'all']);
    } finally {
      stopClosed();
      stopAll();
    }
  });
});

describe('inline projection', () => {
  it('is left to its writers by the runner, and rebuilt from the store on demand', async () => {
    const inline = inlineCaseSummary('case-inline');
    const runner = new ProjectionRunner(db, store, [inline, caseSummary]);
    const a = await openCase(1);
    await runner.catchUpToLatest();
    // Followed: the ordinary one. Not followed: the inline one (its writers apply it themselves).
    expect(await caseSummary.get(db, a)).toMatchObject({ actions: 1 });
    expect(await inline.get(db, a)).toBeNull();
    await runner.rebuild('case-inline');
    expect(await inline.get(db, a)).toEqual(await caseSummary.get(db, a));
  });
});

describe('inline projection on the event store', () => {
  it('is written in the append transaction, for lone and grouped appends; a failing one fails the append', async () => {
    const inline = inlineCaseSummary('case-store-inline');
    const withInline = new EventStore(db, {}, { inline: [inline] });
    const opened = (office: string): CaseEvent[] => [{ type: 'CaseOpened', data: { office } }];
    const lone = `case-${randomUUID()}`;
    await withInline.appendToStream(lone, opened('office-75-bav'), { expectedVersion: 0 });
    // Visible as soon as the append returns: no runner involved.
    expect(await inline.get(db, lone)).toMatchObject({ office: 'office-75-bav', lastVersion: 1 });
    const grouped = [`case-${randomUUID()}`, `case-${randomUUID()}`, `case-${randomUUID()}`];
    await Promise.all(
      grouped.map((id) => withInline.appendToStream(id, opened('office-69-lyon'), { expectedVersion: 0 })),
    );
    for (const id of grouped) expect(await inline.get(db, id)).toMatchObject({ office: 'office-69-lyon' });

    const failing = {
      ...inline,
      name: 'case-failing',
      applyBatch: async () => Promise.reject(new Error('model down')),
    };
    const broken = new EventStore(db, {}, { inline: [failing] });
    const lost = `case-${randomUUID()}`;
    await expect(
      broken.appendToStream(lost, opened('office-75-bav'), { expectedVersion: 0 }),
    ).rejects.toThrow('model down');
    expect(await store.streamVersion(lost)).toBe(0);
  });
});

describe('inbox', () => {
  it('applies an event delivered twice once, even concurrently', async () => {
    const eventId = randomUUID();
    const stream = `inbox-${randomUUID()}`;
    const deliver = () =>
      processOnce(db, 'referral-routing', eventId, async (tx) => {
        await store.appendToStream(stream, [{ type: 'ReferralProposed', data: { eventId } }], {
          expectedVersion: 0,
          tx,
        });
      });
    const outcomes = await Promise.all([deliver(), deliver(), deliver()]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('records nothing when the effect fails, so the redelivery applies it', async () => {
    const eventId = randomUUID();
    await expect(
      processOnce(db, 'referral-routing', eventId, async () => {
        throw new Error('directory unavailable');
      }),
    ).rejects.toThrow('directory unavailable');
    expect(await processOnce(db, 'referral-routing', eventId, async () => undefined)).toBe(true);
  });
});
