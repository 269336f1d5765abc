/** Who did it, why and within which trace: stored with every event. */
export interface EventMetadata {
  actor?: { id: string; roles?: string[]; association?: string; office?: string };
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  [key: string]: unknown;
}

/** A domain event as a decider returns it (`{ type, data, metadata }`). */
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

/** Pure functions of an aggregate: no clock, no random ids, no I/O. */
export interface Decider<Command, E extends Event, State> {
  initialState: () => State;
  evolve: (state: State, event: E) => State;
  decide: (command: Command, state: State) => E[];
}

/** What a stream folds to, and the version it was folded at (expect it when appending). */
export interface Aggregate<State> {
  state: State;
  version: number;
}
