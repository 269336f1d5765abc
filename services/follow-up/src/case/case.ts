import type { IntakeReadyForOrientation, ReferralProposedV1 } from '@parcours/contracts';
import type { Decider, Event } from '@parcours/eventstore';
import { assertCan } from '../access.ts';
import type { Cmd, Place } from '../command.ts';
import type { CaseFacts } from '../file/file.ts';

/**
 * The case as the follow-up service learns it from intake's and referral's topics, which are not
 * ordered with each other: the facts may come before or after the referral is accepted. This
 * stream keeps both, so the reactions open each file once everything it needs is known.
 */
/** Where a referral goes and who sends it, as referral's contract has them. */
type Proposed = ReferralProposedV1['data'];
export type Target = Proposed['target'];
export type Sender = Proposed['from'];
export type Mode = Proposed['mode'];

export type CaseIntakeReceived = Event<'CaseIntakeReceived', { facts: CaseFacts; at: string }>;
export type CaseReferralProposed = Event<
  'CaseReferralProposed',
  { referralId: string; mode: Mode; from: Sender; target: Target; at: string }
>;
export type CaseReferralAccepted = Event<
  'CaseReferralAccepted',
  { referralId: string; mode: Mode; target: Target; at: string }
>;
export type CaseEvent = CaseIntakeReceived | CaseReferralProposed | CaseReferralAccepted;

export interface CaseReferral {
  mode: Mode;
  from?: Sender;
  target: Target;
  status: 'proposed' | 'accepted' | 'handed-on';
  /** A walk-in kept at the office the victim walked into: its file opens without an acceptance. */
  walkIn: boolean;
  /** Its file is opened (accepted and the facts known). */
  fileOpened: boolean;
  /** The accepted transfer that took the case from this referral's office. */
  handedOnBy?: string;
}
export interface CaseState {
  facts?: CaseFacts;
  referrals: Record<string, CaseReferral>;
}
export const initialCase = (): CaseState => ({ referrals: {} });
export const caseStreamId = (caseId: string) => `followup-case-${caseId}`;

export const placeOf = (target: Target): Place | undefined =>
  target.kind === 'foreign-organisation'
    ? undefined
    : { associationId: target.associationId, officeId: target.officeId };
const held = (r: CaseReferral) => r.status === 'accepted';

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'CaseIntakeReceived': {
      const referrals = Object.fromEntries(
        Object.entries(state.referrals).map(([id, r]) => [id, { ...r, fileOpened: r.fileOpened || held(r) }]),
      );
      return { facts: event.data.facts, referrals };
    }
    case 'CaseReferralProposed': {
      const { referralId, mode, from, target } = event.data;
      const walkIn = from.kind === 'office' && placeOf(target)?.officeId === from.officeId;
      const referral: CaseReferral = {
        mode,
        from,
        target,
        status: walkIn ? 'accepted' : 'proposed',
        walkIn,
        fileOpened: walkIn && !!state.facts,
      };
      return { ...state, referrals: { ...state.referrals, [referralId]: referral } };
    }
    case 'CaseReferralAccepted': {
      const { referralId, mode, target } = event.data;
      const known = state.referrals[referralId];
      const accepted: CaseReferral = {
        walkIn: false,
        ...known,
        mode,
        target,
        status: 'accepted',
        fileOpened: known?.fileOpened || !!state.facts,
      };
      const from = accepted.from;
      const referrals = Object.fromEntries(
        Object.entries(state.referrals).map(([id, r]) => {
          // A transfer from an office takes the case from the referral that office held.
          const handedOn =
            mode === 'transfer' &&
            from?.kind === 'office' &&
            id !== referralId &&
            held(r) &&
            placeOf(r.target)?.officeId === from.officeId;
          return [id, handedOn ? { ...r, status: 'handed-on' as const, handedOnBy: referralId } : r];
        }),
      );
      return { ...state, referrals: { ...referrals, [referralId]: accepted } };
    }
  }
}

export type RecordIntake = Cmd<'RecordIntake', { facts: CaseFacts; at: string }>;
export type RecordReferralProposed = Cmd<'RecordReferralProposed', CaseReferralProposed['data']>;
export type RecordReferralAccepted = Cmd<'RecordReferralAccepted', CaseReferralAccepted['data']>;
export type CaseCommand = RecordIntake | RecordReferralProposed | RecordReferralAccepted;

/** Each fact once: a redelivered message, or a later copy of the intake, changes nothing. */
export function decideCase(command: CaseCommand, state: CaseState): CaseEvent[] {
  // The case is the service's own record of what it consumed: only the service writes it.
  assertCan(command.metadata.actor, 'file:system', { associationId: '-', officeId: '-' });
  switch (command.type) {
    case 'RecordIntake':
      return state.facts ? [] : [{ type: 'CaseIntakeReceived', data: command.data }];
    case 'RecordReferralProposed':
      return state.referrals[command.data.referralId]
        ? []
        : [{ type: 'CaseReferralProposed', data: command.data }];
    case 'RecordReferralAccepted': {
      const known = state.referrals[command.data.referralId];
      return known && known.status !== 'proposed'
        ? []
        : [{ type: 'CaseReferralAccepted', data: command.data }];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  initialState: initialCase,
  evolve: evolveCase,
  decide: decideCase,
};

/** The case's facts from intake's integration event: what the files of the case start from. */
export function caseFactsOf(event: IntakeReadyForOrientation): CaseFacts {
  const d = event.data;
  return {
    caseId: d.caseId,
    intakeId: d.intakeId,
    subjectId: d.personal.subject,
    channel: d.channel,
    offenceCategory: d.offenceCategory,
    ...(d.authorLink ? { authorLink: d.authorLink } : {}),
    needs: [...d.needs],
    urgency: d.urgency,
    vulnerabilities: [...(d.vulnerabilities ?? [])],
    ...(d.ageBand ? { ageBand: d.ageBand } : {}),
    consent: { ...d.consent },
    safeContact: { ...d.safeContact },
    ...(d.requisition ? { requisition: { ...d.requisition } } : {}),
    personal: d.personal,
  };
}
