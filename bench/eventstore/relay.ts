import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Database, EventStore, eventStoreMigrations, OutboxRelay } from '@parcours/eventstore';
import { createMessaging, createOutboxSink } from '@parcours/messaging';
import { outboxFor } from './contenders/parcours.ts';
import { commandEvents } from './workload.ts';

export interface RelayResult {
  writers: number;
  poolSize: number;
  batchSize: number;
  /** Commands appended (each with one outbox row) while the relay ran. */
  appended: number;
  appendSeconds: number;
  appendPerSecond: number;
  /** Messages the relay published while the writers ran. */
  publishedDuringAppend: number;
  publishPerSecondDuringAppend: number;
  /** Backlog samples (every 500 ms) from the first append to the drained outbox. */
  samples: { t: number; backlog: number }[];
  maxBacklog: number;
  backlogAtAppendEnd: number;
  drained: boolean;
  /** Seconds from the last append to an empty outbox. */
  drainSeconds: number;
  /** Publish rate over the whole run (first append to drained). */
  publishPerSecondOverall: number;
  /** Publish rate of the relay alone on a pre-filled outbox (no writers). */
  prefilled: number;
  prefilledPublishPerSecond: number;
}

export interface RelayOptions {
  url: string;
  brokers: string[];
  topic: string;
  writers: number;
  commands: number;
  maxSeconds: number;
  drainTimeoutSeconds: number;
  batchSize: number;
}

/**
 * Writers append 1-event commands with their outbox row at full speed while the relay publishes
 * to Kafka; the backlog is sampled every 500 ms. Then the relay alone drains a pre-filled outbox.
 */
export async function relayBench(options: RelayOptions): Promise<RelayResult> {
  // One pool for the service instance: the writers plus the relay's transaction and backlog probe.
  const poolSize = options.writers + 2;
  const db = await Database.connect({
    url: options.url,
    poolSize,
    migrations: [...eventStoreMigrations],
    applicationName: 'bench-relay',
  });
  const messaging = createMessaging({ brokers: options.brokers, clientId: 'parcours-bench' });
  const relay = new OutboxRelay(db, createOutboxSink(messaging), { batchSize: options.batchSize });
  const store = new EventStore(db);
  const append = async () => {
    const caseId = `case-${randomUUID()}`;
    await store.appendToStream(caseId, commandEvents(caseId, 1), {
      expectedVersion: 0,
      outbox: outboxFor(caseId, options.topic),
    });
  };
  try {
    // Warm the producer and the relay's path (connections, metadata) before measuring. The drain
    // also publishes the rows the throughput cells left (hundreds of thousands): vacuum the outbox
    // after it, as autovacuum does within its minute (migration 0002), or the relay phase measures
    // their dead index entries rather than the relay (FINDINGS.md).
    await append();
    await relay.drainOnce();
    await db.query('VACUUM (ANALYZE) es_outbox');

    const samples: { t: number; backlog: number }[] = [];
    const start = performance.now();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        samples.push({ t: (performance.now() - start) / 1000, backlog: await relay.backlog() });
        await sleep(500);
      }
    })();

    relay.start();
    const publishedBefore = relay.published;
    let appended = 0;
    const deadline = start + options.maxSeconds * 1000;
    await Promise.all(
      Array.from({ length: options.writers }, async () => {
        while (appended < options.commands && performance.now() < deadline) {
          appended++;
          await append();
        }
      }),
    );
    const appendEnd = performance.now();
    const publishedDuringAppend = relay.published - publishedBefore;
    const backlogAtAppendEnd = await relay.backlog();

    let backlog = backlogAtAppendEnd;
    const drainDeadline = appendEnd + options.drainTimeoutSeconds * 1000;
    while (backlog > 0 && performance.now() < drainDeadline) {
      await sleep(100);
      backlog = await relay.backlog();
    }
    const drainedAt = performance.now();
    sampling = false;
    await sampler;
    samples.push({ t: (drainedAt - start) / 1000, backlog });
    await relay.stop();
    const publishedTotal = relay.published - publishedBefore;

    // The relay alone: fill the outbox with the relay stopped, then time a full drain.
    const prefill = Math.min(options.commands, 20_000);
    let filled = 0;
    await Promise.all(
      Array.from({ length: options.writers }, async () => {
        while (filled < prefill) {
          filled++;
          await append();
        }
      }),
    );
    const drainStart = performance.now();
    const drainedAlone = await relay.drainOnce();
    const drainAloneSeconds = (performance.now() - drainStart) / 1000;

    const appendSeconds = (appendEnd - start) / 1000;
    return {
      writers: options.writers,
      poolSize,
      batchSize: options.batchSize,
      appended,
      appendSeconds,
      appendPerSecond: appended / appendSeconds,
      publishedDuringAppend,
      publishPerSecondDuringAppend: publishedDuringAppend / appendSeconds,
      samples,
      maxBacklog: Math.max(...samples.map((s) => s.backlog)),
      backlogAtAppendEnd,
      drained: backlog === 0,
      drainSeconds: (drainedAt - appendEnd) / 1000,
      publishPerSecondOverall: publishedTotal / ((drainedAt - start) / 1000),
      prefilled: drainedAlone,
      prefilledPublishPerSecond: drainedAlone / drainAloneSeconds,
    };
  } finally {
    await relay.stop();
    await messaging.disconnect();
    await db.close();
  }
}
