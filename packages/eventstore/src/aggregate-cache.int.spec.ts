import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AggregateCache } from './aggregate-cache.ts';
import type { Database } from './database.ts';
import { EventStore } from './event-store.ts';
import { type CounterEvent, counter, freshDatabase } from './test-support.ts';

let env: Awaited<ReturnType<typeof freshDatabase>>;
let db: Database;
let store: EventStore;

beforeAll(async () => {
  env = await freshDatabase('aggregate_cache');
  db = env.db;
  store = new EventStore(db);
});
afterAll(async () => env.close());

const increment = (by: number): CounterEvent => ({ type: 'Incremented', data: { by, seenTotal: 0 } });

describe('a cache of streams’ states', () => {
  it('folds only what was appended since, whoever appended it, and never serves a stale state', async () => {
    const stream = `counter-${randomUUID()}`;
    const cache = new AggregateCache(store, counter, 10);
    await store.appendToStream(stream, [increment(1), increment(2)], { expectedVersion: 0 });
    expect(await cache.load(stream)).toEqual({ state: { total: 3 }, version: 2 });
    // Another instance of the service: its own store on the same database.
    const elsewhere = new EventStore(db);
    await elsewhere.appendToStream(stream, [increment(10)], { expectedVersion: 2 });
    expect(await cache.load(stream)).toEqual({ state: { total: 13 }, version: 3 });
    // The cached state is what it folds on: a state it had not seen would show up here.
    const first = await cache.load(stream);
    expect(await cache.load(stream)).toBe(first);
  });

  it('keeps nothing a rolled-back transaction saw', async () => {
    const stream = `counter-${randomUUID()}`;
    const cache = new AggregateCache(store, counter, 10);
    await store.appendToStream(stream, [increment(1)], { expectedVersion: 0 });
    await cache.load(stream);
    await db
      .transaction(async (tx) => {
        await store.appendToStream(stream, [increment(100)], { expectedVersion: 1, tx });
        expect((await cache.load(stream, { tx })).state.total).toBe(101);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await cache.load(stream)).toEqual({ state: { total: 1 }, version: 1 });
  });

  it('keeps the streams read last, up to its bound, and none that has no event', async () => {
    const cache = new AggregateCache(store, counter, 2);
    const streams = [1, 2, 3].map(() => `counter-${randomUUID()}`);
    for (const stream of streams) await store.appendToStream(stream, [increment(1)], { expectedVersion: 0 });
    for (const stream of streams) await cache.load(stream);
    expect(cache.size).toBe(2);
    expect(await cache.load(`counter-${randomUUID()}`)).toEqual({ state: { total: 0 }, version: 0 });
    expect(cache.size).toBe(2);
    const off = new AggregateCache(store, counter, 0);
    expect((await off.load(streams[0]!)).state.total).toBe(1);
    expect(off.size).toBe(0);
  });
});
