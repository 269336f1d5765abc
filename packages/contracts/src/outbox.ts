import type { IntegrationEvent } from './integration-event.ts';

/**
 * A row of a service's outbox: an integration event bound for a topic, written in the same
 * statement as the domain events (packages/eventstore) and published by the relay through a sink
 * (packages/messaging).
 */
export interface OutboxMessage {
  id: string;
  topic: string;
  /** The case id (the event's subject): the Kafka key. */
  key: string;
  event: IntegrationEvent;
  /** Trace context of the command that wrote the row (traceparent, tracestate). */
  headers: Record<string, string>;
}

/** Publishes a batch and resolves once the broker has acknowledged every message. */
export type OutboxSink = (messages: OutboxMessage[]) => Promise<void>;
