import {
  type IntakeReadyForOrientation,
  type IntegrationEvent,
  isIntakeReadyForOrientation,
} from '@parcours/contracts';
import { type Database, processBatchOnce, processOnce } from '@parcours/eventstore';
import type { BatchHandler, MessageContext, MessageHandler } from '@parcours/messaging';
import { routerIdentity } from './identities.ts';
import type { ReferralService } from './service.ts';

export const ROUTING_CONSUMER = 'referral-routing';

/** Routing acts as its own identity, caused by the intake's event, in the intake's trace. */
const routingMetadata = (event: IntegrationEvent, ctx: MessageContext, now: Date) => ({
  now,
  actor: routerIdentity,
  causationId: event.id,
  ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}),
});

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
    if (!isIntakeReadyForOrientation(event)) return;
    await processOnce(db, ROUTING_CONSUMER, event.id, async (tx) => {
      await referrals.orient(event, routingMetadata(event, ctx, clock()), tx);
    });
  };
}

/**
 * The same for a batch of messages: one transaction records their ids in the inbox and routes the
 * new ones, whose referrals are appended in one statement. If anything in the batch fails (a
 * referral that exists already, say), the consumer hands its messages to `orientationHandler` one
 * by one.
 */
export function orientationBatchHandler(
  db: Database,
  referrals: ReferralService,
  clock: () => Date = () => new Date(),
): BatchHandler {
  return async (messages) => {
    const orientations = messages.filter(({ event }) => isIntakeReadyForOrientation(event));
    const now = clock();
    await processBatchOnce(
      db,
      ROUTING_CONSUMER,
      orientations.map(({ event, ctx }) => ({ id: event.id, event, ctx })),
      (tx, fresh) =>
        referrals.orientMany(
          fresh.map(({ event, ctx }) => ({
            event: event as IntakeReadyForOrientation,
            metadata: routingMetadata(event, ctx, now),
          })),
          tx,
        ),
    );
  };
}
