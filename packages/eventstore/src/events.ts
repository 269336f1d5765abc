/** Who did it, why and within which trace: stored with every event. */
export interface EventMetadata {
  actor?: { id: string; roles?: string[]; association?: string; office?: string };
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  [key: string]: unknown;
}

/** A domain event as a decider returns it (STYLE.md: `{ type, data, metadata }`). */
export interface Event<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata?: EventMetadata;
}

/** What the store adds to every event it holds. */
export interface StoredEventInfo {
  id: string;
  metadata: EventMetadata;
  streamId: string;
  streamVersion: number;
  /** Global position (bigserial); together with transactionId it orders the whole store. */
  position: number;
  transactionId: string;
  schemaVersion: number;
  recordedAt: Date;
}

/** An event read back from the store; distributes over a union, so `type` narrows `data`. */
export type StoredEvent<E extends Event = Event> = E extends Event
  ? { type: E['type']; data: E['data'] } & StoredEventInfo
  : never;

/** Where a reader of the whole store stands: past this transaction and position. */
export interface Checkpoint {
  transactionId: string;
  position: number;
}

export const START: Checkpoint = { transactionId: '0', position: 0 };
