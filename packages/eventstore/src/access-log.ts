import type { Database, Sql } from './database.ts';
import { readModels } from './read-models.ts';

/** What was read: a file of one kind (an intake, a follow-up file) and its id. */
export interface AccessSubject {
  kind: string;
  id: string;
}

export interface AccessLogRecord {
  at: Date;
  actor: string;
  subject: AccessSubject;
  purpose: string;
}

/**
 * Writes who reads a file with personal data, and why, before the data leaves: in the caller's
 * transaction when given, so a read that cannot be logged does not happen.
 */
export async function logAccess(
  sql: Sql,
  entry: { actor: string; subject: AccessSubject; purpose: string },
): Promise<void> {
  await sql.query(
    'INSERT INTO es_access_log (actor, subject_kind, subject_id, purpose) VALUES ($1, $2, $3, $4)',
    [entry.actor, entry.subject.kind, entry.subject.id, entry.purpose],
    'es_access_log_insert',
  );
}

export interface AccessLogQuery {
  subject?: AccessSubject;
  actor?: string;
  /** From this instant, included. */
  from?: Date;
  /** Until this instant, excluded. */
  to?: Date;
  /** The `next` of the previous page. */
  after?: string;
  /** Default 100, at most 1,000. */
  limit?: number;
}

/**
 * The access log for an auditor, oldest first: by subject, by actor, by period, any combination,
 * a page at a time (`next` is there while more entries follow).
 */
export async function queryAccessLog(
  db: Database,
  query: AccessLogQuery,
): Promise<{ items: AccessLogRecord[]; next?: string }> {
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 1_000);
  let select = readModels(db.em())
    .selectFrom('es_access_log')
    .select(['id', 'at', 'actor', 'subjectKind', 'subjectId', 'purpose'])
    .orderBy('id')
    .limit(limit + 1);
  if (query.subject) {
    select = select.where('subjectKind', '=', query.subject.kind).where('subjectId', '=', query.subject.id);
  }
  if (query.actor) select = select.where('actor', '=', query.actor);
  if (query.from) select = select.where('at', '>=', query.from);
  if (query.to) select = select.where('at', '<', query.to);
  if (query.after) select = select.where('id', '>', query.after);
  const rows = await select.execute();
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({
      at: row.at,
      actor: row.actor,
      subject: { kind: row.subjectKind, id: row.subjectId },
      purpose: row.purpose,
    })),
    ...(rows.length > limit ? { next: page.at(-1)!.id } : {}),
  };
}
