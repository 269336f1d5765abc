import type { ContractRegistry } from '@parcours/contracts';
import type { Admin, Kafka } from 'kafkajs';
import type { Logger } from './logger.ts';

/** A record for `publishRaw`: already encoded (outbox relay, dead letters, re-drive). */
export interface OutgoingRecord {
  topic: string;
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers: Record<string, string | Buffer>;
}

/**
 * What the consumer and re-drive modules share with the messaging object that starts them. Its own
 * module, so that they need nothing from messaging.ts and it imports them without a cycle.
 */
export interface MessagingInternals {
  kafka: Kafka;
  registry: ContractRegistry;
  logger: Logger | undefined;
  /** Sends encoded records as they are; resolves once all are acknowledged. */
  publishRaw(records: readonly OutgoingRecord[]): Promise<void>;
  admin(): Promise<Admin>;
}
