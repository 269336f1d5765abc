import type { Sql } from './database.ts';
import type { EventStore } from './event-store.ts';
import type { Aggregate, Decider, Event } from './events.ts';
import { fold } from './reads.ts';

/**
 * Streams' states as last folded, with their versions, for the streams read most recently: a read
 * asks PostgreSQL only for the events appended since (an indexed query that usually returns none)
 * and folds those. The version lives in the store, so several instances each keeping their own
 * cache never read a stale state; the cache only saves reading and folding a long stream again (a
 * file with 200 actions: bench/followup). Bounded by a number of streams, least recently read
 * first out. The decider's `evolve` must return new states and never change the one it is given
 * (the cached state is shared by the reads that get it), as every decider here does.
 */
export class AggregateCache<E extends Event, State> {
  readonly #entries = new Map<string, Aggregate<State>>();

  private readonly store: EventStore;
  private readonly decider: Pick<Decider<never, E, State>, 'initialState' | 'evolve'>;
  private readonly maxStreams: number;

  constructor(
    store: EventStore,
    decider: Pick<Decider<never, E, State>, 'initialState' | 'evolve'>,
    maxStreams: number,
  ) {
    this.store = store;
    this.decider = decider;
    this.maxStreams = maxStreams;
  }

  async load(streamId: string, options: { tx?: Sql } = {}): Promise<Aggregate<State>> {
    if (this.maxStreams <= 0) return this.store.aggregateStream(streamId, this.decider, options);
    const cached = this.#entries.get(streamId);
    const tail = await this.store.readStream<E>(streamId, {
      fromVersion: (cached?.version ?? 0) + 1,
      ...(options.tx ? { tx: options.tx } : {}),
    });
    const aggregate =
      cached && tail.length === 0
        ? cached
        : {
            state: fold(this.decider, tail, cached?.state ?? this.decider.initialState()),
            version: tail.at(-1)?.streamVersion ?? cached?.version ?? 0,
          };
    // Read in a transaction that may roll back: what it saw is not kept (a later read folds it again).
    if (options.tx && aggregate !== cached) return aggregate;
    this.#entries.delete(streamId);
    if (aggregate.version > 0) this.#entries.set(streamId, aggregate);
    while (this.#entries.size > this.maxStreams) this.#entries.delete(this.#entries.keys().next().value!);
    return aggregate;
  }

  /** How many streams are kept now. */
  get size(): number {
    return this.#entries.size;
  }
}
