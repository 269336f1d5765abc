import { randomUUID } from 'node:crypto';
import { createContractRegistry, defineTestEvent, type IntegrationEvent } from '@parcours/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { afterEach } from 'vitest';
import { uniqueTopic } from '../../testing/src/database.ts';
import { headersToStrings } from './cloudevents.ts';
import type { MessageHandler, RunningConsumer } from './consumer.ts';
import { createMessaging, type Messaging } from './messaging.ts';

export { uniqueTopic };

export const brokers = () => {
  const brokers = process.env['KAFKA_BROKERS']?.split(',').filter(Boolean);
  if (!brokers?.length) throw new Error('KAFKA_BROKERS is not set: run the tests through the int project');
  return brokers;
};

export const uniqueGroup = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

/** A topic of its own (and its .dlq), a test contract on it, and a messaging client knowing it. */
export async function givenTopic(context: string, partitions = 1) {
  const topic = uniqueTopic(context);
  const contract = defineTestEvent(topic);
  const messaging: Messaging = createMessaging({
    brokers: brokers(),
    clientId: `test-${context}`,
    registry: createContractRegistry([contract]),
  });
  await messaging.ensureTopics([{ topic, partitions, replicationFactor: 1 }]);
  const event = (caseId: string, step: number, note?: string): IntegrationEvent =>
    contract.create({
      id: randomUUID(),
      subject: caseId,
      time: new Date(),
      data: note === undefined ? { caseId, step } : { caseId, step, note },
    });
  return { topic, contract, messaging, event };
}

/** Retries short enough for a test to see a message reach the dead letters. */
export const fastRetry = { attempts: 3, initialMs: 50, maxMs: 200 };

/**
 * For a test file: `given` a topic of its own, `consume` it from the beginning; what they open is
 * closed after each test (and whatever the test pushes on `cleanup`).
 */
export function kafkaTestFile() {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  return {
    cleanup,
    async given(context: string, partitions = 1) {
      const setup = await givenTopic(context, partitions);
      cleanup.push(() => setup.messaging.disconnect());
      return setup;
    },
    async consume(messaging: Messaging, topics: string[], handler: MessageHandler): Promise<RunningConsumer> {
      const consumer = await messaging.startConsumer({
        groupId: uniqueGroup('int'),
        topics,
        handler,
        retry: fastRetry,
        fromBeginning: true,
        sessionTimeoutMs: 6_000,
      });
      cleanup.push(() => consumer.stop());
      return consumer;
    },
  };
}

export const traceparent = () =>
  `00-${randomUUID().replaceAll('-', '')}-${randomUUID().replaceAll('-', '').slice(0, 16)}-01`;

/** Reads `count` records of a topic as they are, with a plain kafkajs consumer (for dead-letter topics). */
export async function readRecords(topic: string, count: number, timeoutMs = 15_000) {
  const kafka = new Kafka({ brokers: brokers(), clientId: 'test-reader', logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId: uniqueGroup('reader'),
    sessionTimeout: 6_000,
    maxWaitTimeInMs: 200,
  });
  const records: {
    key: string | null;
    value: string | null;
    offset: string;
    headers: Record<string, string>;
  }[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let done: () => void = () => {};
    const enough = new Promise<void>((resolve) => {
      done = resolve;
    });
    await consumer.run({
      eachMessage: async ({ message }) => {
        records.push({
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          offset: message.offset,
          headers: headersToStrings(message.headers),
        });
        if (records.length >= count) done();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      enough,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${records.length} of ${count} records in ${topic}`)),
          timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    return records;
  } finally {
    await consumer.disconnect();
  }
}
