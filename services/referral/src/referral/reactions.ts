import type { CommandMetadata } from '@parcours/service-kit';
import { reason, withReason } from '../routing/reasons.ts';
import type { ProposeReferral, QueueReferral } from './decide.ts';
import { type CaseFacts, officeOf, type ReferralEvent, type ReferralState } from './referral.ts';

/** A command for another referral's stream, run in the transaction of the event that implies it. */
export interface ReferralReaction {
  referralId: string;
  command: ProposeReferral | QueueReferral;
}

export interface ReactionContext {
  /** A name-based id: the same seed always names the same referral, so a replay opens nothing new. */
  newId: (seed: string) => string;
  metadata: CommandMetadata;
}

/**
 * What a referral's event implies for other referrals (pure; the state is the referral after the
 * event):
 * - a redirection proposes the new referral to the office or organisation it names;
 * - an added service proposes a referral (mode `referral`) from the holder's office, which keeps the case;
 * - a transfer declined or left unanswered leaves the case with nobody: it goes back to the national
 *   platform's queue. An added service declined or expired leaves the case with its holder.
 */
export function reactToReferral(
  event: ReferralEvent,
  state: ReferralState,
  context: ReactionContext,
): ReferralReaction[] {
  if (state.status === 'none' || state.status === 'queued') return [];
  const { proposal } = state;
  const { metadata } = context;
  const referralId = proposal.referralId;
  const facts = caseFacts(proposal);
  switch (event.type) {
    case 'ReferralRedirected': {
      const newReferralId = event.data.newReferralId;
      const command: ProposeReferral = {
        type: 'ProposeReferral',
        data: {
          ...facts,
          referralId: newReferralId,
          mode: proposal.mode,
          from: proposal.from,
          target: event.data.to,
          reasons: [reason('redirected', { referralId, by: event.data.by, reason: event.data.reason })],
          redirectedFrom: referralId,
        },
        metadata,
      };
      return [{ referralId: newReferralId, command }];
    }
    case 'ReferralServiceAdded': {
      const holder = proposal.target.kind === 'office' ? proposal.target : undefined;
      const newReferralId = event.data.newReferralId;
      const command: ProposeReferral = {
        type: 'ProposeReferral',
        data: {
          ...facts,
          ...(holder ? { originAssociationId: holder.associationId } : {}),
          referralId: newReferralId,
          mode: 'referral',
          from: holder
            ? { kind: 'office', associationId: holder.associationId, officeId: holder.officeId }
            : { kind: 'national-platform' },
          target: event.data.to,
          reasons: [reason('service-added', { referralId, by: event.data.by, reason: event.data.reason })],
        },
        metadata,
      };
      return [{ referralId: newReferralId, command }];
    }
    case 'ReferralDeclined':
    case 'ReferralExpired': {
      if (proposal.mode !== 'transfer') return [];
      const where = officeOf(proposal.target) ?? 'organisation';
      const why =
        event.type === 'ReferralDeclined'
          ? reason('declined', { by: event.data.by, where, reason: event.data.reason })
          : reason('expired', { where, dueAt: proposal.deadlines.dueAt });
      // One requeue per referral: a referral is declined or expires once.
      const queuedId = context.newId(`requeue:${referralId}`);
      const command: QueueReferral = {
        type: 'QueueReferral',
        data: {
          ...facts,
          referralId: queuedId,
          why: event.type === 'ReferralDeclined' ? 'declined' : 'expired',
          reasons: withReason(proposal.reasons, why),
        },
        metadata,
      };
      return [{ referralId: queuedId, command }];
    }
    default:
      return [];
  }
}

/** The facts of the case a new referral carries on from its predecessor. */
export const caseFacts = (p: CaseFacts): CaseFacts => ({
  caseId: p.caseId,
  intakeId: p.intakeId,
  urgency: p.urgency,
  offenceCategory: p.offenceCategory,
  needs: p.needs,
  consent: p.consent,
  ...(p.originAssociationId ? { originAssociationId: p.originAssociationId } : {}),
});
