import {
  type EventOf,
  IntakeReadyForOrientation,
  type IntegrationEvent,
  ReferralAcceptedV1,
  ReferralProposedV1,
} from '@parcours/contracts';
import { type Database, processOnce } from '@parcours/eventstore';
import type { MessageContext, MessageHandler } from '@parcours/messaging';
import { caseFactsOf } from './case/case.ts';
import { type FollowUpService, systemMetadata } from './service.ts';

export const CASE_CONSUMER = 'follow-up-cases';

type Proposed = ReferralProposedV1['data'];
type Accepted = EventOf<typeof ReferralAcceptedV1>['data'];

/**
 * Intake's and referral's events become the case's facts and referrals, and the files they open or
 * close, in the same transaction as the inbox row that marks the event processed: a message
 * delivered twice has no second effect. Other events on those topics are not this service's.
 */
export function caseHandler(
  db: Database<any>,
  followUp: FollowUpService,
  clock: () => Date = () => new Date(),
): MessageHandler {
  return async (event: IntegrationEvent, ctx: MessageContext) => {
    const command = caseCommandOf(event);
    if (!command) return;
    await processOnce(db, CASE_CONSUMER, event.id, async (tx) => {
      const metadata = systemMetadata(clock(), {
        id: event.id,
        ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}),
      });
      await followUp.recordOnCase(command.caseId, { ...command.command, metadata }, metadata, tx);
    });
  };
}

function caseCommandOf(event: IntegrationEvent) {
  switch (event.type) {
    case IntakeReadyForOrientation.type: {
      const facts = caseFactsOf(event as IntakeReadyForOrientation);
      return {
        caseId: facts.caseId,
        command: { type: 'RecordIntake' as const, data: { facts, at: event.time } },
      };
    }
    case ReferralProposedV1.type: {
      const d = event.data as Proposed;
      return {
        caseId: d.caseId,
        command: {
          type: 'RecordReferralProposed' as const,
          data: { referralId: d.referralId, mode: d.mode, from: d.from, target: d.target, at: d.at },
        },
      };
    }
    case ReferralAcceptedV1.type: {
      const d = event.data as Accepted;
      return {
        caseId: d.caseId,
        command: {
          type: 'RecordReferralAccepted' as const,
          data: { referralId: d.referralId, mode: d.mode, target: d.target, at: d.at },
        },
      };
    }
    default:
      return undefined;
  }
}
