import { randomUUID } from 'node:crypto';
import type { TSchema } from '@sinclair/typebox';
import type { DataOf, IntegrationEventContract, ValidationError } from './contract.ts';
import type { IntegrationEvent } from './integration-event.ts';

/**
 * A row of a service's outbox: an integration event bound for a topic, written in the same
 * statement as the domain events (packages/eventstore) and published by the relay through a sink
 * (packages/messaging).
 */
export interface OutboxMessage {
  id: string;
  topic: string;
  /** The event's subject (a case id, a directory entity): the Kafka key. */
  key: string;
  event: IntegrationEvent;
  /** Trace context of the command that wrote the row (traceparent, tracestate). */
  headers: Record<string, string>;
}

/** Publishes a batch and resolves once the broker has acknowledged every message. */
export type OutboxSink = (messages: OutboxMessage[]) => Promise<void>;

/** A producer built data its contract refuses: a bug, never sent. Names the paths, not the values. */
export class IntegrationEventInvalidError extends Error {
  readonly code = 'integration_event_invalid';
  readonly errors: ValidationError[];
  constructor(type: string, errors: ValidationError[]) {
    super(`${type} does not match its contract: ${errors.map((e) => `${e.path} ${e.message}`).join(', ')}`);
    this.name = 'IntegrationEventInvalidError';
    this.errors = errors;
  }
}

/**
 * The outbox row of one integration event: `data` checked against its contract when it compiles
 * and again when it runs (nothing undeclared, such as personal data in clear, leaves a service),
 * the subject as the Kafka key, the command's trace context.
 */
export function toOutboxMessage<Type extends string, Schema extends TSchema>(
  contract: IntegrationEventContract<Type, Schema>,
  input: {
    topic: string;
    subject: string;
    time: string | Date;
    data: DataOf<Schema>;
    traceparent?: string | undefined;
  },
): OutboxMessage {
  const errors = contract.validate(input.data);
  if (errors.length > 0) throw new IntegrationEventInvalidError(contract.type, errors);
  const event = contract.create({
    id: randomUUID(),
    subject: input.subject,
    time: input.time,
    data: input.data,
  });
  return {
    id: event.id,
    topic: input.topic,
    key: input.subject,
    event,
    headers: input.traceparent ? { traceparent: input.traceparent } : {},
  };
}
