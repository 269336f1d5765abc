import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { OutboxMessage } from '@parcours/contracts';
import {
  type AppendOptions,
  type AppendRequest,
  type AppendResult,
  insertEvents,
  OUTBOX_ROWS,
  outboxParams,
} from './append-statements.ts';
import type { Database, Sql, Tx } from './database.ts';
import { ConcurrencyError } from './errors.ts';
import type { Aggregate, Checkpoint, Decider, Event, StoredEvent } from './events.ts';
import { GroupCommit, type PendingAppend } from './group-commit.ts';
import { applyEvents, type Projection } from './projection.ts';
import { EventReads } from './reads.ts';
import type { EventSchemas } from './upcasting.ts';

export {
  type AppendOptions,
  type AppendRequest,
  type AppendResult,
  type KeysWithEvents,
  OUTBOX_LANES,
} from './append-statements.ts';

const tracer = trace.getTracer('@parcours/eventstore');

/**
 * A service's event store: appends (one statement each, grouped under load: append-statements.ts,
 * group-commit.ts), outbox rows written with them, inline projections, and reads (reads.ts).
 */
export class EventStore {
  readonly sql: Sql;
  readonly schemas: EventSchemas;
  /** Projections written in each append's own transaction (see Projection.inline). */
  private readonly inline: Projection<any>[];
  private readonly reads: EventReads;
  private readonly group = new GroupCommit((batch) => this.send(batch));

  constructor(sql: Sql, schemas: EventSchemas = {}, options: { inline?: Projection<any>[] } = {}) {
    this.sql = sql;
    this.schemas = schemas;
    this.reads = new EventReads(sql, schemas);
    this.inline = options.inline ?? [];
    const followed = this.inline.find((projection) => !projection.inline);
    if (followed) throw new Error(`projection ${followed.name} is not marked inline`);
  }

  /**
   * Appends events to one stream if it is at `expectedVersion`, with their outbox rows, atomically.
   * Outside a caller's transaction, appends of the same moment to different streams are committed
   * together in one statement (group commit): one round trip and one commit for many commands. A
   * batch that fails (a stream not at its expected version) is retried command by command, so each
   * caller still gets its own result or its own ConcurrencyError.
   */
  async appendToStream(streamId: string, events: Event[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0)
      return { nextVersion: options.expectedVersion, positions: [], checkpoint: undefined };
    return tracer.startActiveSpan('eventstore.append', async (span) => {
      span.setAttributes({
        'parcours.events': events.length,
        'parcours.outbox': options.outbox?.length ?? 0,
      });
      try {
        const request = { streamId, events, options };
        return await (options.tx ? this.appendOne(request) : this.group.append(request));
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    });
  }

  /**
   * Writes outbox rows that come with no event, such as a snapshot of state published once for
   * consumers that joined late; in the caller's transaction when given. The relay finds them at its
   * next poll.
   */
  async enqueue(messages: OutboxMessage[], options: { tx?: Sql } = {}): Promise<void> {
    if (messages.length === 0) return;
    await (options.tx ?? this.sql).query(
      `INSERT INTO es_outbox (id, lane, topic, key, event, headers) ${OUTBOX_ROWS('$1', '$2', '$3', '$4', '$5')}`,
      outboxParams(messages),
    );
  }

  /**
   * Appends to several streams in one statement, all or nothing: a ConcurrencyError (naming the
   * first stream) when one of them is not at its expected version. For a caller holding a batch of
   * commands, e.g. a consumer routing a batch of messages in one transaction.
   */
  async appendToStreams(requests: AppendRequest[], options: { tx?: Sql } = {}): Promise<AppendResult[]> {
    const nonEmpty = requests.filter((request) => request.events.length > 0);
    const streams = new Set(nonEmpty.map((request) => request.streamId));
    if (streams.size < nonEmpty.length) throw new Error('appendToStreams: one stream appears twice');
    const results =
      nonEmpty.length > 0 ? await this.committed(options.tx, (sql) => this.write(sql, nonEmpty)) : [];
    if (!results) {
      const first = nonEmpty[0]!;
      throw new ConcurrencyError(first.streamId, first.options.expectedVersion);
    }
    let next = 0;
    return requests.map((request) =>
      request.events.length > 0
        ? results[next++]!
        : { nextVersion: request.options.expectedVersion, positions: [], checkpoint: undefined },
    );
  }

  streamVersion(streamId: string, tx?: Sql): Promise<number> {
    return this.reads.streamVersion(streamId, tx);
  }

  readStream<E extends Event = Event>(
    streamId: string,
    options: { fromVersion?: number; tx?: Sql } = {},
  ): Promise<StoredEvent<E>[]> {
    return this.reads.readStream<E>(streamId, options);
  }

  /** The stream folded with the decider's `evolve` (events upcast), and its version. */
  aggregateStream<E extends Event, State>(
    streamId: string,
    decider: Pick<Decider<never, E, State>, 'initialState' | 'evolve'>,
    options: { tx?: Sql } = {},
  ): Promise<Aggregate<State>> {
    return this.reads.aggregateStream(streamId, decider, options);
  }

  /** Several streams folded with the decider in one read: see EventReads.aggregateStreams. */
  aggregateStreams<E extends Event, State>(
    streamIds: readonly string[],
    decider: Pick<Decider<never, E, State>, 'initialState' | 'evolve'>,
    options: { tx?: Sql } = {},
  ): Promise<Map<string, Aggregate<State>>> {
    return this.reads.aggregateStreams(streamIds, decider, options);
  }

  /**
   * Events of the whole store in commit-safe global order, after `checkpoint`: see
   * EventReads.readAll and docs/event-store.md ("Global order that never skips a late commit").
   */
  readAll<E extends Event = Event>(
    checkpoint: Checkpoint,
    options: { limit?: number; types?: string[]; tx?: Sql } = {},
  ): Promise<{ events: StoredEvent<E>[]; checkpoint: Checkpoint; scanned: number }> {
    return this.reads.readAll<E>(checkpoint, options);
  }

  /** Every committed event of these types, stream by stream: see EventReads.readTypes. */
  readTypes<E extends Event = Event>(
    types: readonly string[],
    options: { tx?: Sql } = {},
  ): Promise<StoredEvent<E>[]> {
    return this.reads.readTypes<E>(types, options);
  }

  /** Where the last committed event stands, of the streams with this prefix when given: see EventReads.lastCheckpoint. */
  lastCheckpoint(options: { streamPrefix?: string; tx?: Sql } = {}): Promise<Checkpoint | undefined> {
    return this.reads.lastCheckpoint(options);
  }

  /** A group-commit batch: one statement for all; if it fails, each append alone (its own outcome). */
  private async send(batch: PendingAppend[]): Promise<void> {
    if (batch.length === 1) {
      const [only] = batch as [PendingAppend];
      await this.appendOne(only).then(only.resolve, only.reject);
      return;
    }
    let results: AppendResult[] | undefined;
    try {
      results = await this.committed(undefined, (sql) => this.write(sql, batch));
    } catch {
      // Retried one by one below: each caller gets its own outcome.
    }
    if (results) for (const [i, item] of batch.entries()) item.resolve(results[i]!);
    else await Promise.all(batch.map((item) => this.appendOne(item).then(item.resolve, item.reject)));
  }

  private async appendOne(request: AppendRequest): Promise<AppendResult> {
    const { streamId, options } = request;
    let results: AppendResult[] | undefined;
    try {
      results = await this.committed(options.tx, (sql) => this.write(sql, [request]));
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'es_events_stream_version') {
        throw new ConcurrencyError(streamId, options.expectedVersion);
      }
      throw error;
    }
    if (!results) {
      throw new ConcurrencyError(
        streamId,
        options.expectedVersion,
        await this.streamVersion(streamId, options.tx),
      );
    }
    return results[0]!;
  }

  /**
   * Runs `work` on the caller's transaction, or on the pool, or (when inline projections must be
   * written with the events) in a transaction of its own.
   */
  private committed<T>(tx: Sql | undefined, work: (sql: Sql) => Promise<T>): Promise<T> {
    if (tx) return work(tx);
    if (this.inline.length === 0) return work(this.sql);
    const db = this.sql as Sql & { transaction?: Database['transaction'] };
    if (!db.transaction) throw new Error('inline projections need an EventStore on a Database');
    return db.transaction((t) => work(t));
  }

  /**
   * The append statement for one stream or several (all or nothing), then the inline projections
   * on the same connection; undefined when a stream was not at its expected version (nothing
   * written).
   */
  private async write(sql: Sql, batch: AppendRequest[]): Promise<AppendResult[] | undefined> {
    const stored = await insertEvents(sql, this.schemas, batch);
    if (!stored) return undefined;
    for (const projection of this.inline) {
      const mine = projection.types ? stored.filter((e) => projection.types!.includes(e.type)) : stored;
      await applyEvents(projection, sql as Tx, mine);
    }
    const types = [...new Set(stored.map((e) => e.type))];
    const notify = () => this.sql.notifyAppended?.(types);
    if (sql.afterCommit) sql.afterCommit(notify);
    else notify();
    let next = 0;
    return batch.map(({ events: appended, options }) => {
      const own = stored.slice(next, next + appended.length);
      next += appended.length;
      const last = own.at(-1)!;
      return {
        nextVersion: options.expectedVersion + appended.length,
        positions: own.map((e) => e.position),
        checkpoint: { transactionId: last.transactionId, position: last.position },
      };
    });
  }
}
