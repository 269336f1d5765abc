import type { Admin } from 'kafkajs';

// The errors a broker answers for a while after a topic is created or deleted, and the waits on them.
const leaderWaitMs = 30_000;
const metadataLagErrors = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);
const leaderLagErrors = new Set(['LEADER_NOT_AVAILABLE', 'NOT_LEADER_FOR_PARTITION']);
export const unknownTopicErrors = new Set(['UNKNOWN_TOPIC_OR_PARTITION']);

/** Whether a Kafka error is one of `types` (kafkajs wraps the broker's in a retry error). */
export function isKafkaError(error: unknown, types: Set<string>): boolean {
  const { type, originalError } = error as { type?: string; originalError?: { type?: string } };
  return types.has(type ?? originalError?.type ?? '');
}

/** `request`, tried again while a partition has no leader answering yet; gives up after 30 s. */
export async function untilLeadersAnswer<T>(request: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + leaderWaitMs;
  for (;;) {
    try {
      return await request();
    } catch (error) {
      if (!isKafkaError(error, leaderLagErrors) || Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves once every partition of every topic has a leader; rejects after 30 s. */
export async function waitForLeaders(
  client: Admin,
  topics: readonly { topic: string; numPartitions: number }[],
): Promise<void> {
  const deadline = Date.now() + leaderWaitMs;
  for (;;) {
    let missing: string[];
    try {
      const metadata = await client.fetchTopicMetadata({ topics: topics.map(({ topic }) => topic) });
      const ready = new Set(
        metadata.topics
          .filter(({ partitions }) => partitions.length > 0 && partitions.every(({ leader }) => leader >= 0))
          .map(({ name }) => name),
      );
      missing = topics.map(({ topic }) => topic).filter((topic) => !ready.has(topic));
    } catch (error) {
      if (!isKafkaError(error, metadataLagErrors)) throw error;
      missing = topics.map(({ topic }) => topic);
    }
    if (missing.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`Topics without a leader after ${leaderWaitMs / 1000} s: ${missing.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
