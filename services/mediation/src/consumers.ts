import { createHash } from 'node:crypto';
import { type EventOf, FileMediationRequestedV1, type IntegrationEvent } from '@parcours/contracts';
import { type Database, processOnce } from '@parcours/eventstore';
import type { MessageContext, MessageHandler } from '@parcours/messaging';
import { requestsIdentity } from './identities.ts';
import type { MandateCommand } from './mandate/commands.ts';
import { onMediationRequested } from './mandate/reactions.ts';
import type { MediationService } from './service.ts';

export const REQUESTS_CONSUMER = 'mediation-requests';

/** One mandate per request: its id derived from the request's, so a replay finds it already there. */
export function mandateIdFor(mediationRequestId: string): string {
  const h = createHash('sha256').update(`mediation:${mediationRequestId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Requested = EventOf<typeof FileMediationRequestedV1>;

/**
 * A follow-up file's mediation request opens a mandate awaiting the prosecutor, in the transaction
 * of the inbox row that marks the event processed. Other follow-up events are not ours.
 */
export function requestHandler(
  db: Database<any>,
  mediation: MediationService,
  clock: () => Date = () => new Date(),
): MessageHandler {
  return async (event: IntegrationEvent, ctx: MessageContext) => {
    if (event.type !== FileMediationRequestedV1.type) return;
    const data = (event as Requested).data;
    const metadata = {
      now: clock(),
      actor: requestsIdentity,
      causationId: event.id,
      ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}),
    };
    const reaction = onMediationRequested(
      {
        requestId: data.mediationRequestId,
        caseId: data.caseId,
        fileId: data.fileId,
        associationId: data.associationId,
        officeId: data.officeId,
        // The court is not always known when the file asks: the prosecutor's office stands for it.
        court: data.court ?? data.prosecutorOffice ?? 'unknown-court',
        offenceCategory: data.offenceCategory,
      },
      { mandateId: mandateIdFor(data.mediationRequestId) },
    );
    await processOnce(db, REQUESTS_CONSUMER, event.id, async (tx) => {
      const command = { ...reaction.command, metadata } as MandateCommand;
      await mediation.executeMandate(reaction.mandateId, command, metadata, tx);
    });
  };
}
