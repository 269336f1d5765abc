import type { Job, JobHandler } from '@parcours/eventstore';
import type { ReferralCommand } from './decide.ts';
import { schedulerIdentity } from './identities.ts';
import { type DeadlineKind, type ReferralEvent, referralStreamId } from './referral.ts';
import type { ReferralService } from './service.ts';

/** The job kind of a referral's reminders and expiry on the event store's schedule. */
export const DEADLINE_JOB = 'referral-deadline';

interface DeadlinePayload {
  referralId: string;
  deadline: DeadlineKind;
}

/**
 * A proposal's reminders and expiry as scheduled jobs, one per deadline (keyed by referral and
 * deadline: scheduling them again changes nothing). One referral's jobs form a group, so two
 * instances never fire a reminder and the expiry of one referral at once (they would race on its
 * stream).
 */
export function deadlineJobs(
  proposals: readonly Extract<ReferralEvent, { type: 'ReferralProposed' }>['data'][],
): Job<DeadlinePayload>[] {
  return proposals.flatMap(({ referralId, deadlines }) =>
    [
      ...deadlines.reminders.map((r) => ({ deadline: r.kind, at: r.at })),
      { deadline: 'expiry' as const, at: deadlines.dueAt },
    ].map(({ deadline, at }) => ({
      key: `${DEADLINE_JOB}:${referralId}:${deadline}`,
      kind: DEADLINE_JOB,
      dueAt: at,
      group: referralStreamId(referralId),
      payload: { referralId, deadline },
    })),
  );
}

/**
 * Fires a deadline in the scheduler's transaction: the command is a no-op when the referral was
 * answered meanwhile or the reminder already sent.
 */
export function deadlineHandlers(referrals: ReferralService): Record<string, JobHandler<DeadlinePayload>> {
  return {
    [DEADLINE_JOB]: async (tx, { payload, now }) => {
      const metadata = { now, actor: schedulerIdentity };
      const command: ReferralCommand =
        payload.deadline === 'expiry'
          ? { type: 'ExpireReferral', data: {}, metadata }
          : { type: 'SendReminder', data: { reminder: payload.deadline }, metadata };
      await referrals.execute(payload.referralId, command, metadata, tx);
    },
  };
}
