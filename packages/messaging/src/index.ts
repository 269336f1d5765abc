export {
  CloudEventHeaders,
  type DecodedMessage,
  fromKafkaMessage,
  InvalidCloudEventError,
  type ReceivedMessage,
  type TraceHeaders,
  toKafkaMessage,
  type WireMessage,
} from './cloudevents.ts';
export type {
  BatchHandler,
  ConsumerOptions,
  MessageContext,
  MessageHandler,
  RetryPolicy,
  RunningConsumer,
} from './consumer.ts';
export { type DeadLetter, DeadLetterHeaders, deadLetterTopic, type RedriveOptions } from './dead-letters.ts';
export { InvalidIntegrationEventError, PublishTimeoutError, WrongTopicError } from './errors.ts';
export type { OutgoingRecord } from './internals.ts';
export type { Logger, LogLevel } from './logger.ts';
export {
  createMessaging,
  type Messaging,
  type MessagingOptions,
  type TopicSpec,
} from './messaging.ts';
export { createOutboxSink } from './outbox-sink.ts';
export { messagesSince, type TopicOffsets, topicLostData } from './topic-offsets.ts';
