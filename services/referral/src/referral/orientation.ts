import { createHash } from 'node:crypto';
import type { IntakeReadyForOrientation } from '@parcours/contracts';
import type { Geography } from '@parcours/geography';
import type { CommandMetadata } from '@parcours/service-kit';
import type { DirectoryIndex } from '../directory/index.ts';
import { type RoutingDecision, route } from '../routing/route.ts';
import type { ReferralCommand } from './decide.ts';
import type { CaseFacts, Sender, Target, Urgency } from './referral.ts';

/** A UUID-shaped id named by a seed (SHA-256 of it): the same seed always gives the same id. */
export function nameBasedId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * One referral per intake event: the id is derived from the event id, so even a replay past the
 * inbox would find the referral already proposed (a no-op) instead of making a second one.
 */
export const referralIdFor = (eventId: string): string => nameBasedId(`referral:${eventId}`);

/**
 * The command an intake ready for orientation becomes (pure): routed, then proposed, or queued for
 * the national platform when the rules cannot place it.
 */
export function orientation(
  event: IntakeReadyForOrientation,
  directory: DirectoryIndex,
  geography: Geography,
  metadata: CommandMetadata,
): { referralId: string; command: ReferralCommand; decision: RoutingDecision } {
  const data = event.data;
  const decision = route(data, directory, geography, metadata.now.toISOString().slice(0, 10));
  const referralId = referralIdFor(event.id);
  const facts: CaseFacts = {
    caseId: data.caseId,
    intakeId: data.intakeId,
    urgency: data.urgency as Urgency,
    offenceCategory: data.offenceCategory,
    needs: [...data.needs],
    consent: {
      sharing: data.consent.sharing,
      ...(data.consent.override ? { override: data.consent.override } : {}),
    },
    ...(data.origin?.associationId ? { originAssociationId: data.origin.associationId } : {}),
  };
  const from: Sender =
    data.origin?.officeId && data.origin.associationId
      ? { kind: 'office', associationId: data.origin.associationId, officeId: data.origin.officeId }
      : { kind: 'national-platform' };
  if (decision.kind === 'national-queue' || decision.kind === 'ask-commune') {
    const command: ReferralCommand = {
      type: 'QueueReferral',
      data: {
        ...facts,
        referralId,
        why: decision.kind === 'ask-commune' ? 'ask-commune' : decision.why,
        ...(decision.kind === 'ask-commune' ? { candidates: decision.candidates } : {}),
        reasons: decision.reasons,
      },
      metadata,
    };
    return { referralId, command, decision };
  }
  const command: ReferralCommand = {
    type: 'ProposeReferral',
    data: {
      ...facts,
      referralId,
      mode: 'transfer',
      from,
      target: targetOf(decision),
      reasons: decision.reasons,
    },
    metadata,
  };
  return { referralId, command, decision };
}

function targetOf(decision: Exclude<RoutingDecision, { kind: 'national-queue' | 'ask-commune' }>): Target {
  switch (decision.kind) {
    case 'office':
      return { kind: 'office', associationId: decision.associationId, officeId: decision.officeId };
    case 'partner-association':
      return {
        kind: 'partner-association',
        associationId: decision.associationId,
        officeId: decision.officeId,
        agreementId: decision.agreementId,
      };
    case 'foreign-organisation':
      return {
        kind: 'foreign-organisation',
        organisationId: decision.organisationId,
        countryCode: decision.countryCode,
      };
  }
}
