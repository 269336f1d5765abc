import type { Decider } from '@parcours/eventstore';
import {
  type CommandMetadata,
  conflict,
  forbidden,
  notFound,
  type Owner,
  unprocessable,
} from '@parcours/service-kit';
import { access, ownerOfSender, ownerOfTarget } from '../access.ts';
import type { Reason } from '../routing/reasons.ts';
import { hasSharingConsent, needsSharingConsent } from '../routing/route.ts';
import {
  associationOf,
  type CaseFacts,
  type DeadlineKind,
  deadlinesFor,
  evolve,
  initialState,
  type Mode,
  type Outcome,
  type QueueReason,
  type ReferralEvent,
  type ReferralState,
  type Sender,
  type Target,
} from './referral.ts';

type Cmd<Type extends string, Data> = { type: Type; data: Data; metadata: CommandMetadata };

export type ProposeReferral = Cmd<
  'ProposeReferral',
  CaseFacts & {
    referralId: string;
    mode: Mode;
    from: Sender;
    target: Target;
    reasons: Reason[];
    redirectedFrom?: string;
  }
>;
export type QueueReferral = Cmd<
  'QueueReferral',
  CaseFacts & { referralId: string; why: QueueReason; candidates?: string[]; reasons: Reason[] }
>;
export type AcceptReferral = Cmd<'AcceptReferral', Record<string, never>>;
export type DeclineReferral = Cmd<'DeclineReferral', { reason: string }>;
export type RedirectReferral = Cmd<'RedirectReferral', { to: Target; newReferralId: string; reason: string }>;
/** A referral in the strict sense: the holder of an accepted referral adds a service elsewhere. */
export type AddService = Cmd<'AddService', { to: Target; newReferralId: string; reason: string }>;
export type RevokeReferral = Cmd<'RevokeReferral', { reason: string }>;
export type SendReminder = Cmd<'SendReminder', { reminder: Exclude<DeadlineKind, 'expiry'> }>;
export type ExpireReferral = Cmd<'ExpireReferral', Record<string, never>>;
export type CompleteReferral = Cmd<'CompleteReferral', { outcome: Outcome }>;

export type ReferralCommand =
  | ProposeReferral
  | QueueReferral
  | AcceptReferral
  | DeclineReferral
  | RedirectReferral
  | AddService
  | RevokeReferral
  | SendReminder
  | ExpireReferral
  | CompleteReferral;

export const ReferralErrors = {
  notFound: () => notFound('referral_not_found', 'No such referral'),
  consentRequired: () =>
    unprocessable(
      'sharing_consent_required',
      'Handing the case to another organisation needs the victim’s consent to sharing or a recorded override',
    ),
  wrongStatus: (status: string, action: string) =>
    conflict('referral_status', `A ${status} referral cannot be ${action}`),
  outOfScope: () => forbidden('referral_out_of_scope', 'This referral is out of your scope'),
  sameTarget: () =>
    unprocessable('same_target', 'A redirection or an added service needs another office or organisation'),
};

/** The receiver answers a proposal (access.ts: `referral.answer`); the sender revokes it (`referral.revoke`). */
function assertMay(action: 'referral.answer' | 'referral.revoke', owner: Owner, metadata: CommandMetadata) {
  if (!access.can(metadata.actor, action, owner)) throw ReferralErrors.outOfScope();
}
const assertReceiver = (state: { proposal: { target: Target } }, metadata: CommandMetadata) =>
  assertMay('referral.answer', ownerOfTarget(state.proposal.target), metadata);
const assertSender = (state: { proposal: { from: Sender } }, metadata: CommandMetadata) =>
  assertMay('referral.revoke', ownerOfSender(state.proposal.from), metadata);

function assertConsent(facts: CaseFacts, target: Target) {
  const origin = facts.originAssociationId ? { associationId: facts.originAssociationId } : undefined;
  if (needsSharingConsent(target, origin) && !hasSharingConsent({ services: true, ...facts.consent }))
    throw ReferralErrors.consentRequired();
}

const sameTarget = (a: Target, b: Target) => JSON.stringify(a) === JSON.stringify(b);

/** A first proposal from an office to that same office: a walk-in routing kept where it is. */
const keptWhereItCameFrom = (p: ProposeReferral['data']) =>
  p.from.kind === 'office' &&
  p.target.kind === 'office' &&
  p.from.officeId === p.target.officeId &&
  !p.redirectedFrom;

export function decide(command: ReferralCommand, state: ReferralState): ReferralEvent[] {
  const { metadata } = command;
  const at = metadata.now.toISOString();
  const by = metadata.actor.id;
  switch (command.type) {
    case 'ProposeReferral': {
      const { data } = command;
      // A redelivered proposal is a no-op; anything else on an existing referral is a conflict.
      if (
        (state.status === 'proposed' || state.status === 'accepted') &&
        state.proposal.referralId === data.referralId &&
        sameTarget(state.proposal.target, data.target)
      )
        return [];
      if (state.status !== 'none' && state.status !== 'queued')
        throw ReferralErrors.wrongStatus(state.status, 'proposed');
      assertConsent(data, data.target);
      const proposed: ReferralEvent = {
        type: 'ReferralProposed',
        data: { ...data, deadlines: deadlinesFor(data.urgency, metadata.now), by, at },
      };
      // A walk-in kept at the office the victim walked into: nobody else has to answer, so the
      // referral is accepted at once, without a round trip through the office's inbox.
      if (keptWhereItCameFrom(data))
        return [proposed, { type: 'ReferralAccepted', data: { referralId: data.referralId, by, at } }];
      return [proposed];
    }
    case 'QueueReferral':
      if (state.status === 'queued') return [];
      if (state.status !== 'none') throw ReferralErrors.wrongStatus(state.status, 'queued');
      return [{ type: 'ReferralQueued', data: { ...command.data, at } }];
    case 'AcceptReferral':
      if (state.status === 'accepted') return [];
      if (state.status !== 'proposed') throw ReferralErrors.wrongStatus(state.status, 'accepted');
      assertReceiver(state, metadata);
      return [{ type: 'ReferralAccepted', data: { referralId: state.proposal.referralId, by, at } }];
    case 'DeclineReferral':
      if (state.status !== 'proposed') throw ReferralErrors.wrongStatus(state.status, 'declined');
      assertReceiver(state, metadata);
      return [
        {
          type: 'ReferralDeclined',
          data: { referralId: state.proposal.referralId, reason: command.data.reason, by, at },
        },
      ];
    case 'RedirectReferral': {
      if (state.status !== 'proposed') throw ReferralErrors.wrongStatus(state.status, 'redirected');
      assertReceiver(state, metadata);
      if (sameTarget(state.proposal.target, command.data.to)) throw ReferralErrors.sameTarget();
      // The redirection hands the case on: the consent rule applies to the new target too.
      assertConsent(state.proposal, command.data.to);
      return [
        {
          type: 'ReferralRedirected',
          data: { referralId: state.proposal.referralId, ...command.data, by, at },
        },
      ];
    }
    case 'AddService': {
      if (state.status !== 'accepted') throw ReferralErrors.wrongStatus(state.status, 'referred on');
      assertReceiver(state, metadata);
      if (sameTarget(state.proposal.target, command.data.to)) throw ReferralErrors.sameTarget();
      // The holder shares the case: the consent rule applies from its own association.
      const holder = associationOf(state.proposal.target);
      assertConsent(
        { ...state.proposal, ...(holder ? { originAssociationId: holder } : {}) },
        command.data.to,
      );
      return [
        {
          type: 'ReferralServiceAdded',
          data: { referralId: state.proposal.referralId, ...command.data, by, at },
        },
      ];
    }
    case 'RevokeReferral':
      if (state.status !== 'proposed' && state.status !== 'accepted')
        throw ReferralErrors.wrongStatus(state.status, 'revoked');
      assertSender(state, metadata);
      return [
        {
          type: 'ReferralRevoked',
          data: { referralId: state.proposal.referralId, reason: command.data.reason, by, at },
        },
      ];
    case 'SendReminder':
      // Fired by the scheduler: a reminder already sent, or a proposal already answered, is a no-op.
      if (state.status !== 'proposed' || state.remindersSent.includes(command.data.reminder)) return [];
      return [
        {
          type: 'ReferralReminderSent',
          data: { referralId: state.proposal.referralId, reminder: command.data.reminder, by, at },
        },
      ];
    case 'ExpireReferral': {
      if (state.status !== 'proposed') return [];
      if (metadata.now.getTime() < Date.parse(state.proposal.deadlines.dueAt)) return [];
      const target = state.proposal.target;
      return [
        {
          type: 'ReferralExpired',
          data: {
            referralId: state.proposal.referralId,
            escalatedTo: {
              role: 'office-manager',
              ...(target.kind === 'foreign-organisation'
                ? {}
                : { associationId: target.associationId, officeId: target.officeId }),
            },
            by,
            at,
          },
        },
      ];
    }
    case 'CompleteReferral':
      if (state.status !== 'accepted') throw ReferralErrors.wrongStatus(state.status, 'completed');
      assertReceiver(state, metadata);
      return [
        {
          type: 'ReferralDone',
          data: { referralId: state.proposal.referralId, outcome: command.data.outcome, by, at },
        },
      ];
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const referralDecider: Decider<ReferralCommand, ReferralEvent, ReferralState> = {
  initialState,
  evolve,
  decide,
};
