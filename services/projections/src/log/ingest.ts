import type { IntegrationEvent } from '@parcours/contracts';
import { type Database, processBatchOnce, type Tx } from '@parcours/eventstore';
import type { Geography } from '@parcours/geography';
import type { MessageContext } from '@parcours/messaging';
import { applyOffices } from '../cases/offices.ts';
import { refoldCases } from '../cases/store.ts';
import { appendToLog, DIRECTORY_KEY, type LogEvent, toLogEvent } from './log.ts';

export const CONSUMER = 'projections';
/** Held shared by every batch of the consumer, exclusively by a rebuild's chunk (rebuild/rebuild.ts). */
export const VIEWS_LOCK = 727_500;

/** What a batch changed: the cases folded again, for the live notices. */
export interface Ingested {
  appended: LogEvent[];
  cases: string[];
}

/**
 * One batch of integration events, in one transaction: the inbox drops what was handled before,
 * the log keeps the new ones, the directory's offices are updated and every case they touch is
 * folded again from the log, so a redelivery, a duplicate or a reordering changes nothing.
 */
export async function ingest(
  db: Database,
  geography: Geography,
  messages: readonly { event: IntegrationEvent; topic: string }[],
): Promise<Ingested> {
  const events = messages.map(({ event, topic }) => toLogEvent(topic, event));
  let result: Ingested = { appended: [], cases: [] };
  await processBatchOnce(
    db,
    CONSUMER,
    events.map((event) => ({ ...event, id: event.eventId })),
    async (tx: Tx, fresh) => {
      await tx.query('SELECT pg_advisory_xact_lock_shared($1)', [VIEWS_LOCK]);
      const appended = await appendToLog(tx, fresh);
      result = await applyToViews(tx, appended, geography);
    },
  );
  return result;
}

export async function applyToViews(tx: Tx, appended: LogEvent[], geography: Geography): Promise<Ingested> {
  const directory = appended.filter((event) => event.caseKey === DIRECTORY_KEY);
  const cases = [
    ...new Set(appended.filter((e) => e.caseKey !== DIRECTORY_KEY).map((e) => e.caseKey)),
  ].sort();
  if (directory.length > 0) await applyOffices(tx, directory, geography);
  await refoldCases(tx, cases);
  if (appended.length > 0)
    await tx.query(`UPDATE pj_views SET applied_at = now() WHERE name = ANY($1::text[])`, [
      [...(cases.length ? ['cases'] : []), ...(directory.length ? ['directory'] : [])],
    ]);
  return { appended, cases };
}

export const consumerHandlers = (
  db: Database,
  geography: Geography,
  changed: (ingested: Ingested) => void,
) => ({
  handler: async (event: IntegrationEvent, ctx: MessageContext) => {
    changed(await ingest(db, geography, [{ event, topic: ctx.topic }]));
  },
  batchHandler: async (messages: { event: IntegrationEvent; ctx: MessageContext }[]) => {
    changed(
      await ingest(
        db,
        geography,
        messages.map(({ event, ctx }) => ({ event, topic: ctx.topic })),
      ),
    );
  },
});
