import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCommand } from './command-handler.ts';
import type { Database } from './database.ts';
import { EventStore } from './event-store.ts';
import { START } from './events.ts';
import { counter, freshDatabase } from './test-support.ts';

let env: Awaited<ReturnType<typeof freshDatabase>>;
let db: Database;
let store: EventStore;

beforeAll(async () => {
  env = await freshDatabase('eventstore_reads');
  db = env.db;
  store = new EventStore(db);
});
afterAll(async () => env.close());

describe('aggregateStream', () => {
  it('folds a stream with its decider: the state and the version to expect, in a transaction too', async () => {
    const stream = `counter-${randomUUID()}`;
    expect(await store.aggregateStream(stream, counter)).toEqual({ state: { total: 0 }, version: 0 });
    await handleCommand(store, stream, counter, { type: 'Increment', by: 2 });
    await handleCommand(store, stream, counter, { type: 'Increment', by: 3 });
    expect(await store.aggregateStream(stream, counter)).toEqual({ state: { total: 5 }, version: 2 });
    await db.transaction(async (tx) => {
      await handleCommand(store, stream, counter, { type: 'Increment', by: 4 }, { tx });
      expect(await store.aggregateStream(stream, counter, { tx })).toEqual({
        state: { total: 9 },
        version: 3,
      });
    });
  });
});

describe('upcasting', () => {
  it('upcasts old schema versions on read', async () => {
    const stream = `case-${randomUUID()}`;
    const v1 = new EventStore(db);
    await v1.appendToStream(stream, [{ type: 'VictimRecorded', data: { name: 'x', postcode: '75011' } }], {
      expectedVersion: 0,
    });
    const v3 = new EventStore(db, {
      current: { VictimRecorded: 3 },
      upcasters: {
        VictimRecorded: {
          1: (d: { postcode: string }) => ({ residence: { postcode: d.postcode } }),
          2: (d: { residence: object }) => ({ residence: { ...d.residence, countryCode: 'FR' } }),
        },
      },
    });
    await v3.appendToStream(
      stream,
      [{ type: 'VictimRecorded', data: { residence: { postcode: '69001', countryCode: 'FR' } } }],
      {
        expectedVersion: 1,
      },
    );
    const events = await v3.readStream(stream);
    expect(events.map((e) => [e.schemaVersion, e.data])).toEqual([
      [1, { residence: { postcode: '75011', countryCode: 'FR' } }],
      [3, { residence: { postcode: '69001', countryCode: 'FR' } }],
    ]);
    // The fold sees the upcast data only: evolve is written against the current schema.
    type Recorded = {
      type: 'VictimRecorded';
      data: { residence: { postcode: string; countryCode: string } };
    };
    const postcodes = {
      initialState: (): string[] => [],
      evolve: (seen: string[], event: Recorded) => [
        ...seen,
        `${event.data.residence.countryCode}-${event.data.residence.postcode}`,
      ],
    };
    expect(await v3.aggregateStream(stream, postcodes)).toEqual({
      state: ['FR-75011', 'FR-69001'],
      version: 2,
    });
  });
});

describe('readAll', () => {
  it('never skips an event whose transaction commits after a later one', async () => {
    // A transaction that takes its position first but commits last.
    const slow = new pg.Client({ connectionString: env.url });
    await slow.connect();
    try {
      const before = (await store.readAll(START, { limit: 100_000 })).checkpoint;
      await slow.query('BEGIN');
      const slowStore = new EventStore({
        query: async (text, params) => (await slow.query(text, params as unknown[])).rows,
      });
      const slowStream = `late-${randomUUID()}`;
      const [slowPosition] = (
        await slowStore.appendToStream(slowStream, [{ type: 'Late', data: {} }], { expectedVersion: 0 })
      ).positions;

      const fastStream = `early-${randomUUID()}`;
      const [fastPosition] = (
        await store.appendToStream(fastStream, [{ type: 'Early', data: {} }], { expectedVersion: 0 })
      ).positions;
      expect(fastPosition!).toBeGreaterThan(slowPosition!);

      // While the slow transaction is open, the reader must not move past it.
      const whileOpen = await store.readAll(before, { limit: 100_000 });
      expect(whileOpen.events.map((e) => e.streamId)).not.toContain(fastStream);

      await slow.query('COMMIT');
      // Other databases of the same server may hold the horizon a moment longer: wait for it.
      let streams: string[] = [];
      await expect
        .poll(
          async () => {
            const after = await store.readAll(whileOpen.checkpoint, { limit: 100_000 });
            streams = after.events.map((e) => e.streamId);
            return streams.includes(slowStream) && streams.includes(fastStream);
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      expect(streams).toContain(slowStream);
      expect(streams).toContain(fastStream);
      expect(streams.indexOf(slowStream)).toBeLessThan(streams.indexOf(fastStream));
    } finally {
      await slow.end();
    }
  });
});

describe('readAll of some types', () => {
  it('moves its checkpoint past the events it does not read, so nothing is scanned twice', async () => {
    const start = (await store.readAll(START, { limit: 100_000 })).checkpoint;
    const wanted = `wanted-${randomUUID()}`;
    await store.appendToStream(wanted, [{ type: 'DirectoryChanged', data: {} }], { expectedVersion: 0 });
    const others = `others-${randomUUID()}`;
    const { checkpoint: last } = await store.appendToStream(
      others,
      Array.from({ length: 5 }, () => ({ type: 'ReferralProposed', data: {} })),
      { expectedVersion: 0 },
    );
    let checkpoint = start;
    const read: string[] = [];
    await expect
      .poll(
        async () => {
          const batch = await store.readAll(checkpoint, { types: ['DirectoryChanged'], limit: 3 });
          read.push(...batch.events.map((e) => e.streamId));
          checkpoint = batch.checkpoint;
          return (
            BigInt(checkpoint.transactionId) >= BigInt(last!.transactionId) &&
            checkpoint.position >= last!.position
          );
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(read).toEqual([wanted]);
    // Past the last event of any type: the next read scans nothing.
    expect((await store.readAll(checkpoint, { types: ['DirectoryChanged'] })).events).toEqual([]);
  });
});
