import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it, vi } from 'vitest';
import { brokers, kafkaTestFile } from './test-support.ts';
import { messagesSince, topicLostData } from './topic-offsets.ts';

const { given } = kafkaTestFile();

describe('topic offsets on a real Kafka', () => {
  it('show the messages received, and that a topic deleted and created again lost them', async () => {
    const { messaging, topic, event } = await given('offsets', 2);
    const empty = await messaging.topicOffsets(topic);
    expect(empty).toEqual([
      { partition: 0, earliest: '0', latest: '0' },
      { partition: 1, earliest: '0', latest: '0' },
    ]);
    await messaging.publish(topic, [event('case-1', 1), event('case-2', 1), event('case-3', 1)]);
    const written = await messaging.topicOffsets(topic);
    expect(messagesSince(empty, written)).toBe(3);
    expect(topicLostData(empty, written)).toBe(false);

    // Deleted by someone else: this client's admin still knows the topic, and copes.
    const admin = new Kafka({ brokers: brokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await admin.deleteTopics({ topics: [topic] });
      await vi.waitFor(async () => expect(await admin.listTopics()).not.toContain(topic), {
        timeout: 30_000,
      });
    } finally {
      await admin.disconnect();
    }
    await vi.waitFor(() => messaging.ensureTopics([{ topic, partitions: 2, replicationFactor: 1 }]), {
      timeout: 30_000,
      interval: 500,
    });
    const recreated = await messaging.topicOffsets(topic);
    expect(recreated).toEqual(empty);
    expect(topicLostData(written, recreated)).toBe(true);
  });
});
