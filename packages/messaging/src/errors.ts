import type { ValidationError } from '@parcours/contracts';

/** Event data that does not match its contract; `errors` name the fields. */
export class InvalidIntegrationEventError extends Error {
  readonly code = 'INVALID_INTEGRATION_EVENT';
  readonly eventType: string;
  readonly eventId: string;
  readonly errors: ValidationError[];
  constructor(event: { type: string; id: string }, errors: ValidationError[]) {
    const fields = errors.map((error) => `${error.path}: ${error.message}`).join('; ');
    super(`Event ${event.id} of type ${event.type} does not match its contract: ${fields}`);
    this.name = 'InvalidIntegrationEventError';
    this.eventType = event.type;
    this.eventId = event.id;
    this.errors = errors;
  }
}

/** An event published to a topic its contract does not name. */
export class WrongTopicError extends Error {
  readonly code = 'WRONG_TOPIC';
  constructor(eventType: string, topic: string, expected: string) {
    super(`Events of type ${eventType} belong on topic ${expected}, not ${topic}`);
    this.name = 'WrongTopicError';
  }
}

/** Kafka did not acknowledge in time; the caller keeps the messages and tries again. */
export class PublishTimeoutError extends Error {
  readonly code = 'PUBLISH_TIMEOUT';
  constructor(timeoutMs: number) {
    super(`Kafka did not acknowledge the messages within ${timeoutMs} ms`);
    this.name = 'PublishTimeoutError';
  }
}
