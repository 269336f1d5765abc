import type { OutboxSink } from '@parcours/contracts';
import { toKafkaMessage } from './cloudevents.ts';
import type { Messaging } from './messaging.ts';

/**
 * What the outbox relay publishes with: one idempotent batch, resolved only once Kafka acknowledged
 * every message, rejected (within the publish timeout) when it did not, so the relay keeps the rows.
 * The events were validated when they were written to the outbox; a row is not re-validated here,
 * since a row that could never be sent would block the relay.
 */
export function createOutboxSink(messaging: Pick<Messaging, 'publishRaw'>): OutboxSink {
  return async (messages) => {
    await messaging.publishRaw(
      messages.map(({ topic, key, event, headers }) => {
        const encoded = toKafkaMessage(event, {
          traceparent: headers['traceparent'],
          tracestate: headers['tracestate'],
        });
        return { topic, key, value: encoded.value, headers: { ...headers, ...encoded.headers } };
      }),
    );
  };
}
