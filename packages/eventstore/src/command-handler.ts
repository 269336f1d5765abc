import type { OutboxMessage } from '@parcours/contracts';
import type { Sql } from './database.ts';
import { ConcurrencyError } from './errors.ts';
import type { AppendRequest, EventStore, KeysWithEvents } from './event-store.ts';
import type { Checkpoint, Decider, Event, EventMetadata } from './events.ts';
import { fold } from './reads.ts';

export interface HandleOptions<E extends Event, State> {
  metadata?: EventMetadata;
  /** Integration events for the decided events, written to the outbox in the same statement. */
  outbox?: (events: E[], state: State) => OutboxMessage[];
  /** How many times to reload and decide again after losing a race (default 10). */
  retries?: number;
  /**
   * The stream is expected not to exist yet (its id was just minted): decide on the initial state
   * without reading it first. If it does exist, the command is decided again on what it holds.
   */
  expectNew?: boolean;
  tx?: Sql;
  /** New subjects' data keys, stored by the append with the decided events (NewKeys.commit). */
  keys?: KeysWithEvents;
}

export interface HandleResult<E extends Event, State> {
  events: E[];
  state: State;
  nextVersion: number;
  /** Where the appended events stand in the global order (read-your-writes); none when nothing was decided. */
  checkpoint: Checkpoint | undefined;
}

/**
 * Load the stream, fold it, decide, append with the expected version. A command that loses the
 * race to another writer is decided again on the fresh state rather than failed.
 */
export async function handleCommand<Command, E extends Event, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, E, State>,
  command: Command,
  options: HandleOptions<E, State> = {},
): Promise<HandleResult<E, State>> {
  const retries = options.retries ?? 10;
  for (let attempt = 0; ; attempt++) {
    const { state: current, version } =
      options.expectNew && attempt === 0
        ? { state: decider.initialState(), version: 0 }
        : await store.aggregateStream(streamId, decider, options.tx ? { tx: options.tx } : {});
    const events = decider.decide(command, current);
    const state = fold(decider, events, current);
    try {
      const appended = await store.appendToStream(streamId, events, {
        expectedVersion: version,
        outbox: options.outbox?.(events, state) ?? [],
        ...(options.metadata ? { metadata: options.metadata } : {}),
        ...(options.tx ? { tx: options.tx } : {}),
        ...(options.keys ? { keys: options.keys } : {}),
      });
      return { events, state, nextVersion: appended.nextVersion, checkpoint: appended.checkpoint };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= retries) throw error;
      // Inside a caller's transaction a failed statement (two appends at once: a unique violation,
      // no actual version known) aborts the transaction: the caller retries. A stale version found
      // by the statement itself does not, so it is decided again here.
      if (options.tx && error.actualVersion === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** Math.min(attempt, 6)));
    }
  }
}

/** One command of a batch: its stream, and what `handleCommand` takes as options for it. */
export interface BatchCommand<Command, E extends Event, State> {
  streamId: string;
  command: Command;
  metadata?: EventMetadata;
  outbox?: (events: E[], state: State) => OutboxMessage[];
}

/**
 * Decides commands that each open a new stream (ids just minted) and appends them all in one
 * statement: a consumer's batch costs one round trip instead of one per command. All or nothing:
 * a ConcurrencyError when one of the streams exists after all, and the caller goes back to
 * `handleCommand` one command at a time (which decides again on what the stream holds).
 */
export async function handleNewStreams<Command, E extends Event, State>(
  store: EventStore,
  decider: Decider<Command, E, State>,
  commands: BatchCommand<Command, E, State>[],
  options: { tx?: Sql } = {},
): Promise<HandleResult<E, State>[]> {
  const decided = commands.map(({ streamId, command, metadata, outbox }) => {
    const events = decider.decide(command, decider.initialState());
    const state = fold(decider, events);
    return { streamId, events, state, metadata, outbox: outbox?.(events, state) ?? [] };
  });
  const appended = await store.appendToStreams(
    decided.map(({ streamId, events, metadata, outbox }) => ({
      streamId,
      events,
      options: { expectedVersion: 0, outbox, ...(metadata ? { metadata } : {}) },
    })),
    options.tx ? { tx: options.tx } : {},
  );
  return decided.map(({ events, state }, i) => ({
    events,
    state,
    nextVersion: appended[i]!.nextVersion,
    checkpoint: appended[i]!.checkpoint,
  }));
}

/**
 * Decides a batch of commands, in order, on streams read in one statement, and appends them in one
 * statement per round (a stream's second command of the batch goes in the second round, with its
 * own metadata): a consumer's batch costs a few round trips instead of two per command. All or
 * nothing, like `handleNewStreams`: a decision that throws or a stream that moved meanwhile
 * (ConcurrencyError) fails the batch, and the caller goes back to one command at a time.
 */
export async function handleCommands<Command, E extends Event, State>(
  store: EventStore,
  decider: Decider<Command, E, State>,
  commands: BatchCommand<Command, E, State>[],
  options: { tx?: Sql } = {},
): Promise<HandleResult<E, State>[]> {
  const current = await store.aggregateStreams(
    commands.map((c) => c.streamId),
    decider,
    options.tx ? { tx: options.tx } : {},
  );
  const rounds: { index: number; request: AppendRequest }[][] = [];
  const seen = new Map<string, number>();
  const decided = commands.map(({ streamId, command, metadata, outbox }, index) => {
    const aggregate = current.get(streamId)!;
    const events = decider.decide(command, aggregate.state);
    const state = fold(decider, events, aggregate.state);
    const round = seen.get(streamId) ?? 0;
    seen.set(streamId, round + 1);
    rounds[round] ??= [];
    rounds[round].push({
      index,
      request: {
        streamId,
        events,
        options: {
          expectedVersion: aggregate.version,
          outbox: outbox?.(events, state) ?? [],
          ...(metadata ? { metadata } : {}),
        },
      },
    });
    current.set(streamId, { state, version: aggregate.version + events.length });
    return { events, state };
  });
  const results: HandleResult<E, State>[] = new Array(commands.length);
  for (const round of rounds) {
    const appended = await store.appendToStreams(
      round.map(({ request }) => request),
      options.tx ? { tx: options.tx } : {},
    );
    for (const [i, { index }] of round.entries())
      results[index] = {
        ...decided[index]!,
        nextVersion: appended[i]!.nextVersion,
        checkpoint: appended[i]!.checkpoint,
      };
  }
  return results;
}
