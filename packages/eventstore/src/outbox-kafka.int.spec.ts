import { randomUUID } from 'node:crypto';
import {
  createContractRegistry,
  defineTestEvent,
  type IntegrationEvent,
  type OutboxMessage,
} from '@parcours/contracts';
import { createMessaging, createOutboxSink, type Messaging } from '@parcours/messaging';
import { startLocalKafka, stopLocalKafka, uniqueTopic } from '@parcours/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from './event-store.ts';
import { processOnce } from './inbox.ts';
import { OutboxRelay } from './outbox-relay.ts';
import { documentProjection, ProjectionRunner } from './projections.ts';
import { freshDatabase } from './test-support.ts';

// This file stops and restarts a broker: it uses infra/kafka's spare broker, not the shared one.
const SPARE = ['127.0.0.1:29092'];

let env: Awaited<ReturnType<typeof freshDatabase>>;
let store: EventStore;
let messaging: Messaging;
const topic = uniqueTopic('outbox');
const contract = defineTestEvent(topic);
const registry = createContractRegistry([contract]);

beforeAll(async () => {
  await startLocalKafka('spare');
  env = await freshDatabase('outbox');
  store = new EventStore(env.db);
  messaging = createMessaging({ brokers: SPARE, clientId: 'outbox-test', registry, publishTimeoutMs: 5_000 });
  await messaging.ensureTopics([{ topic, partitions: 3, replicationFactor: 1 }]);
}, 180_000);

afterAll(async () => {
  await messaging?.disconnect();
  await env?.close();
  await stopLocalKafka('spare');
}, 120_000);

function outboxFor(caseId: string, step: number): OutboxMessage {
  const event: IntegrationEvent = contract.create({
    id: randomUUID(),
    subject: caseId,
    time: new Date(),
    data: { caseId, step },
  });
  return { id: event.id, topic, key: caseId, event, headers: {} };
}

async function appendSteps(caseId: string, from: number, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let step = from; step < from + count; step++) {
    const message = outboxFor(caseId, step);
    ids.push(message.id);
    await store.appendToStream(caseId, [{ type: 'StepRecorded', data: { step } }], {
      expectedVersion: step,
      outbox: [message],
    });
  }
  return ids;
}

/**
 * Collects the records of the topic as the consumer gets them. A record delivered again after a
 * rebalance (same partition and offset) counts once: what is checked is what the relay published.
 */
async function collect(groupId: string) {
  const records = new Map<string, { id: string; caseId: string; step: number; offset: bigint }>();
  const consumer = await messaging.startConsumer({
    groupId,
    topics: [topic],
    fromBeginning: true,
    handler: async (event, ctx) => {
      const data = event.data as { caseId: string; step: number };
      records.set(`${ctx.partition}:${ctx.offset}`, { id: event.id, ...data, offset: BigInt(ctx.offset) });
    },
  });
  return {
    /** Event ids of the distinct records, one per record. */
    get seen() {
      return [...records.values()].map((r) => r.id);
    },
    /** Steps of a case in the order its records stand in their partition. */
    steps(caseId: string) {
      return [...records.values()]
        .filter((r) => r.caseId === caseId)
        .sort((a, b) => (a.offset < b.offset ? -1 : 1))
        .map((r) => r.step);
    },
    stop: () => consumer.stop(),
  };
}

describe('outbox relay to Kafka', () => {
  it('holds the backlog while the broker is down and publishes every event once when it returns', async () => {
    const relay = new OutboxRelay(env.db, createOutboxSink(messaging), {
      pollIntervalMs: 200,
      maxBackoffMs: 1_000,
    });
    const summary = documentProjection<{ type: 'StepRecorded'; data: { step: number } }, { steps: number }>({
      name: 'steps',
      idOf: (e) => e.streamId,
      evolve: (doc) => ({ steps: (doc?.steps ?? 0) + 1 }),
    });
    const projections = new ProjectionRunner(env.db, store, [summary]);
    relay.start();
    const consumer = await collect(`outbox-${randomUUID()}`);
    try {
      const cases = [`case-${randomUUID()}`, `case-${randomUUID()}`, `case-${randomUUID()}`];
      const before = (await Promise.all(cases.map((c) => appendSteps(c, 0, 10)))).flat();
      await expect.poll(() => consumer.seen.length, { timeout: 30_000 }).toBe(before.length);

      await stopLocalKafka('spare');
      const during = (await Promise.all(cases.map((c) => appendSteps(c, 10, 20)))).flat();
      // The relay keeps trying and keeps every row; the rows record why they wait.
      await expect
        .poll(
          async () =>
            (
              await env.db.query<{ n: number }>('SELECT count(*)::int AS n FROM es_outbox WHERE attempts > 0')
            )[0]!.n,
          {
            timeout: 30_000,
          },
        )
        .toBeGreaterThan(0);
      expect(await relay.backlog()).toBe(during.length);
      // A waiting relay holds nothing that projections wait on.
      await projections.catchUpToLatest(10_000);
      expect(await summary.get(env.db, cases[0]!)).toEqual({ steps: 30 });

      await startLocalKafka('spare');
      await expect.poll(() => relay.backlog(), { timeout: 60_000, interval: 250 }).toBe(0);
      await expect.poll(() => consumer.seen.length, { timeout: 60_000 }).toBe(before.length + during.length);

      // Once each, and in order per case (the key).
      expect(new Set(consumer.seen).size).toBe(consumer.seen.length);
      expect([...consumer.seen].sort()).toEqual([...before, ...during].sort());
      for (const c of cases) expect(consumer.steps(c)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    } finally {
      await consumer.stop();
      await relay.stop();
    }
  }, 180_000);

  it('is not held back by a relay of another database holding the same lane', async () => {
    const other = await freshDatabase('outbox_other');
    const elsewhere = await other.db.pool.connect();
    const relay = new OutboxRelay(env.db, createOutboxSink(messaging));
    try {
      const caseId = `case-${randomUUID()}`;
      const ids = await appendSteps(caseId, 0, 2);
      const [row] = await env.db.query<{ lane: number }>(
        `SELECT DISTINCT lane FROM es_outbox WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      // Another service's relay, in its own database, holds this lane number there.
      await elsewhere.query('SELECT pg_advisory_lock(727002, $1)', [row!.lane]);
      expect(await relay.drainOnce()).toBeGreaterThanOrEqual(2);
      const left = await env.db.query('SELECT 1 FROM es_outbox WHERE id = ANY($1::uuid[])', [ids]);
      expect(left).toEqual([]);
    } finally {
      elsewhere.release(true);
      await other.close();
    }
  });

  it('shares the work between two relays and keeps each case in order', async () => {
    const relays = [1, 2].map(() => new OutboxRelay(env.db, createOutboxSink(messaging), { batchSize: 20 }));
    for (const relay of relays) relay.start();
    const consumer = await collect(`outbox-${randomUUID()}`);
    try {
      const cases = Array.from({ length: 12 }, () => `case-${randomUUID()}`);
      const ids = (await Promise.all(cases.map((c) => appendSteps(c, 0, 15)))).flat();
      await expect
        .poll(() => consumer.seen.filter((id) => ids.includes(id)).length, { timeout: 60_000 })
        .toBe(ids.length);
      const mine = consumer.seen.filter((id) => ids.includes(id));
      expect(new Set(mine).size).toBe(ids.length);
      for (const c of cases) expect(consumer.steps(c)).toEqual(Array.from({ length: 15 }, (_, i) => i));
      // A relay takes only the lanes its batch needs, so the other finds lanes to take.
      expect(relays.every((relay) => relay.published > 0)).toBe(true);
      expect(relays.reduce((n, r) => n + r.published, 0)).toBe(ids.length);
    } finally {
      await consumer.stop();
      for (const relay of relays) await relay.stop();
    }
  }, 120_000);
});

describe('inbox on Kafka', () => {
  it('gives a message delivered twice one effect', async () => {
    const caseId = `case-${randomUUID()}`;
    const event = contract.create({
      id: randomUUID(),
      subject: caseId,
      time: new Date(),
      data: { caseId, step: 1 },
    });
    // The same event published twice, as a relay does when it crashes between ack and delete.
    await messaging.publish(topic, [event]);
    await messaging.publish(topic, [event]);
    let deliveries = 0;
    const consumer = await messaging.startConsumer({
      groupId: `inbox-${randomUUID()}`,
      topics: [topic],
      fromBeginning: true,
      handler: async (received) => {
        if (received.id !== event.id) return;
        deliveries++;
        await processOnce(env.db, 'case-counter', received.id, async (tx) => {
          await store.appendToStream(`effects-${caseId}`, [{ type: 'Counted', data: { id: received.id } }], {
            expectedVersion: await store.streamVersion(`effects-${caseId}`, tx),
            tx,
          });
        });
      },
    });
    try {
      await expect.poll(() => deliveries, { timeout: 30_000 }).toBe(2);
      expect(await store.readStream(`effects-${caseId}`)).toHaveLength(1);
    } finally {
      await consumer.stop();
    }
  }, 60_000);
});
