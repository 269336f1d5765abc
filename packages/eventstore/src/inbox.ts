import type { Database, Tx } from './database.ts';

/**
 * A consumer's inbox: the event id is recorded in the same transaction as the effect, so a
 * redelivered event has no second effect. Returns false when the event was already processed.
 */
export async function processOnce(
  db: Database,
  consumer: string,
  eventId: string,
  effect: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    // A concurrent duplicate blocks on the primary key until the first commits, then finds it.
    const inserted = await tx.query(
      'INSERT INTO es_inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
      [consumer, eventId],
    );
    if (inserted.length === 0) return false;
    await effect(tx);
    return true;
  });
}

/**
 * `processOnce` for a batch of events: one transaction records every id and applies the effect to
 * those not processed before (in the order given), so the batch costs a few round trips instead of
 * a few per event. Returns the ids it processed now. If the effect throws, nothing of the batch is
 * kept: the caller can go back to one event at a time.
 */
export async function processBatchOnce<T extends { id: string }>(
  db: Database,
  consumer: string,
  events: readonly T[],
  effect: (tx: Tx, fresh: T[]) => Promise<void>,
): Promise<string[]> {
  if (events.length === 0) return [];
  return db.transaction(async (tx) => {
    // Raw SQL, one statement per fetched batch: the routing consumer's hot path (bench/referral).
    const inserted = await tx.query<{ event_id: string }>(
      `INSERT INTO es_inbox (consumer, event_id) SELECT $1, id FROM unnest($2::text[]) AS id
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, events.map((event) => event.id)],
      'es_inbox_batch',
    );
    // A message twice in one batch (published again after a relay retry) counts once.
    const ids = new Set(inserted.map((row) => row.event_id));
    const fresh = events.filter((event) => ids.delete(event.id));
    if (fresh.length > 0) await effect(tx, fresh);
    return fresh.map((event) => event.id);
  });
}
