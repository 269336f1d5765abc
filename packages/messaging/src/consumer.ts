// Over 300 lines: one consumer loop, whose decoding, retries, batches and commits share its state.
import { type Context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { IntegrationEvent } from '@parcours/contracts';
import type { KafkaMessage } from 'kafkajs';
import { fromKafkaMessage } from './cloudevents.ts';
import { deadLetter } from './dead-letters.ts';
import { InvalidIntegrationEventError } from './errors.ts';
import type { MessagingInternals } from './internals.ts';

export interface MessageContext {
  topic: string;
  partition: number;
  offset: string;
  /** The record key: the case id. */
  key: string | null;
  /** 1 on the first try, then 2, 3… */
  attempt: number;
  traceparent: string | undefined;
  tracestate: string | undefined;
  /** Every header of the record, as strings. */
  headers: Record<string, string>;
}

export type MessageHandler = (event: IntegrationEvent, ctx: MessageContext) => Promise<void>;
export type BatchHandler = (messages: { event: IntegrationEvent; ctx: MessageContext }[]) => Promise<void>;

export interface RetryPolicy {
  /** Tries in all, the first included, before the message goes to `<topic>.dlq`. */
  attempts: number;
  initialMs: number;
  maxMs: number;
}

export interface ConsumerOptions {
  groupId: string;
  topics: string[];
  handler: MessageHandler;
  retry?: RetryPolicy;
  /** Where a group with no committed offset starts (default: only new messages). */
  fromBeginning?: boolean;
  /** Broker bounds apply (group.min.session.timeout.ms is 6 s by default). */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /**
   * Partitions handled at once by this member (default 1). Messages of one partition, hence of one
   * case, are still handled one after another.
   */
  partitionsConcurrently?: number;
  /**
   * Handles the readable messages of one fetch of a partition together (in order, at most
   * `maxBatchSize` at a time), e.g. in one database transaction: under load the cost per message
   * falls with the size of the backlog. When it throws, those messages go one by one through
   * `handler`, with its retries and dead letters.
   */
  batchHandler?: BatchHandler;
  /** Most messages given to `batchHandler` at once (default 100). */
  maxBatchSize?: number;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

/** A message decoded and validated: what the handlers get, with its trace's parent context. */
interface Readable {
  message: KafkaMessage;
  event: IntegrationEvent;
  ctx: MessageContext;
  parent: Context;
}

const defaultRetry: RetryPolicy = { attempts: 5, initialMs: 200, maxMs: 5_000 };
const tracer = trace.getTracer('@parcours/messaging');
const JOIN_TIMEOUT_MS = 60_000;
const COMMIT_INTERVAL_MS = 200;

/** Exponential backoff before try `attempt + 1`. */
// Connection failures (Node's socket errors), PostgreSQL's connection exceptions (class 08), its
// shutdown and start-up (57P01-57P03) and too many connections (53300).
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** Whether an error says a server is unreachable rather than anything about the message handled. */
export function isUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
    // node-postgres ends a connection the server closed with this message and no code.
    if (/^Connection terminated( unexpectedly)?$/.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some(isUnavailable)) return true;
  }
  return false;
}

export const backoffMs = (retry: RetryPolicy, attempt: number) =>
  Math.min(retry.maxMs, retry.initialMs * 2 ** (attempt - 1));

/**
 * Starts a consumer group member; resolves once it has joined the group. Each partition is handled
 * in order (one message, or one batch, at a time: order per case kept), its offset committed only
 * after the message was handled or dead-lettered.
 */
export async function startConsumer(
  internals: MessagingInternals,
  options: ConsumerOptions,
): Promise<RunningConsumer> {
  const { kafka, registry, logger } = internals;
  const retry = options.retry ?? defaultRetry;
  if (retry.attempts < 1) throw new RangeError('retry.attempts must be at least 1');
  const consumer = kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: options.sessionTimeoutMs ?? 10_000,
    heartbeatInterval: options.heartbeatIntervalMs ?? 1_000,
    // A fetch returns as soon as there is data; this bounds how long stop() waits for an idle one.
    maxWaitTimeInMs: 1_000,
    allowAutoTopicCreation: false,
  });
  let stopping = false;

  // Handled offsets are committed in batches, every 200 ms: a commit per message was a Kafka round
  // trip per message (bench/referral). Messages handled but not yet committed when a member dies
  // are delivered again, and the consumers' inboxes make that harmless.
  const handledOffsets = new Map<string, { topic: string; partition: number; offset: string }>();
  let commitTimer: NodeJS.Timeout | undefined;
  const flushCommits = async () => {
    clearTimeout(commitTimer);
    commitTimer = undefined;
    const offsets = [...handledOffsets.values()];
    handledOffsets.clear();
    if (offsets.length === 0) return;
    await consumer.commitOffsets(offsets).catch((error: unknown) => {
      // A rebalance took the partitions away: their new owner starts from the last commit.
      logger?.warn({ err: error }, 'Kafka offsets not committed');
    });
  };
  const commit = async (topic: string, partition: number, message: KafkaMessage) => {
    // One partition's messages are handled in order: the latest offset covers the earlier ones.
    handledOffsets.set(`${topic}:${partition}`, {
      topic,
      partition,
      offset: (BigInt(message.offset) + 1n).toString(),
    });
    commitTimer ??= setTimeout(() => void flushCommits(), COMMIT_INTERVAL_MS);
  };

  /** The message as a valid event, or undefined once an unreadable one is dead-lettered. */
  const decode = async (topic: string, partition: number, message: KafkaMessage) => {
    const location = { topic, partition, offset: message.offset };
    try {
      const decoded = fromKafkaMessage(message);
      const contract = registry.require(decoded.event.type);
      // Exactly the contract (packages/contracts/README.md): anything else never reaches a handler.
      const errors = contract.validate(decoded.event.data);
      if (errors.length > 0) throw new InvalidIntegrationEventError(decoded.event, errors);
      const ctx: MessageContext = {
        ...location,
        key: message.key?.toString() ?? null,
        attempt: 1,
        traceparent: decoded.trace.traceparent,
        tracestate: decoded.trace.tracestate,
        headers: decoded.headers,
      };
      const parent = propagation.extract(ROOT_CONTEXT, decoded.trace);
      return { message, event: decoded.event, ctx, parent } satisfies Readable;
    } catch (error) {
      // Cannot succeed on any retry: straight to the dead letters.
      logger?.warn({ ...location, err: error }, 'Unreadable message sent to the dead-letter topic');
      await deadLetter(internals, { ...location, message, error, attempts: 0 });
      return undefined;
    }
  };

  /** Tries the handler with backoff, then dead-letters; false when stopped before it was done. */
  const handleOne = async (
    { message, event, ctx: first, parent }: Readable,
    heartbeat: () => Promise<void>,
  ) => {
    const location = { topic: first.topic, partition: first.partition, offset: first.offset };
    let lastError: unknown;
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      if (stopping) return false; // not committed: the next member of the group handles it
      const ctx: MessageContext = { ...first, attempt };
      try {
        await handleInSpan(parent, ctx, () => options.handler(event, ctx));
        return true;
      } catch (error) {
        lastError = error;
        logger?.warn({ ...location, attempt, eventId: event.id, err: error }, 'Handler failed');
        // A database or server that does not answer says nothing of the message: the partition
        // waits for it, however long, instead of dead-lettering every message of a PostgreSQL
        // restart (bench/chaos).
        if (isUnavailable(error)) {
          await sleepWithHeartbeats(retry.maxMs, heartbeat, () => stopping);
          attempt--;
          continue;
        }
        if (attempt < retry.attempts) {
          await sleepWithHeartbeats(backoffMs(retry, attempt), heartbeat, () => stopping);
        }
      }
    }
    if (stopping) return false;
    logger?.error(
      { ...location, eventId: event.id, err: lastError },
      'Handler kept failing: message sent to the dead-letter topic',
    );
    await deadLetter(internals, { ...location, message, error: lastError, attempts: retry.attempts });
    return true;
  };

  /** The batch handler in one span linked to every message's trace; false when it threw. */
  const handleBatch = (readable: Readable[]) =>
    tracer.startActiveSpan(
      `process ${readable[0]!.ctx.topic} batch`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': readable[0]!.ctx.topic,
          'messaging.batch.message_count': readable.length,
        },
        links: readable.flatMap(({ parent }) => {
          const linked = trace.getSpanContext(parent);
          return linked ? [{ context: linked }] : [];
        }),
      },
      async (span) => {
        try {
          await options.batchHandler!(readable.map(({ event, ctx }) => ({ event, ctx })));
          return true;
        } catch (error) {
          span.recordException(error instanceof Error ? error : String(error));
          span.setStatus({ code: SpanStatusCode.ERROR });
          logger?.warn(
            { topic: readable[0]!.ctx.topic, messages: readable.length, err: error },
            'Batch handler failed: its messages are handled one by one',
          );
          return false;
        } finally {
          span.end();
        }
      },
    );

  consumer.on(consumer.events.CRASH, ({ payload }) => {
    logger?.error(
      { err: payload.error, groupId: payload.groupId, restart: payload.restart },
      'Kafka consumer crashed',
    );
  });

  let joinTimer: NodeJS.Timeout | undefined;
  const joined = new Promise<void>((resolve, reject) => {
    consumer.on(consumer.events.GROUP_JOIN, () => resolve());
    joinTimer = setTimeout(
      () => reject(new Error(`Consumer group ${options.groupId} not joined within ${JOIN_TIMEOUT_MS} ms`)),
      JOIN_TIMEOUT_MS,
    );
  });

  await consumer.connect();
  try {
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? false });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: options.partitionsConcurrently ?? 1,
      ...(options.batchHandler
        ? {
            eachBatch: async ({ batch, heartbeat, isRunning, isStale, resolveOffset }) => {
              const { topic, partition } = batch;
              const size = options.maxBatchSize ?? 100;
              for (let from = 0; from < batch.messages.length; from += size) {
                if (stopping || !isRunning() || isStale()) return;
                const chunk = batch.messages.slice(from, from + size);
                const readable: Readable[] = [];
                for (const message of chunk) {
                  const decoded = await decode(topic, partition, message);
                  if (decoded) readable.push(decoded);
                }
                if (readable.length > 0 && !(await handleBatch(readable))) {
                  for (const item of readable) {
                    if (!(await handleOne(item, heartbeat))) return;
                  }
                }
                const last = chunk.at(-1)!;
                resolveOffset(last.offset);
                await commit(topic, partition, last);
                await heartbeat();
              }
            },
          }
        : {
            eachMessage: async ({ topic, partition, message, heartbeat }) => {
              const decoded = await decode(topic, partition, message);
              if (!decoded || (await handleOne(decoded, heartbeat))) await commit(topic, partition, message);
            },
          }),
    });
    await joined;
  } catch (error) {
    await consumer.disconnect();
    throw error;
  } finally {
    clearTimeout(joinTimer);
  }

  return {
    async stop() {
      stopping = true;
      await consumer.stop();
      await flushCommits();
      await consumer.disconnect();
    },
  };
}

function handleInSpan(parent: Context, ctx: MessageContext, handle: () => Promise<void>) {
  return tracer.startActiveSpan(
    `process ${ctx.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': ctx.topic,
        'messaging.destination.partition.id': String(ctx.partition),
        'messaging.kafka.offset': Number(ctx.offset),
        'messaging.message.id': ctx.headers['ce_id'] ?? '',
        'cloudevents.event_type': ctx.headers['ce_type'] ?? '',
        'parcours.attempt': ctx.attempt,
      },
    },
    parent,
    async (span) => {
      try {
        // startActiveSpan makes the span current, so the handler's own spans are its children.
        await handle();
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Waits between tries while keeping the group membership alive (kafkajs heartbeats only when asked). */
async function sleepWithHeartbeats(ms: number, heartbeat: () => Promise<void>, stopped: () => boolean) {
  const until = Date.now() + ms;
  while (!stopped()) {
    const left = until - Date.now();
    if (left <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, 500)));
    await heartbeat();
  }
}
