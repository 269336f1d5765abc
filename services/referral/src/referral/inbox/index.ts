import type { Projection, StoredEvent, Tx } from '@parcours/eventstore';
import { type ReferralEvent, referralEventTypes, type Urgency } from '../referral.ts';

export const urgencyRank: Record<Urgency, number> = { immediate: 0, high: 1, normal: 2, low: 3 };

/**
 * Office inboxes (and the national queue): one row per referral, fed in global order by the
 * ProjectionRunner. Inserts ignore a row already there and updates set absolute values, so a replay
 * gives the same rows.
 */
export const referralInbox: Projection<ReferralEvent> = {
  name: 'referral-inbox',
  types: referralEventTypes,
  async apply(tx: Tx, stored: StoredEvent<ReferralEvent>) {
    const event = { type: stored.type, data: stored.data } as ReferralEvent;
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
      case 'ReferralProposed': {
        const d = event.data;
        const t = d.target;
        const from = d.from.kind === 'office' ? d.from : undefined;
        // A queued referral proposed later keeps its row: the values below replace the queue's.
        await tx.query(
          `INSERT INTO referral_inbox (referral_id, case_id, intake_id, status, mode, target_kind, association_id, office_id,
             organisation_id, from_association_id, from_office_id, urgency, urgency_rank, offence_category, needs, reasons,
             due_at, redirected_from, proposed_at, updated_at)
           VALUES ($1, $2, $3, 'proposed', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)
           ON CONFLICT (referral_id) DO UPDATE SET status = 'proposed', mode = excluded.mode,
             target_kind = excluded.target_kind, association_id = excluded.association_id, office_id = excluded.office_id,
             organisation_id = excluded.organisation_id, reasons = excluded.reasons, due_at = excluded.due_at,
             queue_reason = NULL, updated_at = excluded.updated_at
           WHERE referral_inbox.status = 'queued'`,
          [
            d.referralId,
            d.caseId,
            d.intakeId,
            d.mode,
            t.kind,
            t.kind === 'foreign-organisation' ? null : t.associationId,
            t.kind === 'foreign-organisation' ? null : t.officeId,
            t.kind === 'foreign-organisation' ? t.organisationId : null,
            from?.associationId ?? null,
            from?.officeId ?? null,
            d.urgency,
            urgencyRank[d.urgency],
            d.offenceCategory,
            JSON.stringify(d.needs),
            JSON.stringify(d.reasons),
            d.deadlines.dueAt,
            d.redirectedFrom ?? null,
            d.at,
          ],
        );
        return;
      }
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
  },
  async reset(tx: Tx) {
    await tx.query('TRUNCATE referral_inbox');
  },
};
