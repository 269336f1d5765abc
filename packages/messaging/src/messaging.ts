import { context, propagation } from '@opentelemetry/api';
import { type ContractRegistry, type IntegrationEvent, integrationEvents } from '@parcours/contracts';
import { type Admin, Kafka, Partitioners, type Producer } from 'kafkajs';
import { type TraceHeaders, toKafkaMessage } from './cloudevents.ts';
import { type ConsumerOptions, type RunningConsumer, startConsumer } from './consumer.ts';
import { type RedriveOptions, redriveDeadLetters } from './dead-letters.ts';
import { InvalidIntegrationEventError, PublishTimeoutError, WrongTopicError } from './errors.ts';
import type { MessagingInternals, OutgoingRecord } from './internals.ts';
import { kafkaLogCreator, kafkaLogLevels, type Logger, type LogLevel } from './logger.ts';
import { isKafkaError, unknownTopicErrors, untilLeadersAnswer, waitForLeaders } from './topic-admin.ts';
import type { TopicOffsets } from './topic-offsets.ts';

export interface MessagingOptions {
  brokers: string[];
  clientId: string;
  /** kafkajs' logs go here (at `logLevel`, default warn); without a logger they are dropped. */
  logger?: Logger;
  logLevel?: LogLevel;
  /** Contracts events are validated against; defaults to every Parcours contract. */
  registry?: ContractRegistry;
  /**
   * Longest a publish waits for Kafka's acknowledgement before it rejects (default 15 s), so an
   * outbox relay facing a down broker keeps its rows instead of hanging.
   */
  publishTimeoutMs?: number;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor: number;
  /**
   * Keep the latest message of each key rather than a time window (`cleanup.policy=compact`), for
   * state-carrying topics a new consumer reads from the beginning. Its dead-letter topic is not.
   */
  compacted?: boolean;
}

export interface Messaging {
  /** Validates each event against its contract, then sends them with the idempotent producer. */
  publish(topic: string, events: readonly IntegrationEvent[], trace?: TraceHeaders): Promise<void>;
  /** Sends encoded records as they are (grouped by topic in one batch); resolves once all are acknowledged. */
  publishRaw(records: readonly OutgoingRecord[]): Promise<void>;
  /** Creates each topic and its `<topic>.dlq` unless they exist. */
  ensureTopics(specs: readonly TopicSpec[]): Promise<void>;
  describeTopics(topics: readonly string[]): Promise<{ topic: string; partitions: number }[]>;
  /** Where each partition of the topic stands now; compare with `topicLostData` (topic-offsets.ts). */
  topicOffsets(topic: string): Promise<TopicOffsets>;
  startConsumer(options: ConsumerOptions): Promise<RunningConsumer>;
  /** Republishes `<topic>.dlq` to `<topic>` once per consumer group; returns how many it republished. */
  redriveDeadLetters(options: RedriveOptions): Promise<number>;
  /** Stops the consumers this object started and closes the producer and admin connections. */
  disconnect(): Promise<void>;
}

// A down broker must fail a publish within ~10-15 s (the outbox relay keeps its rows and retries);
// the defaults (30 s request timeout, 5 retries up to 30 s apart) would hold it for minutes.
const clientRetry = { initialRetryTime: 200, maxRetryTime: 2_000, retries: 4 };
const CONNECTION_TIMEOUT_MS = 3_000;
const REQUEST_TIMEOUT_MS = 10_000;

export function createMessaging(options: MessagingOptions): Messaging {
  const registry = options.registry ?? integrationEvents;
  const publishTimeoutMs = options.publishTimeoutMs ?? 15_000;
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    retry: clientRetry,
    logLevel: kafkaLogLevels[options.logger ? (options.logLevel ?? 'warn') : 'nothing'],
    logCreator: kafkaLogCreator(options.logger),
  });

  const newProducer = (): Producer => {
    const created = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // The Java client's murmur2 partitioner: keys land on the same partitions as from any other client.
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: clientRetry,
    });
    created.on(created.events.DISCONNECT, () => {
      if (producer === created) producerReady = undefined;
    });
    return created;
  };
  let producer = newProducer();
  // Connected lazily and again after a failure, so a broker that comes back is picked up.
  let producerReady: Promise<void> | undefined;
  const connectProducer = () => {
    producerReady ??= producer.connect().catch((error: unknown) => {
      producerReady = undefined;
      throw error;
    });
    return producerReady;
  };

  let adminReady: Promise<Admin> | undefined;
  const admin = () => {
    if (!adminReady) {
      const client = kafka.admin({ retry: clientRetry });
      adminReady = client.connect().then(
        () => client,
        (error: unknown) => {
          adminReady = undefined;
          throw error;
        },
      );
    }
    return adminReady;
  };

  /**
   * An admin request; retried once on a fresh client when the topic is unknown. kafkajs refreshes
   * the metadata of every topic a client has touched, so one deleted since fails all its requests.
   */
  async function withAdmin<T>(request: (client: Admin) => Promise<T>): Promise<T> {
    const ready = admin();
    const client = await ready;
    try {
      return await request(client);
    } catch (error) {
      if (!isKafkaError(error, unknownTopicErrors)) throw error;
      if (adminReady === ready) adminReady = undefined;
      await client.disconnect().catch(() => {});
      return request(await admin());
    }
  }

  async function publishRaw(records: readonly OutgoingRecord[]): Promise<void> {
    if (records.length === 0) return;
    const byTopic = new Map<
      string,
      {
        key: string | Buffer | null;
        value: string | Buffer | null;
        headers: Record<string, string | Buffer>;
      }[]
    >();
    for (const { topic, key, value, headers } of records) {
      const messages = byTopic.get(topic) ?? [];
      byTopic.set(topic, messages);
      messages.push({ key, value, headers });
    }
    const send = (async () => {
      await connectProducer();
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PublishTimeoutError(publishTimeoutMs)), publishTimeoutMs);
    });
    try {
      await Promise.race([send, timeout]);
    } catch (error) {
      // Start from a fresh producer next time. kafkajs keeps an idempotent producer's id and sequence
      // numbers across a failed send; when the broker had written part of it (its leader killed
      // mid-request), every later send was refused as "out of order sequence number" until the
      // process restarted, and the outbox stopped (bench/chaos). A new producer has a new id.
      send.catch(() => {});
      const failed = producer;
      producer = newProducer();
      producerReady = undefined;
      void failed.disconnect().catch(() => {});
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async function publish(topic: string, events: readonly IntegrationEvent[], trace: TraceHeaders = {}) {
    for (const event of events) {
      const contract = registry.require(event.type);
      if (contract.topic !== topic) throw new WrongTopicError(event.type, topic, contract.topic);
      const errors = contract.validate(event.data);
      if (errors.length > 0) throw new InvalidIntegrationEventError(event, errors);
    }
    const traceHeaders = trace.traceparent ? trace : activeTraceHeaders();
    await publishRaw(events.map((event) => ({ topic, ...toKafkaMessage(event, traceHeaders) })));
  }

  const internals: MessagingInternals = { kafka, registry, logger: options.logger, publishRaw, admin };
  const consumers = new Set<RunningConsumer>();

  return {
    publish,
    publishRaw,

    async ensureTopics(specs) {
      const topics = specs.flatMap(({ topic, partitions, replicationFactor, compacted }) => [
        {
          topic,
          numPartitions: partitions,
          replicationFactor,
          ...(compacted ? { configEntries: [{ name: 'cleanup.policy', value: 'compact' }] } : {}),
        },
        { topic: `${topic}.dlq`, numPartitions: partitions, replicationFactor },
      ]);
      // Resolves false, without throwing, when every topic already exists. kafkajs' own leader
      // wait gives up on UNKNOWN_TOPIC_OR_PARTITION, which a busy broker answers for a topic it
      // has just created, so the wait is ours.
      await withAdmin(async (client) => {
        await client.createTopics({ topics, waitForLeaders: false });
        await waitForLeaders(client, topics);
      });
    },

    async describeTopics(topics) {
      const metadata = await withAdmin((client) => client.fetchTopicMetadata({ topics: [...topics] }));
      return metadata.topics.map(({ name, partitions }) => ({ topic: name, partitions: partitions.length }));
    },

    async topicOffsets(topic) {
      // A partition just created (ensureTopics waits for its leader in the metadata only) may not
      // answer as leader yet.
      const partitions = await withAdmin((client) =>
        untilLeadersAnswer(() => client.fetchTopicOffsets(topic)),
      );
      return partitions
        .map(({ partition, low, high }) => ({ partition, earliest: low, latest: high }))
        .sort((a, b) => a.partition - b.partition);
    },

    async startConsumer(consumerOptions) {
      const consumer = await startConsumer(internals, consumerOptions);
      consumers.add(consumer);
      return {
        async stop() {
          consumers.delete(consumer);
          await consumer.stop();
        },
      };
    },

    redriveDeadLetters: (redriveOptions) => redriveDeadLetters(internals, redriveOptions),

    async disconnect() {
      await Promise.allSettled([...consumers].map((consumer) => consumer.stop()));
      consumers.clear();
      await producer.disconnect();
      producerReady = undefined;
      const client = await adminReady?.catch(() => undefined);
      adminReady = undefined;
      await client?.disconnect();
    },
  };
}

/** The W3C trace context of the active span, when OpenTelemetry is set up. */
function activeTraceHeaders(): TraceHeaders {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return { traceparent: carrier['traceparent'], tracestate: carrier['tracestate'] };
}
