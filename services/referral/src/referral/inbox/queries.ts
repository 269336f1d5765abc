import { type EntityManagerOf, readModels } from '@parcours/eventstore';
import type { Static } from '@sinclair/typebox';
import type { referralEntities } from '../../entities.ts';
import { type Reason, reasonText } from '../../routing/reasons.ts';
import type { Item, ListQuery } from '../schemas.ts';

type Em = EntityManagerOf<typeof referralEntities>;
type Row = Awaited<ReturnType<typeof inboxRows>>[number];

const inbox = (em: Em) => readModels(em).selectFrom('referral_inbox');
const inboxRows = (em: Em) => inbox(em).selectAll().execute();

/** A proposal past its answer deadline, at `now`. */
const isOverdue = (row: Pick<Row, 'status' | 'dueAt'>, now: Date) =>
  row.status === 'proposed' && !!row.dueAt && row.dueAt < now;

/** Reasons as the API gives them: the code, its values, and the English for a client without the code. */
export const withText = (reasons: readonly Reason[]) => reasons.map((r) => ({ ...r, text: reasonText(r) }));

function toItem(row: Row, readOnly: boolean, now: Date): Static<typeof Item> {
  return {
    referralId: row.referralId,
    caseId: row.caseId,
    intakeId: row.intakeId,
    status: row.status,
    mode: row.mode ?? null,
    associationId: row.associationId ?? null,
    officeId: row.officeId ?? null,
    organisationId: row.organisationId ?? null,
    fromOfficeId: row.fromOfficeId ?? null,
    urgency: row.urgency,
    offenceCategory: row.offenceCategory,
    needs: row.needs,
    reasons: withText(row.reasons as Reason[]),
    queueReason: row.queueReason ?? null,
    candidates: row.candidates ?? null,
    dueAt: row.dueAt ? row.dueAt.toISOString() : null,
    overdue: isOverdue(row, now),
    remindersSent: row.remindersSent,
    escalated: row.escalated,
    declineReason: row.declineReason ?? null,
    redirectedTo: row.redirectedTo ?? null,
    redirectedFrom: row.redirectedFrom ?? null,
    outcome: row.outcome ?? null,
    readOnly,
    proposedAt: row.proposedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * An office's referrals, received (its inbox) or sent (the read-only trace of what it handed
 * over): proposals first, most urgent and soonest due first.
 */
export async function officeReferrals(em: Em, officeId: string, q: Static<typeof ListQuery>, now: Date) {
  let query = inbox(em).where(q.box === 'sent' ? 'fromOfficeId' : 'officeId', '=', officeId);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.urgency) query = query.where('urgency', '=', q.urgency);
  if (q.overdue === true) query = query.where('status', '=', 'proposed').where('dueAt', '<', now);
  if (q.overdue === false)
    query = query.where((eb) => eb.or([eb('status', '!=', 'proposed'), eb('dueAt', '>=', now)]));
  const [count] = await query.select((eb) => eb.fn.countAll<string>().as('n')).execute();
  const rows = await query
    .selectAll()
    .orderBy((eb) => eb('status', '=', 'proposed'), 'desc')
    .orderBy('urgencyRank')
    .orderBy('dueAt', (ob) => ob.asc().nullsLast())
    .orderBy('referralId')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return {
    items: rows.map((row) => toItem(row, q.box === 'sent', now)),
    total: Number(count?.n ?? 0),
    limit: q.limit,
    offset: q.offset,
  };
}

/** The national platform's queue: most urgent, then oldest first. */
export async function nationalQueue(em: Em, limit: number, offset: number, now: Date) {
  const query = inbox(em).where('status', '=', 'queued');
  const [count] = await query.select((eb) => eb.fn.countAll<string>().as('n')).execute();
  const rows = await query
    .selectAll()
    .orderBy('urgencyRank')
    .orderBy('proposedAt')
    .orderBy('referralId')
    .limit(limit)
    .offset(offset)
    .execute();
  return { items: rows.map((row) => toItem(row, false, now)), total: Number(count?.n ?? 0), limit, offset };
}

/**
 * A case's referrals, oldest first, those `visible` lets through (the caller's access rule); read-only
 * unless addressed to the reader's office.
 */
export async function caseReferrals(
  em: Em,
  caseId: string,
  reader: { office?: string | undefined },
  visible: (row: Row) => boolean,
  now: Date,
) {
  const rows = await inbox(em)
    .selectAll()
    .where('caseId', '=', caseId)
    .orderBy('proposedAt')
    .orderBy('referralId')
    .execute();
  return rows.filter(visible).map((row) => toItem(row, row.officeId !== reader.office, now));
}
