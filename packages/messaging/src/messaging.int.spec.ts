import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { IntegrationEvent } from '@parcours/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it, vi } from 'vitest';
import { toKafkaMessage } from './cloudevents.ts';
import type { MessageContext } from './consumer.ts';
import type { DeadLetter } from './dead-letters.ts';
import { InvalidIntegrationEventError, WrongTopicError } from './errors.ts';
import {
  brokers,
  fastRetry,
  kafkaTestFile,
  readRecords,
  traceparent,
  uniqueGroup,
  uniqueTopic,
} from './test-support.ts';

const run = promisify(execFile);
const { cleanup, given, consume } = kafkaTestFile();

describe('messaging on a real Kafka', () => {
  it('creates a topic and its dead-letter topic with the configured partitions, idempotently', async () => {
    const { messaging, topic } = await given('topics', 3);
    await messaging.ensureTopics([{ topic, partitions: 3, replicationFactor: 1 }]);
    const described = await messaging.describeTopics([topic, `${topic}.dlq`]);
    expect(described.sort((a, b) => a.topic.localeCompare(b.topic))).toEqual([
      { topic, partitions: 3 },
      { topic: `${topic}.dlq`, partitions: 3 },
    ]);
  });

  it('creates a compacted topic for state-carrying events, its dead-letter topic not', async () => {
    const { messaging } = await given('compacted');
    const topic = uniqueTopic('state');
    await messaging.ensureTopics([{ topic, partitions: 1, replicationFactor: 1, compacted: true }]);
    const admin = new Kafka({ brokers: brokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const { resources } = await admin.describeConfigs({
        resources: [topic, `${topic}.dlq`].map((name) => ({
          type: 2,
          name,
          configNames: ['cleanup.policy'],
        })),
        includeSynonyms: false,
      });
      const policy = Object.fromEntries(
        resources.map((r) => [r.resourceName, r.configEntries[0]?.configValue]),
      );
      expect(policy).toEqual({ [topic]: 'compact', [`${topic}.dlq`]: 'delete' });
    } finally {
      await admin.disconnect();
    }
  });

  it('refuses invalid data at publish, naming the field; also unknown types and wrong topics', async () => {
    const { messaging, topic, event } = await given('refuse');
    const bad = { ...event('case-1', 1), data: { caseId: 'case-1', step: -1 } };
    const error = await messaging.publish(topic, [event('case-1', 0), bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidIntegrationEventError);
    expect((error as InvalidIntegrationEventError).errors).toEqual([
      { path: '/step', message: expect.any(String) },
    ]);
    expect((error as Error).message).toContain('/step');

    await expect(
      messaging.publish(topic, [{ ...event('case-1', 1), type: 'fr.parcours.nope.v1' }]),
    ).rejects.toThrow(/No integration event contract for type "fr.parcours.nope.v1"/);
    await expect(messaging.publish('intake.events.v1', [event('case-1', 1)])).rejects.toThrow(
      WrongTopicError,
    );
    // Nothing of the refused batch was sent, the valid event before the bad one included.
    const admin = new Kafka({ brokers: brokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      expect((await admin.fetchTopicOffsets(topic)).map((p) => p.high)).toEqual(['0']);
    } finally {
      await admin.disconnect();
    }
  });

  it('delivers events as CloudEvents with key, headers and trace context, in order per case', async () => {
    const { messaging, topic, event } = await given('roundtrip', 3);
    const received: { event: IntegrationEvent; ctx: MessageContext }[] = [];
    await consume(messaging, [topic], async (e, ctx) => {
      received.push({ event: e, ctx });
    });
    const trace = traceparent();
    const sent = [
      event('case-a', 1),
      event('case-b', 1),
      event('case-a', 2),
      event('case-b', 2),
      event('case-a', 3),
    ];
    await messaging.publish(topic, sent, { traceparent: trace, tracestate: 'parcours=t' });

    await vi.waitFor(() => expect(received).toHaveLength(5), { timeout: 15_000, interval: 50 });
    const ofCase = (id: string) => received.filter((r) => r.event.subject === id).map((r) => r.event);
    expect(ofCase('case-a')).toEqual(sent.filter((e) => e.subject === 'case-a'));
    expect(ofCase('case-b')).toEqual(sent.filter((e) => e.subject === 'case-b'));
    for (const { event: e, ctx } of received) {
      expect(ctx.key).toBe(e.subject);
      expect(ctx.traceparent).toBe(trace);
      expect(ctx.tracestate).toBe('parcours=t');
      expect(ctx.attempt).toBe(1);
      expect(ctx.headers).toMatchObject({
        ce_specversion: '1.0',
        ce_id: e.id,
        ce_type: e.type,
        ce_source: '/parcours/test',
        ce_subject: e.subject,
        ce_time: e.time,
        'content-type': 'application/json',
      });
    }
  });

  it('retries a failing handler with backoff and applies the event once', async () => {
    const { messaging, topic, event } = await given('retry');
    const attempts: number[] = [];
    const applied: number[] = [];
    await consume(messaging, [topic], async (e, ctx) => {
      const { step } = e.data as { step: number };
      if (step === 1) {
        attempts.push(ctx.attempt);
        if (ctx.attempt < 3) throw new Error('database is busy');
      }
      applied.push(step);
    });
    await messaging.publish(topic, [event('case-r', 1), event('case-r', 2)]);
    await vi.waitFor(() => expect(applied).toEqual([1, 2]), { timeout: 15_000, interval: 50 });
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('waits out a database that does not answer instead of dead-lettering the message', async () => {
    const { messaging, topic, event } = await given('unavailable');
    let failures = 0;
    const applied: number[] = [];
    await consume(messaging, [topic], async (e) => {
      // PostgreSQL restarting (bench/chaos): refused connections, more tries than the policy's three.
      if (failures < 5) {
        failures++;
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      }
      applied.push((e.data as { step: number }).step);
    });
    await messaging.publish(topic, [event('case-u', 1)]);
    // Dead-lettered after three tries, it would never be applied.
    await vi.waitFor(() => expect(applied).toEqual([1]), { timeout: 20_000, interval: 50 });
    expect(failures).toBe(5);
  });

  it('sends a poison message to <topic>.dlq, moves on, and re-drives it once after the fix', async () => {
    const { messaging, topic, event } = await given('poison');
    let fixed = false;
    const applied: string[] = [];
    await consume(messaging, [topic], async (e) => {
      const { step } = e.data as { step: number };
      if (step === 13 && !fixed) throw new Error(`cannot orient ${'x'.repeat(5_000)}`);
      applied.push(`${e.subject}/${step}`);
    });

    const poison = event('case-p', 13);
    await messaging.publish(topic, [poison, event('case-p', 14), event('case-q', 1)]);
    // The consumer moved on past the poison message, in its partition too.
    await vi.waitFor(() => expect(applied.sort()).toEqual(['case-p/14', 'case-q/1']), { timeout: 15_000 });
    const [dead] = await readRecords(`${topic}.dlq`, 1);
    expect(dead!.value).toBe(JSON.stringify(poison.data));
    expect(dead!.key).toBe('case-p');
    expect(dead!.headers).toMatchObject({
      ce_id: poison.id,
      dlq_original_topic: topic,
      dlq_original_partition: '0',
      dlq_original_offset: '0',
      dlq_attempts: '3',
    });
    expect(dead!.headers['dlq_error']).toMatch(/^Error: cannot orient x+…$/);
    expect(dead!.headers['dlq_error']!.length).toBeLessThanOrEqual(1_000);
    expect(Date.parse(dead!.headers['dlq_failed_at']!)).not.toBeNaN();

    fixed = true;
    expect(await messaging.redriveDeadLetters({ topic })).toBe(1);
    await vi.waitFor(() => expect(applied).toContain('case-p/13'), { timeout: 15_000 });
    // Once: a second re-drive finds nothing new, and the event was applied a single time.
    expect(await messaging.redriveDeadLetters({ topic })).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(applied.filter((a) => a === 'case-p/13')).toHaveLength(1);
  });

  it('hands a fetched backlog to the batch handler in order; a failing batch goes one by one, poison to the DLQ', async () => {
    const { messaging, topic, event } = await given('batch');
    // Published before the consumer starts: the first fetch holds the whole backlog.
    const backlog = Array.from({ length: 30 }, (_, i) => event('case-b', i));
    await messaging.publish(topic, backlog);
    const batches: number[][] = [];
    const single: number[] = [];
    const consumer = await messaging.startConsumer({
      groupId: uniqueGroup('batch'),
      topics: [topic],
      fromBeginning: true,
      retry: fastRetry,
      sessionTimeoutMs: 6_000,
      maxBatchSize: 10,
      batchHandler: async (messages) => {
        const steps = messages.map(({ event: e }) => (e.data as { step: number }).step);
        if (steps.includes(42)) throw new Error('a poison message in this batch');
        batches.push(steps);
      },
      handler: async (e) => {
        const { step } = e.data as { step: number };
        if (step === 42) throw new Error('poison');
        single.push(step);
      },
    });
    cleanup.push(() => consumer.stop());
    await vi.waitFor(() => expect(batches.flat()).toHaveLength(30), { timeout: 15_000, interval: 50 });
    expect(batches.flat()).toEqual(backlog.map((_, i) => i));
    expect(Math.max(...batches.map((b) => b.length))).toBe(10);
    expect(batches.length).toBeLessThan(30);

    // A batch that fails: its messages go through the single handler, the poison one to the DLQ.
    await messaging.publish(topic, [event('case-b', 41), event('case-b', 42), event('case-b', 43)]);
    await vi.waitFor(() => expect(single).toEqual([41, 43]), { timeout: 15_000, interval: 50 });
    const [dead] = await readRecords(`${topic}.dlq`, 1);
    expect(JSON.parse(dead!.value!)).toMatchObject({ step: 42 });
    expect(dead!.headers['dlq_attempts']).toBe('3');
  });

  it('dead-letters unreadable, unknown and invalid messages without calling the handler', async () => {
    const { messaging, topic, event } = await given('unreadable');
    const handled: string[] = [];
    await consume(messaging, [topic], async (e) => {
      handled.push(e.id);
    });

    const encoded = (e: IntegrationEvent) => ({ topic, ...toKafkaMessage(e) });
    const noId = encoded(event('case-u', 1));
    delete noId.headers['ce_id'];
    const good = event('case-u', 4);
    await messaging.publishRaw([
      noId,
      encoded({ ...event('case-u', 2), type: 'fr.parcours.unknown.v1' }),
      encoded({ ...event('case-u', 3), data: { caseId: 'case-u', step: 'three' } }),
      encoded(good),
    ]);

    await vi.waitFor(() => expect(handled).toEqual([good.id]), { timeout: 15_000, interval: 50 });
    const deadLetters = (await readRecords(`${topic}.dlq`, 3)).map((r) => r.headers);
    expect(deadLetters.map((h) => [h['dlq_attempts'], h['dlq_original_offset'], h['dlq_error']])).toEqual([
      ['0', '0', 'InvalidCloudEventError: Missing CloudEvents header "ce_id"'],
      ['0', '1', expect.stringContaining('No integration event contract for type "fr.parcours.unknown.v1"')],
      ['0', '2', expect.stringMatching(/InvalidIntegrationEventError: .*\/step/)],
    ]);
  });

  it('re-drives with a filter and a limit, and from the command line', async () => {
    const { messaging, topic, event } = await given('redrive');
    const deadLetter = (e: IntegrationEvent, error: string) => ({
      topic: `${topic}.dlq`,
      ...toKafkaMessage(e),
      headers: { ...toKafkaMessage(e).headers, dlq_error: error, dlq_original_topic: topic },
    });
    const [a, b, c] = [event('case-1', 1), event('case-2', 1), event('case-3', 1)];
    await messaging.publishRaw([
      deadLetter(a, 'Error: timeout'),
      deadLetter(b, 'Error: bug'),
      deadLetter(c, 'Error: bug'),
    ]);

    const onlyBugs = {
      topic,
      groupId: uniqueGroup('redrive'),
      filter: (d: DeadLetter) => d.error.includes('bug'),
    };
    expect(await messaging.redriveDeadLetters({ ...onlyBugs, limit: 1 })).toBe(1);
    expect(await messaging.redriveDeadLetters(onlyBugs)).toBe(1);
    expect(await messaging.redriveDeadLetters(onlyBugs)).toBe(0);

    const cli = await run(
      process.execPath,
      [fileURLToPath(new URL('./redrive-cli.ts', import.meta.url)), topic],
      {
        env: { ...process.env, KAFKA_BROKERS: brokers().join(',') },
      },
    );
    expect(cli.stdout).toBe(`3 message(s) re-driven from ${topic}.dlq to ${topic}\n`);

    const received: { id: string; headers: Record<string, string> }[] = [];
    await consume(messaging, [topic], async (e, ctx) => {
      received.push({ id: e.id, headers: ctx.headers });
    });
    // b and c by the filtered group, then all three by the command line's own group.
    await vi.waitFor(() => expect(received).toHaveLength(5), { timeout: 15_000, interval: 50 });
    expect(received.map((r) => r.id)).toEqual([b.id, c.id, a.id, b.id, c.id]);
    for (const { headers } of received)
      expect(Object.keys(headers).filter((h) => h.startsWith('dlq_'))).toEqual([]);
  });
});
