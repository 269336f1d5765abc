import type { DataOf, IntegrationEventContract } from '@parcours/contracts';
import {
  ReferralAcceptedV1,
  ReferralDeclinedV1,
  ReferralDoneV1,
  ReferralExpiredV1,
  ReferralProposedV1,
  ReferralQueuedV1,
  ReferralRedirectedV1,
  ReferralRevokedV1,
  toOutboxMessage,
} from '@parcours/contracts';
import type { OutboxMessage } from '@parcours/eventstore';
import type { TSchema } from '@sinclair/typebox';
import { reasonText } from '../routing/reasons.ts';
import type { ReferralEvent, ReferralState } from './referral.ts';

/**
 * Domain event → integration event, as its outbox row: ids and routing facts only, each `data`
 * checked against its contract by the compiler. The v1 events carry the reasons as English text. Reminders stay inside the service.
 */
export function toIntegrationEvent(
  event: ReferralEvent,
  state: ReferralState,
  envelope: { topic: string; time: string; traceparent: string | undefined },
): OutboxMessage | undefined {
  const message = <Type extends string, Schema extends TSchema>(
    contract: IntegrationEventContract<Type, Schema>,
    data: DataOf<Schema> & { caseId: string },
  ) => toOutboxMessage(contract, { ...envelope, subject: data.caseId, data });
  if (event.type === 'ReferralQueued') {
    const d = event.data;
    return message(ReferralQueuedV1, {
      referralId: d.referralId,
      caseId: d.caseId,
      intakeId: d.intakeId,
      why: d.why,
      ...(d.candidates ? { candidates: d.candidates } : {}),
      reasons: d.reasons.map(reasonText),
      at: d.at,
    });
  }
  if (state.status === 'none' || state.status === 'queued') return undefined;
  const p = state.proposal;
  const base = { referralId: p.referralId, caseId: p.caseId, at: event.data.at };
  switch (event.type) {
    case 'ReferralProposed':
      return message(ReferralProposedV1, {
        ...base,
        intakeId: p.intakeId,
        mode: p.mode,
        from: p.from,
        target: p.target,
        urgency: p.urgency,
        offenceCategory: p.offenceCategory,
        dueAt: p.deadlines.dueAt,
        reasons: p.reasons.map(reasonText),
        ...(p.redirectedFrom ? { redirectedFrom: p.redirectedFrom } : {}),
      });
    case 'ReferralAccepted':
      return message(ReferralAcceptedV1, { ...base, target: p.target, mode: p.mode, by: event.data.by });
    case 'ReferralDeclined':
      return message(ReferralDeclinedV1, {
        ...base,
        target: p.target,
        reason: event.data.reason,
        by: event.data.by,
      });
    case 'ReferralRedirected':
      return message(ReferralRedirectedV1, {
        ...base,
        to: event.data.to,
        newReferralId: event.data.newReferralId,
        reason: event.data.reason,
        by: event.data.by,
      });
    case 'ReferralRevoked':
      return message(ReferralRevokedV1, { ...base, reason: event.data.reason, by: event.data.by });
    case 'ReferralExpired':
      return message(ReferralExpiredV1, { ...base, target: p.target, escalatedTo: event.data.escalatedTo });
    case 'ReferralDone':
      return message(ReferralDoneV1, { ...base, outcome: event.data.outcome, by: event.data.by });
    case 'ReferralReminderSent':
    case 'ReferralServiceAdded': // the new referral's own ReferralProposed tells the network
      return undefined;
  }
}
