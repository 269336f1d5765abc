import {
  DirectoryAgreementV1,
  DirectoryOfficeV1,
  DirectoryPartnerV1,
  type OutboxMessage,
  toOutboxMessage,
} from '@parcours/contracts';
import type { Database, EventStore, Sql } from '@parcours/eventstore';
import { messagesSince, type TopicOffsets, topicLostData } from '@parcours/messaging';
import { type DirectoryEvents, type DirectoryState, directoryEventTypes, evolve } from './directory.ts';

/**
 * What the directory tells the other services (topic `directory.events.v1`, compacted): each
 * office, partner and agreement as it now is, keyed by its stream. Associations' coverage and
 * foreign organisations stay inside the referral service (routing is its own).
 *
 * A change made by a command publishes the entity's new state with the command (its outbox); the
 * snapshot publishes every entity: once per FEED_VERSION (the seed, a directory that existed before
 * the feed, a contract that gained a field), again whenever the topic lost it, and on demand, so the
 * feed is whole from the start and stays so.
 */
export const FEED_VERSION = 1;

/** The outbox rows of a directory command: the state its events led to, at the time of the last. */
export const directoryOutbox =
  (topic: string, traceparent?: string) =>
  (events: DirectoryEvents[], state: DirectoryState): OutboxMessage[] => {
    const last = events.at(-1);
    const message = last ? stateMessage(topic, state, last.data.at, traceparent) : undefined;
    return message ? [message] : [];
  };

function stateMessage(
  topic: string,
  state: DirectoryState,
  at: string,
  traceparent?: string,
): OutboxMessage | undefined {
  if (state.status !== 'present') return undefined;
  const { entity } = state;
  const common = { topic, time: at, traceparent };
  switch (entity.kind) {
    case 'office': {
      const o = entity.value;
      return toOutboxMessage(DirectoryOfficeV1, {
        ...common,
        subject: `directory-office-${o.officeId}`,
        data: {
          officeId: o.officeId,
          associationId: o.associationId,
          name: o.name,
          type: o.type,
          communeCode: o.address.communeCode,
          active: o.active,
          at,
        },
      });
    }
    case 'partner': {
      const p = entity.value;
      return toOutboxMessage(DirectoryPartnerV1, {
        ...common,
        subject: `directory-partner-${p.partnerId}`,
        data: { partnerId: p.partnerId, name: p.name, active: true, at },
      });
    }
    case 'agreement': {
      const a = entity.value;
      return toOutboxMessage(DirectoryAgreementV1, {
        ...common,
        subject: `directory-agreement-${a.agreementId}`,
        data: {
          agreementId: a.agreementId,
          partnerId: a.partnerId,
          associationId: a.associationId,
          validFrom: a.validFrom,
          ...(a.validUntil ? { validUntil: a.validUntil } : {}),
          active: a.active,
          at,
        },
      });
    }
    case 'association':
    case 'foreign-organisation':
      return undefined;
  }
}

export interface DirectoryFeedDeps {
  db: Database;
  store: EventStore;
  topic: string;
  /** Where the topic's partitions stand now (`Messaging.topicOffsets`). */
  offsets: () => Promise<TopicOffsets>;
}

export type FeedCheck = { published: 0 } | { published: number; why: 'new-version' | 'topic-lost-data' };

interface FeedRow {
  messages: number;
  publications: number;
  /** The topic's offsets when the snapshot was enqueued, then, once it is on the topic, at the last check. */
  topic_offsets: TopicOffsets | null;
  confirmed: boolean;
}

/**
 * Makes sure the topic holds this FEED_VERSION's snapshot (at boot and every DIRECTORY_FEED_CHECK_MS):
 * publishes it when this version never was, or when the topic lost it (its offsets went back: the
 * topic deleted and created again, a broker replaced without its data). A snapshot counts as on the
 * topic once the topic received as many messages since it was enqueued; from then on each check
 * records the offsets it read. Kafka is read outside the transaction, and compared with the row as
 * read before that: another instance's newer record is never taken for a loss. Two instances
 * publish once (advisory lock); consumers keep the state with the latest `at`, so a snapshot racing
 * a command changes nothing.
 */
export async function checkDirectoryFeed(deps: DirectoryFeedDeps): Promise<FeedCheck> {
  const before = await feedRow(deps.db);
  const now = await deps.offsets();
  return deps.db.transaction(async (tx) => {
    await tx.query(FEED_LOCK);
    const row = await feedRow(tx);
    if (!row) return { published: await publish(tx, deps, now), why: 'new-version' };
    // Published again meanwhile: the next check compares with the new record.
    if (!before || row.publications !== before.publications) return { published: 0 };
    if (before.topic_offsets ? topicLostData(before.topic_offsets, now) : !row.confirmed && lacks(now, row)) {
      return { published: await publish(tx, deps, now), why: 'topic-lost-data' };
    }
    if (row.confirmed || messagesSince(before.topic_offsets ?? [], now) >= row.messages) {
      await tx.query(
        'UPDATE directory_feed SET topic_offsets = $2, confirmed_at = coalesce(confirmed_at, now()) WHERE version = $1',
        [FEED_VERSION, JSON.stringify(now)],
      );
    }
    return { published: 0 };
  });
}

/** Publishes the snapshot again whatever the topic holds (an operator's command); returns its size. */
export async function republishDirectoryFeed(deps: DirectoryFeedDeps): Promise<number> {
  const now = await deps.offsets();
  return deps.db.transaction(async (tx) => {
    await tx.query(FEED_LOCK);
    return publish(tx, deps, now);
  });
}

/** Checks the feed every `intervalMs` until stopped; a check that fails (Kafka down) is logged and tried again. */
export function watchDirectoryFeed(
  check: () => Promise<FeedCheck>,
  intervalMs: number,
  logger?: { warn(o: object, m: string): void },
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= check()
      .then(
        (result) => {
          if (result.published > 0) logger?.warn(result, 'published the directory feed again');
        },
        (error: unknown) => logger?.warn({ err: error }, 'directory feed not checked'),
      )
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

const FEED_LOCK = 'SELECT pg_advisory_xact_lock(727102)';

/** A row from before offsets were recorded: the topic holds fewer messages than the snapshot had. */
const lacks = (now: TopicOffsets, row: FeedRow) => messagesSince([], now) < row.messages;

// Raw SQL on directory_feed (a one-row record, not a read model the routes query): read and written
// under the feed's advisory lock in the transaction that enqueues the snapshot.
async function feedRow(sql: Sql): Promise<FeedRow | undefined> {
  const [row] = await sql.query<FeedRow>(
    `SELECT messages, publications, topic_offsets, confirmed_at IS NOT NULL AS confirmed
     FROM directory_feed WHERE version = $1`,
    [FEED_VERSION],
  );
  return row;
}

/** Enqueues every entity's state, folded from the directory's events read in this transaction. */
async function publish(tx: Sql, deps: DirectoryFeedDeps, offsets: TopicOffsets): Promise<number> {
  const messages = await snapshot(tx, deps.store, deps.topic);
  await deps.store.enqueue(messages, { tx });
  await tx.query(
    `INSERT INTO directory_feed (version, published_at, messages, publications, topic_offsets)
     VALUES ($1, now(), $2, 1, $3)
     ON CONFLICT (version) DO UPDATE SET published_at = now(), messages = EXCLUDED.messages,
       publications = directory_feed.publications + 1, topic_offsets = EXCLUDED.topic_offsets, confirmed_at = NULL`,
    [FEED_VERSION, messages.length, JSON.stringify(offsets)],
  );
  return messages.length;
}

async function snapshot(tx: Sql, store: EventStore, topic: string): Promise<OutboxMessage[]> {
  const events = await store.readTypes<DirectoryEvents>(directoryEventTypes, { tx });
  const entities = new Map<string, { state: DirectoryState; at: string }>();
  for (const stored of events) {
    const before = entities.get(stored.streamId)?.state ?? { status: 'none' };
    const event = { type: stored.type, data: stored.data } as DirectoryEvents;
    entities.set(stored.streamId, { state: evolve(before, event), at: stored.data.at });
  }
  return [...entities.values()].flatMap(({ state, at }) => stateMessage(topic, state, at) ?? []);
}
