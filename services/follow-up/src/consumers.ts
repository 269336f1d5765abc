import {
  type EventOf,
  type IntakeReadyForOrientation,
  IntakeReadyForOrientationV1,
  IntakeReadyForOrientationV2,
  type IntegrationEvent,
  MediationAgreedV1,
  MediationRefusedV1,
  MediationReturnedV1,
  ReferralAcceptedV1,
  ReferralProposedV1,
} from '@parcours/contracts';
import { type Database, processBatchOnce, processOnce } from '@parcours/eventstore';
import type { BatchHandler, MessageContext, MessageHandler } from '@parcours/messaging';
import { caseFactsOf } from './case/case.ts';
import { type FollowUpService, systemMetadata } from './service.ts';

export const CASE_CONSUMER = 'follow-up-cases';
export const MEDIATION_CONSUMER = 'follow-up-mediations';

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
  const mediations = mediationHandler(db, followUp, clock);
  return async (event: IntegrationEvent, ctx: MessageContext) => {
    if (event.type.startsWith('fr.parcours.mediation.')) return mediations(event, ctx);
    if (!caseCommandOf(event)) return;
    await processOnce(db, CASE_CONSUMER, event.id, (tx) =>
      followUp.recordOnCases([caseItem(event, ctx, clock())], tx),
    );
  };
}

/**
 * The same for the messages of one fetch: one transaction records their ids in the inbox and applies
 * the new ones in order, together (FollowUpService.recordOnCases; a case's messages share a
 * partition). If anything fails, the consumer hands them to the handler above one by one.
 */
export function caseBatchHandler(
  db: Database<any>,
  followUp: FollowUpService,
  clock: () => Date = () => new Date(),
): BatchHandler {
  const single = caseHandler(db, followUp, clock);
  return async (messages) => {
    const cases = messages.filter(({ event }) => caseCommandOf(event));
    const now = clock();
    await processBatchOnce(
      db,
      CASE_CONSUMER,
      cases.map(({ event, ctx }) => ({ id: event.id, event, ctx })),
      (tx, fresh) =>
        followUp.recordOnCases(
          fresh.map(({ event, ctx }) => caseItem(event, ctx, now)),
          tx,
        ),
    );
    for (const { event, ctx } of messages) if (!caseCommandOf(event)) await single(event, ctx);
  };
}

function caseItem(event: IntegrationEvent, ctx: MessageContext, now: Date) {
  const { caseId, command } = caseCommandOf(event)!;
  const metadata = systemMetadata(now, {
    id: event.id,
    ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}),
  });
  return { caseId, command: { ...command, metadata }, metadata };
}

function caseCommandOf(event: IntegrationEvent) {
  switch (event.type) {
    case IntakeReadyForOrientationV1.type:
    case IntakeReadyForOrientationV2.type: {
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

type MediationOutcome = 'agreement' | 'declined-by-prosecutor' | 'returned-to-prosecutor';
const outcomes: Record<string, MediationOutcome> = {
  [MediationAgreedV1.type]: 'agreement',
  [MediationRefusedV1.type]: 'declined-by-prosecutor',
  [MediationReturnedV1.type]: 'returned-to-prosecutor',
};

/**
 * A mediation requested from a file reports its outcome on mediation.events.v1: the file records it
 * (and its closure no longer waits for it). Mandates a prosecutor ordered directly name no file.
 */
export function mediationHandler(
  db: Database<any>,
  followUp: FollowUpService,
  clock: () => Date = () => new Date(),
): MessageHandler {
  return async (event: IntegrationEvent, ctx: MessageContext) => {
    const outcome = outcomes[event.type];
    const { fileId, requestId } = event.data as { fileId?: string; requestId?: string };
    if (!outcome || !fileId || !requestId) return;
    await processOnce(db, MEDIATION_CONSUMER, event.id, async (tx) => {
      const metadata = systemMetadata(clock(), {
        id: event.id,
        ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}),
      });
      await followUp.execute(
        fileId,
        { type: 'RecordMediationOutcome', data: { mediationRequestId: requestId, outcome }, metadata },
        metadata,
        tx,
      );
    });
  };
}
