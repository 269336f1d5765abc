import { IntakeReadyForOrientation, type IntegrationEvent } from '@parcours/contracts';
import { type Database, processOnce } from '@parcours/eventstore';
import type { MessageContext, MessageHandler } from '@parcours/messaging';
import type { ReferralService } from './service.ts';

export const ROUTING_CONSUMER = 'referral-routing';

/**
 * Intakes ready for orientation become referrals: routed, then proposed (or queued for the national
 * platform) in the same transaction as the inbox row that marks the event processed, so a message
 * delivered twice has no second effect. Other intake events are not this slice's business.
 */
export function orientationHandler(
  db: Database,
  referrals: ReferralService,
  clock: () => Date = () => new Date(),
): MessageHandler {
  return async (event: IntegrationEvent, ctx: MessageContext) => {
    if (event.type !== IntakeReadyForOrientation.type) return;
    await processOnce(db, ROUTING_CONSUMER, event.id, async (tx) => {
      await referrals.orient(
        event as IntakeReadyForOrientation,
        {
          now: clock(),
          actor: { id: 'referral-routing', roles: ['admin'] },
          causationId: event.id,
          ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}),
        },
        tx,
      );
    });
  };
}
