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
