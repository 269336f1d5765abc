import type { Projection, Sql, StoredEvent, Tx } from '@parcours/eventstore';
import { type ReferralEvent, referralEventTypes, type Urgency } from '../referral.ts';

export const urgencyRank: Record<Urgency, number> = { immediate: 0, high: 1, normal: 2, low: 3 };

type Proposal = Extract<ReferralEvent, { type: 'ReferralProposed' }>['data'];

/**
 * Proposals as inbox rows; a queued referral proposed later keeps its row, with the values below.
 * Raw SQL: one unnest statement per batch on the inline path of every routing (bench/intake-referral).
 */
async function insertProposals(tx: Sql, proposals: Proposal[]) {
  const column = <T>(value: (d: Proposal) => T) => proposals.map(value);
  const office = (d: Proposal) => (d.target.kind === 'foreign-organisation' ? undefined : d.target);
  const from = (d: Proposal) => (d.from.kind === 'office' ? d.from : undefined);
  await tx.query(
    `INSERT INTO referral_inbox (referral_id, case_id, intake_id, status, mode, target_kind, association_id, office_id,
       organisation_id, from_association_id, from_office_id, urgency, urgency_rank, offence_category, needs, reasons,
       due_at, redirected_from, proposed_at, updated_at)
     SELECT r.referral_id, r.case_id, r.intake_id, 'proposed', r.mode, r.target_kind, r.association_id, r.office_id,
       r.organisation_id, r.from_association_id, r.from_office_id, r.urgency, r.urgency_rank, r.offence_category,
       r.needs, r.reasons, r.due_at, r.redirected_from, r.at, r.at
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::text[], $12::smallint[], $13::text[], $14::jsonb[], $15::jsonb[],
       $16::timestamptz[], $17::text[], $18::timestamptz[])
       AS r(referral_id, case_id, intake_id, mode, target_kind, association_id, office_id, organisation_id,
         from_association_id, from_office_id, urgency, urgency_rank, offence_category, needs, reasons, due_at,
         redirected_from, at)
     ON CONFLICT (referral_id) DO UPDATE SET status = 'proposed', mode = excluded.mode,
       target_kind = excluded.target_kind, association_id = excluded.association_id, office_id = excluded.office_id,
       organisation_id = excluded.organisation_id, reasons = excluded.reasons, due_at = excluded.due_at,
       queue_reason = NULL, updated_at = excluded.updated_at
     WHERE referral_inbox.status = 'queued'`,
    [
      column((d) => d.referralId),
      column((d) => d.caseId),
      column((d) => d.intakeId),
      column((d) => d.mode),
      column((d) => d.target.kind),
      column((d) => office(d)?.associationId ?? null),
      column((d) => office(d)?.officeId ?? null),
      column((d) => (d.target.kind === 'foreign-organisation' ? d.target.organisationId : null)),
      column((d) => from(d)?.associationId ?? null),
      column((d) => from(d)?.officeId ?? null),
      column((d) => d.urgency),
      column((d) => urgencyRank[d.urgency]),
      column((d) => d.offenceCategory),
      column((d) => JSON.stringify(d.needs)),
      column((d) => JSON.stringify(d.reasons)),
      column((d) => d.deadlines.dueAt),
      column((d) => d.redirectedFrom ?? null),
      column((d) => d.at),
    ],
    'referral_inbox_propose',
  );
}

/**
 * Applies referral events to the inbox, in order: runs of proposals of distinct referrals (what
 * routing produces under load) in one statement, every other event on its own. Inserts ignore a
 * row already there and updates set absolute values, so a replay gives the same rows.
 */
async function applyToInbox(tx: Sql, events: readonly ReferralEvent[]): Promise<void> {
  let run = new Map<string, Proposal>();
  const flush = async () => {
    if (run.size > 0) await insertProposals(tx, [...run.values()]);
    run = new Map();
  };
  for (const event of events) {
    if (event.type !== 'ReferralProposed') {
      await flush();
      await applyOne(tx, event);
      continue;
    }
    if (run.has(event.data.referralId)) await flush();
    run.set(event.data.referralId, event.data);
  }
  await flush();
}

const asEvent = (stored: StoredEvent<ReferralEvent>) =>
  ({ type: stored.type, data: stored.data }) as ReferralEvent;

/**
 * Office inboxes (and the national queue), one row per referral, as an inline projection: the event
 * store writes it in each append's transaction, so a referral is in the inbox when its command
 * commits; the runner only rebuilds it.
 */
export const referralInbox: Projection<ReferralEvent> = {
  name: 'referral-inbox',
  types: referralEventTypes,
  inline: true,
  applyBatch: (tx: Tx, events: StoredEvent<ReferralEvent>[]) => applyToInbox(tx, events.map(asEvent)),
  apply: (tx: Tx, stored: StoredEvent<ReferralEvent>) => applyToInbox(tx, [asEvent(stored)]),
  async reset(tx: Tx) {
    await tx.query('TRUNCATE referral_inbox');
  },
};

// Raw SQL like insertProposals: this runs in the append's transaction of every referral command.
async function applyOne(tx: Sql, event: ReferralEvent): Promise<void> {
  const update = (set: string, params: unknown[]) =>
    tx.query(`UPDATE referral_inbox SET ${set}, updated_at = $2 WHERE referral_id = $1`, [
      event.data.referralId,
      event.data.at,
      ...params,
    ]);
  switch (event.type) {
    case 'ReferralQueued': {
      const d = event.data;
      await tx.query(
        `INSERT INTO referral_inbox (referral_id, case_id, intake_id, status, urgency, urgency_rank, offence_category,
             needs, reasons, queue_reason, candidates, proposed_at, updated_at)
           VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7, $8, $9, $10, $11, $11)
           ON CONFLICT (referral_id) DO NOTHING`,
        [
          d.referralId,
          d.caseId,
          d.intakeId,
          d.urgency,
          urgencyRank[d.urgency],
          d.offenceCategory,
          JSON.stringify(d.needs),
          JSON.stringify(d.reasons),
          d.why,
          d.candidates ? JSON.stringify(d.candidates) : null,
          d.at,
        ],
      );
      return;
    }
    case 'ReferralProposed':
      await insertProposals(tx, [event.data]);
      return;
    case 'ReferralAccepted':
      await update(`status = 'accepted'`, []);
      return;
    case 'ReferralDeclined':
      await update(`status = 'declined', decline_reason = $3`, [event.data.reason]);
      return;
    case 'ReferralRedirected':
      await update(`status = 'redirected', redirected_to = $3`, [event.data.newReferralId]);
      return;
    case 'ReferralRevoked':
      await update(`status = 'revoked'`, []);
      return;
    case 'ReferralServiceAdded':
      // The holder keeps its row; the new referral arrives with its own proposal.
      return;
    case 'ReferralReminderSent':
      await update(
        `reminders_sent = CASE WHEN reminders_sent ? $3 THEN reminders_sent ELSE reminders_sent || to_jsonb($3::text) END`,
        [event.data.reminder],
      );
      return;
    case 'ReferralExpired':
      await update(`status = 'expired', escalated = true`, []);
      return;
    case 'ReferralDone':
      await update(`status = 'done', outcome = $3`, [JSON.stringify(event.data.outcome)]);
      return;
  }
}
