import { randomUUID } from 'node:crypto';
import type { OutboxMessage } from '@parcours/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCommand, handleCommands, handleNewStreams } from './command-handler.ts';
import type { Database, Sql } from './database.ts';
import { ConcurrencyError } from './errors.ts';
import { EventStore } from './event-store.ts';
import type { Aggregate, Decider, Event } from './events.ts';
import { processBatchOnce } from './inbox.ts';
import { type CounterEvent, counter, freshDatabase, type Increment } from './test-support.ts';

let env: Awaited<ReturnType<typeof freshDatabase>>;
let db: Database;
let store: EventStore;

beforeAll(async () => {
  env = await freshDatabase('eventstore');
  db = env.db;
  store = new EventStore(db);
});
afterAll(async () => env.close());

describe('appendToStream and readStream', () => {
  it('appends with versions and reads the stream back in order', async () => {
    const stream = `case-${randomUUID()}`;
    const first = await store.appendToStream(stream, [{ type: 'Opened', data: { n: 1 } }], {
      expectedVersion: 0,
    });
    expect(first.nextVersion).toBe(1);
    const second = await store.appendToStream(
      stream,
      [
        { type: 'Noted', data: { n: 2 } },
        { type: 'Noted', data: { n: 3 } },
      ],
      { expectedVersion: 1, metadata: { correlationId: 'c-1' } },
    );
    expect(second.nextVersion).toBe(3);
    const events = await store.readStream(stream);
    expect(events.map((e) => [e.streamVersion, e.type, e.data])).toEqual([
      [1, 'Opened', { n: 1 }],
      [2, 'Noted', { n: 2 }],
      [3, 'Noted', { n: 3 }],
    ]);
    expect(events[2]!.metadata.correlationId).toBe('c-1');
  });

  it('refuses an append on a stale expected version with a typed error, and writes nothing', async () => {
    const stream = `case-${randomUUID()}`;
    await store.appendToStream(stream, [{ type: 'Opened', data: {} }], { expectedVersion: 0 });
    const stale = store.appendToStream(stream, [{ type: 'Noted', data: {} }], { expectedVersion: 0 });
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
    const ahead = store.appendToStream(stream, [{ type: 'Noted', data: {} }], { expectedVersion: 5 });
    await expect(ahead).rejects.toMatchObject({ actualVersion: 1 });
    expect(await store.streamVersion(stream)).toBe(1);
  });

  it('lets exactly one of two concurrent appends at the same version win', async () => {
    const stream = `case-${randomUUID()}`;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        store.appendToStream(stream, [{ type: 'Noted', data: { writer: i } }], { expectedVersion: 0 }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    }
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('retries a command that lost the race on fresh state instead of failing it', async () => {
    const stream = `counter-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => handleCommand(store, stream, counter, { type: 'Increment', by: 1 })),
    );
    expect(results.map((r) => r.nextVersion).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const events = await store.readStream<CounterEvent>(stream);
    // Each event was decided on the state that really preceded it.
    expect(events.map((e) => e.data.seenTotal)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('group commit', () => {
  const outboxRow = (key: string, i: number): OutboxMessage => ({
    id: randomUUID(),
    topic: 'test.events.v1',
    key,
    event: {
      id: randomUUID(),
      source: '/parcours/test',
      type: 'fr.parcours.test.v1',
      subject: key,
      time: new Date().toISOString(),
      data: { i },
    },
    headers: {},
  });
  const transactionOf = async (stream: string) =>
    (
      await db.query<{ tx: string }>(
        'SELECT DISTINCT transaction_id::text AS tx FROM es_events WHERE stream_id = $1',
        [stream],
      )
    ).map((row) => row.tx);

  it('commits appends of the same moment to different streams together, each with its own result', async () => {
    const streams = Array.from({ length: 20 }, () => `case-${randomUUID()}`);
    const results = await Promise.all(
      streams.map((stream, i) =>
        store.appendToStream(
          stream,
          [
            { type: 'Opened', data: { i } },
            { type: 'Noted', data: { i } },
          ],
          { expectedVersion: 0, outbox: [outboxRow(stream, i)] },
        ),
      ),
    );
    for (const [i, result] of results.entries()) {
      expect(result.nextVersion).toBe(2);
      expect(result.positions).toHaveLength(2);
      const events = await store.readStream(streams[i]!);
      expect(events.map((e) => [e.streamVersion, e.type, e.data])).toEqual([
        [1, 'Opened', { i }],
        [2, 'Noted', { i }],
      ]);
      expect(events.map((e) => e.position)).toEqual(result.positions);
    }
    // One statement, one transaction for the twenty commands, their outbox rows included.
    const transactions = new Set((await Promise.all(streams.map(transactionOf))).flat());
    expect(transactions.size).toBe(1);
    const outboxed = await db.query<{ key: string; n: number }>(
      `SELECT key, (event->'data'->>'i')::int AS n FROM es_outbox WHERE key = ANY($1::text[])`,
      [streams],
    );
    expect(outboxed.sort((a, b) => a.n - b.n)).toEqual(streams.map((key, n) => ({ key, n })));
  });

  it('keeps every JSON document whole, alone or in a batch: quotes, backslashes, unicode, nesting, nulls', async () => {
    const tricky = {
      text: 'a "quoted" word, a back\\slash, {braces}, [brackets], commas, émoji 🎉, line\nbreak, \u2028',
      nested: { list: [1, 'two', null, { three: [true, false] }], empty: {}, none: null },
      number: 1.5e-7,
    };
    const alone = `case-${randomUUID()}`;
    await store.appendToStream(alone, [{ type: 'Noted', data: tricky, metadata: { note: tricky.text } }], {
      expectedVersion: 0,
      outbox: [{ ...outboxRow(alone, 0), headers: { note: tricky.text } }],
    });
    const batched = Array.from({ length: 5 }, () => `case-${randomUUID()}`);
    await Promise.all(
      batched.map((stream, i) =>
        store.appendToStream(stream, [{ type: 'Noted', data: { ...tricky, i } }], {
          expectedVersion: 0,
          outbox: [outboxRow(stream, i)],
        }),
      ),
    );
    const [one] = await store.readStream(alone);
    expect(one!.data).toEqual(tricky);
    expect(one!.metadata).toMatchObject({ note: tricky.text });
    for (const [i, stream] of batched.entries()) {
      expect((await store.readStream(stream))[0]!.data).toEqual({ ...tricky, i });
    }
    const [row] = await db.query<{ headers: Record<string, string> }>(
      'SELECT headers FROM es_outbox WHERE key = $1',
      [alone],
    );
    expect(row!.headers).toEqual({ note: tricky.text });
  });

  it('fails only the command whose stream moved; the others of its batch are appended', async () => {
    const moved = `case-${randomUUID()}`;
    await store.appendToStream(moved, [{ type: 'Opened', data: {} }], { expectedVersion: 0 });
    const others = [`case-${randomUUID()}`, `case-${randomUUID()}`];
    const outcomes = await Promise.allSettled([
      store.appendToStream(others[0]!, [{ type: 'Opened', data: {} }], { expectedVersion: 0 }),
      store.appendToStream(moved, [{ type: 'Noted', data: {} }], { expectedVersion: 0 }),
      store.appendToStream(others[1]!, [{ type: 'Opened', data: {} }], { expectedVersion: 0 }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect((await store.readStream(moved)).map((e) => e.type)).toEqual(['Opened']);
    for (const stream of others) expect(await store.streamVersion(stream)).toBe(1);
  });

  it('keeps two commands on one stream in order: the second waits for the next batch', async () => {
    const stream = `case-${randomUUID()}`;
    const [first, second] = await Promise.allSettled([
      store.appendToStream(stream, [{ type: 'Opened', data: {} }], { expectedVersion: 0 }),
      store.appendToStream(stream, [{ type: 'Noted', data: {} }], { expectedVersion: 1 }),
    ]);
    expect([first.status, second.status]).toEqual(['fulfilled', 'fulfilled']);
    expect((await store.readStream(stream)).map((e) => [e.streamVersion, e.type])).toEqual([
      [1, 'Opened'],
      [2, 'Noted'],
    ]);
  });
});

describe('transactions of few round trips', () => {
  it('runs a first statement with BEGIN and a last one with COMMIT; a failing last one rolls all back', async () => {
    await db.query('CREATE TABLE IF NOT EXISTS tx_probe (id text PRIMARY KEY, n int NOT NULL)');
    const id = randomUUID();
    const seen = await db.transactionFrom<{ now: string }, string>(
      'SELECT 41 + 1 AS now',
      async (tx, rows) => {
        await tx.query('INSERT INTO tx_probe (id, n) VALUES ($1, 1)', [id]);
        tx.commitWith(`UPDATE tx_probe SET n = 2 WHERE id = '${id}'`);
        return String(rows[0]?.now);
      },
    );
    expect(seen).toBe('42');
    expect(await db.query('SELECT n FROM tx_probe WHERE id = $1', [id])).toEqual([{ n: 2 }]);

    const other = randomUUID();
    const failing = db.transactionFrom('SELECT 1', async (tx) => {
      await tx.query('INSERT INTO tx_probe (id, n) VALUES ($1, 1)', [other]);
      tx.commitWith(`UPDATE tx_probe SET n = NULL WHERE id = '${other}'`);
    });
    await expect(failing).rejects.toThrow(/null value/);
    expect(await db.query('SELECT n FROM tx_probe WHERE id = $1', [other])).toEqual([]);
  });
});

describe('batches of a consumer', () => {
  it('decides a batch on streams read together, a stream twice in its order with its own metadata', async () => {
    const [a, b] = [`case-${randomUUID()}`, `case-${randomUUID()}`];
    await store.appendToStream(a, [{ type: 'Incremented', data: { by: 10, seenTotal: 0 } }], {
      expectedVersion: 0,
    });
    const command = (streamId: string, by: number, correlationId: string) => ({
      streamId,
      command: { type: 'Increment', by } as Increment,
      metadata: { correlationId },
    });
    const results = await db.transaction((tx) =>
      handleCommands(
        store,
        counter,
        [command(a, 1, 'first'), command(b, 2, 'second'), command(a, 3, 'third')],
        {
          tx,
        },
      ),
    );
    expect(results.map((r) => [r.nextVersion, r.state.total])).toEqual([
      [2, 11],
      [1, 2],
      [3, 14],
    ]);
    const events = await store.readStream<CounterEvent>(a);
    expect(events.map((e) => [e.streamVersion, e.data.seenTotal, e.metadata.correlationId])).toEqual([
      [1, 0, undefined],
      [2, 10, 'first'],
      [3, 11, 'third'],
    ]);
    expect(results[2]!.checkpoint!.position).toBeGreaterThan(results[0]!.checkpoint!.position);

    // A stream that moves between the batch's read and its append: the whole batch is refused.
    class Racing extends EventStore {
      override async aggregateStreams<E extends Event, State>(
        streamIds: readonly string[],
        decider: Pick<Decider<never, E, State>, 'initialState' | 'evolve'>,
        options: { tx?: Sql } = {},
      ): Promise<Map<string, Aggregate<State>>> {
        const read = await super.aggregateStreams(streamIds, decider, options);
        await store.appendToStream(a, [{ type: 'Incremented', data: { by: 1, seenTotal: 14 } }], {
          expectedVersion: 3,
        });
        return read;
      }
    }
    const moved = db.transaction((tx) =>
      handleCommands(new Racing(db), counter, [command(b, 1, 'x'), command(a, 1, 'y')], { tx }),
    );
    await expect(moved).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.streamVersion(b)).toBe(1);
  });

  it('appends new streams together or not at all, and records each inbox id once', async () => {
    const streams = [`case-${randomUUID()}`, `case-${randomUUID()}`];
    const results = await db.transaction((tx) =>
      handleNewStreams(
        store,
        counter,
        streams.map((streamId, i) => ({ streamId, command: { type: 'Increment', by: i + 1 } as Increment })),
        { tx },
      ),
    );
    expect(results.map((r) => [r.nextVersion, r.state.total])).toEqual([
      [1, 1],
      [1, 2],
    ]);
    // One of them exists now: the whole batch is refused and nothing of it is written.
    const fresh = `case-${randomUUID()}`;
    const again = db.transaction((tx) =>
      handleNewStreams(
        store,
        counter,
        [fresh, streams[0]!].map((streamId) => ({
          streamId,
          command: { type: 'Increment', by: 5 } as Increment,
        })),
        { tx },
      ),
    );
    await expect(again).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.streamVersion(fresh)).toBe(0);
    expect(await store.streamVersion(streams[0]!)).toBe(1);

    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const effects: string[][] = [];
    const run = (batch: string[]) =>
      processBatchOnce(
        db,
        'batch-test',
        batch.map((id) => ({ id })),
        async (_tx, events) => {
          effects.push(events.map((e) => e.id));
        },
      );
    // The same id twice in a batch, then a batch with a processed id: each has one effect.
    expect(await run([ids[0]!, ids[1]!, ids[0]!])).toEqual([ids[0], ids[1]]);
    expect(await run([ids[1]!, ids[2]!])).toEqual([ids[2]]);
    expect(await run([ids[2]!])).toEqual([]);
    expect(effects).toEqual([[ids[0], ids[1]], [ids[2]]]);
  });
});

describe('handleCommand on a stream expected to be new', () => {
  it('skips the read, and decides again on what the stream holds when it exists after all', async () => {
    const fresh = `counter-${randomUUID()}`;
    const first = await handleCommand(
      store,
      fresh,
      counter,
      { type: 'Increment', by: 2 },
      { expectNew: true },
    );
    expect(first.nextVersion).toBe(1);
    // The same id again: the first attempt finds version 1, the retry reads it and decides on it.
    const again = await handleCommand(
      store,
      fresh,
      counter,
      { type: 'Increment', by: 3 },
      { expectNew: true },
    );
    expect(again.nextVersion).toBe(2);
    const events = await store.readStream<CounterEvent>(fresh);
    expect(events.map((e) => e.data)).toEqual([
      { by: 2, seenTotal: 0 },
      { by: 3, seenTotal: 2 },
    ]);
    expect(again.checkpoint?.position).toBe(events[1]!.position);
  });
});
