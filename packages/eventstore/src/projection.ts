import type { Tx } from './database.ts';
import type { Event, StoredEvent } from './events.ts';

/** A read model fed from the store's global order. */
export interface Projection<E extends Event = Event> {
  name: string;
  /** Event types it reads (all when absent). */
  types?: E['type'][];
  apply(tx: Tx, event: StoredEvent<E>): Promise<void>;
  /**
   * Applies a whole batch (in global order) in a few statements instead of one per event; the
   * runner calls it instead of `apply` when present. Its effect must equal `apply` on each event.
   */
  applyBatch?(tx: Tx, events: StoredEvent<E>[]): Promise<void>;
  /** Empties the read model before a rebuild. */
  reset(tx: Tx): Promise<void>;
  /**
   * Applied by its writers in each command's own transaction (an inline projection: visible when
   * the command commits, no second hop). The runner does not follow it; it only rebuilds it. Fit
   * for a model whose rows each follow one stream, whose appends are ordered by the stream version.
   */
  inline?: boolean;
}

/**
 * Applies events (already of the projection's types, in global order) to its read model: through
 * `applyBatch` when it has one, else one `apply` per event. The runner and the event store's inline
 * path both write read models this way.
 */
export async function applyEvents<E extends Event>(
  projection: Projection<E>,
  tx: Tx,
  events: StoredEvent<E>[],
): Promise<void> {
  if (events.length === 0) return;
  if (projection.applyBatch) await projection.applyBatch(tx, events);
  else for (const event of events) await projection.apply(tx, event);
}
