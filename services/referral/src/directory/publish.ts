import {
  DirectoryAgreementV1,
  DirectoryOfficeV1,
  DirectoryPartnerV1,
  type OutboxMessage,
  toOutboxMessage,
} from '@parcours/contracts';
import type { Database, EventStore, Sql } from '@parcours/eventstore';
import { type DirectoryEvents, type DirectoryState, directoryEventTypes, evolve } from './directory.ts';

/**
 * What the directory tells the other services (topic `directory.events.v1`, compacted): each
 * office, partner and agreement as it now is, keyed by its stream. Associations' coverage and
 * foreign organisations stay inside the referral service (routing is its own).
 *
 * A change made by a command publishes the entity's new state with the command (its outbox);
 * `publishDirectorySnapshot` publishes every entity once per FEED_VERSION (the seed, a directory
 * that existed before the feed, a contract that gained a field), so the feed is whole from the start.
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

/**
 * Publishes the state of every office, partner and agreement, once per FEED_VERSION: in one
 * transaction under an advisory lock, folded from the directory's events read in that transaction,
 * marked done in `directory_feed`. Two instances booting together publish once. Returns how many
 * messages it wrote (0 when this version was already published). A command committing meanwhile
 * publishes its own, later state: consumers keep the state with the latest `at`.
 */
export async function publishDirectorySnapshot(
  db: Database,
  store: EventStore,
  topic: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727102)');
    const [done] = await tx.query('SELECT 1 FROM directory_feed WHERE version = $1', [FEED_VERSION]);
    if (done) return 0;
    const messages = await snapshot(tx, topic);
    await store.enqueue(messages, { tx });
    await tx.query('INSERT INTO directory_feed (version, published_at, messages) VALUES ($1, now(), $2)', [
      FEED_VERSION,
      messages.length,
    ]);
    return messages.length;
  });
}

async function snapshot(tx: Sql, topic: string): Promise<OutboxMessage[]> {
  const rows = await tx.query<{
    stream_id: string;
    type: DirectoryEvents['type'];
    data: DirectoryEvents['data'];
  }>(`SELECT stream_id, type, data FROM es_events WHERE type = ANY($1) ORDER BY stream_id, stream_version`, [
    directoryEventTypes,
  ]);
  const entities = new Map<string, { state: DirectoryState; at: string }>();
  for (const row of rows) {
    const before = entities.get(row.stream_id)?.state ?? { status: 'none' };
    const event = { type: row.type, data: row.data } as DirectoryEvents;
    entities.set(row.stream_id, { state: evolve(before, event), at: row.data.at });
  }
  return [...entities.values()].flatMap(({ state, at }) => stateMessage(topic, state, at) ?? []);
}
