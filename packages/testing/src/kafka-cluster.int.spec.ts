import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueTopic } from './database.ts';
import { localKafkaNode, startLocalKafka, stopLocalKafka } from './stack.ts';

// The three-broker KRaft cluster on loopback that fault tests run against: replication factor 3,
// min.insync.replicas 2. Losing one broker keeps writes going; losing two stops them.
const brokers = ['127.0.0.1:19092', '127.0.0.1:19093', '127.0.0.1:19094'];

describe('three-broker cluster (infra/kafka cluster mode)', () => {
  beforeAll(async () => startLocalKafka('cluster'), 180_000);
  afterAll(async () => stopLocalKafka('cluster'), 120_000);

  it('replicates to three brokers and keeps accepting writes with one broker down', async () => {
    const kafka = new Kafka({
      clientId: 'cluster-test',
      brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 8, initialRetryTime: 300 },
    });
    const admin = kafka.admin();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await admin.connect();
    await producer.connect();
    const topic = uniqueTopic('cluster');
    try {
      await admin.createTopics({
        topics: [{ topic, numPartitions: 1, replicationFactor: 3 }],
        waitForLeaders: false,
      });
      // Every broker learns of the new topic from the controller a moment later.
      await expect
        .poll(
          async () => {
            const metadata = await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
            return metadata?.topics[0]?.partitions[0]?.replicas.length;
          },
          { timeout: 20_000 },
        )
        .toBe(3);
      await expect
        .poll(
          async () => {
            const configs = await admin
              .describeConfigs({
                resources: [{ type: 2, name: topic, configNames: ['min.insync.replicas'] }],
                includeSynonyms: false,
              })
              .catch(() => undefined);
            return configs?.resources[0]?.configEntries[0]?.configValue;
          },
          { timeout: 20_000 },
        )
        .toBe('2');

      await producer.send({ topic, acks: -1, messages: [{ key: 'case-1', value: 'before' }] });
      await localKafkaNode('stop-node', 'cluster', 3);
      await producer.send({ topic, acks: -1, messages: [{ key: 'case-1', value: 'one broker down' }] });

      const consumer = kafka.consumer({ groupId: `cluster-${topic}` });
      await consumer.connect();
      const seen: string[] = [];
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void seen.push(String(message.value)) });
      await expect.poll(() => seen, { timeout: 30_000 }).toEqual(['before', 'one broker down']);
      await consumer.disconnect();
    } finally {
      await producer.disconnect();
      await admin.disconnect();
      await localKafkaNode('start-node', 'cluster', 3);
    }
  }, 120_000);
});
