import type { KafkaMessage } from 'kafkajs';
import { headersToStrings } from './cloudevents.ts';
import type { MessagingInternals } from './internals.ts';

/** Headers a dead letter carries besides the original ones. */
export const DeadLetterHeaders = {
  error: 'dlq_error',
  originalTopic: 'dlq_original_topic',
  originalPartition: 'dlq_original_partition',
  originalOffset: 'dlq_original_offset',
  failedAt: 'dlq_failed_at',
  /** Handler tries made; 0 when the message could not be read or did not match its contract. */
  attempts: 'dlq_attempts',
} as const;

export const deadLetterTopic = (topic: string) => `${topic}.dlq`;

const MAX_ERROR_LENGTH = 1_000;

/** Error name and message, never the stack (it would reach whoever reads the topic). */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/** Original key, value and headers (bytes as they came) plus the dlq_* headers. */
export async function deadLetter(
  internals: MessagingInternals,
  failure: { topic: string; partition: number; message: KafkaMessage; error: unknown; attempts: number },
): Promise<void> {
  const { topic, partition, message } = failure;
  const headers: Record<string, string | Buffer> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined) headers[name] = last;
  }
  Object.assign(headers, {
    [DeadLetterHeaders.error]: describeError(failure.error),
    [DeadLetterHeaders.originalTopic]: topic,
    [DeadLetterHeaders.originalPartition]: String(partition),
    [DeadLetterHeaders.originalOffset]: message.offset,
    [DeadLetterHeaders.failedAt]: new Date().toISOString(),
    [DeadLetterHeaders.attempts]: String(failure.attempts),
  });
  await internals.publishRaw([
    { topic: deadLetterTopic(topic), key: message.key, value: message.value, headers },
  ]);
}

export interface DeadLetter {
  key: string | null;
  value: string | null;
  /** All headers, dlq_* included, as strings. */
  headers: Record<string, string>;
  error: string;
  originalPartition: number;
  originalOffset: string;
  failedAt: string;
}

export interface RedriveOptions {
  /** The original topic; its dead letters are read from `<topic>.dlq`. */
  topic: string;
  /** Whose committed offsets say what was already re-driven (default `<topic>.dlq.redrive`). */
  groupId?: string;
  /**
   * Which dead letters to re-drive. The others are passed over for good by this group (offsets are
   * linear); re-drive them later with another groupId.
   */
  filter?: (deadLetter: DeadLetter) => boolean;
  /** At most this many; the rest stay for the next run. */
  limit?: number;
  /** Give up if the dead letters present at the start were not all read by then (default 60 s). */
  timeoutMs?: number;
}

const isDeadLetterHeader = (name: string) => name.startsWith('dlq_');

/**
 * Republishes the dead letters present when it starts to the original topic, without their dlq_*
 * headers, committing this group's offset after each so a message is re-driven once.
 */
export async function redriveDeadLetters(
  internals: MessagingInternals,
  options: RedriveOptions,
): Promise<number> {
  const dlq = deadLetterTopic(options.topic);
  const groupId = options.groupId ?? `${dlq}.redrive`;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (limit <= 0) return 0;

  // What is there now: the last offset to read per partition. Later dead letters wait for the next run.
  const admin = await internals.admin();
  const [watermarks, [committed]] = await Promise.all([
    admin.fetchTopicOffsets(dlq),
    admin.fetchOffsets({ groupId, topics: [dlq] }),
  ]);
  const pending = new Map<number, bigint>();
  for (const { partition, high, low } of watermarks) {
    const done = committed?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
    const next = BigInt(done) >= 0n ? BigInt(done) : BigInt(low);
    if (next < BigInt(high)) pending.set(partition, BigInt(high) - 1n);
  }
  if (pending.size === 0) return 0;

  const consumer = internals.kafka.consumer({
    groupId,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    maxWaitTimeInMs: 500,
    allowAutoTopicCreation: false,
  });
  let redriven = 0;
  let finished = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = () => {
      finished = true;
      resolve();
    };
  });
  let crashed: (error: Error) => void = () => {};
  const crash = new Promise<never>((_, reject) => {
    crashed = reject;
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) crashed(payload.error);
  });
  const timeoutMs = options.timeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Re-drive of ${dlq} did not finish within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });

  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [dlq], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const last = pending.get(partition);
        // Past the snapshot, or after the limit: left uncommitted for the next run.
        if (finished || last === undefined || BigInt(message.offset) > last) return;
        const headers = headersToStrings(message.headers);
        const deadLetter: DeadLetter = {
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers,
          error: headers[DeadLetterHeaders.error] ?? '',
          originalPartition: Number(headers[DeadLetterHeaders.originalPartition]),
          originalOffset: headers[DeadLetterHeaders.originalOffset] ?? '',
          failedAt: headers[DeadLetterHeaders.failedAt] ?? '',
        };
        if (!options.filter || options.filter(deadLetter)) {
          const original: Record<string, string | Buffer> = {};
          for (const [name, value] of Object.entries(message.headers ?? {})) {
            const single = Array.isArray(value) ? value.at(-1) : value;
            if (!isDeadLetterHeader(name) && single !== undefined) original[name] = single;
          }
          await internals.publishRaw([
            { topic: options.topic, key: message.key, value: message.value, headers: original },
          ]);
          redriven++;
        }
        await consumer.commitOffsets([
          { topic: dlq, partition, offset: (BigInt(message.offset) + 1n).toString() },
        ]);
        if (BigInt(message.offset) >= last) pending.delete(partition);
        if (pending.size === 0 || redriven >= limit) finish();
      },
    });
    await Promise.race([done, crash, timeout]);
    internals.logger?.info({ topic: options.topic, groupId, redriven }, 'Dead letters re-driven');
    return redriven;
  } finally {
    clearTimeout(timer);
    // Not from inside eachMessage: kafkajs' disconnect waits for the running handler.
    await consumer.disconnect();
  }
}
