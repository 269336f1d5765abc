import {
  type AgeBand,
  type AuthorLink,
  type IntakeChannel,
  isCoupleLink,
  type Need,
  type OffenceCategory,
  type OfficeType,
  type Urgency,
  type VulnerabilityFlag,
} from '@parcours/contracts';
import type { EncryptedEnvelope, Event } from '@parcours/eventstore';
import { callerSubject } from '../callbacks/callback.ts';

// The wire's value lists are the domain's: one definition, in contracts.
export { AgeBands, AuthorLinks, OfficeTypes, VulnerabilityFlags } from '@parcours/contracts';
export type { AgeBand, AuthorLink, Need, OffenceCategory, OfficeType, Urgency, VulnerabilityFlag };
export type Channel = IntakeChannel;

export const CallerTypes = ['victim', 'relative'] as const;
export const HelplineOutcomes = ['information-given', 'orientation', 'callback-needed'] as const;
export type HelplineOutcome = (typeof HelplineOutcomes)[number];

/** Where the victim lives: postcode and INSEE commune code in France, a country (and maybe a postcode) abroad. */
export interface Residence {
  countryCode: string;
  postcode?: string;
  communeCode?: string;
}

/** How to reach the victim without putting them at risk. The number and hours themselves are personal data. */
export interface SafeContactFlags {
  safeNumber: boolean;
  safeHours: boolean;
  noVoicemail: boolean;
  throughThirdParty: boolean;
}

export interface Consent {
  services: boolean;
  sharing: boolean;
}

/**
 * What an intake records in clear: nothing here identifies the victim (the residence is an area,
 * the age a band). Identity, contact, address lines, birth date and narrative travel in `personal`.
 */
export interface IntakeProfile {
  residence: Residence;
  ageBand?: AgeBand;
  offenceCategory: OffenceCategory;
  /** The victim's link with the presumed author: partner or former partner for couple violence. */
  authorLink?: AuthorLink;
  needs: Need[];
  vulnerabilities: VulnerabilityFlag[];
  urgency: Urgency;
  safeContact: SafeContactFlags;
  consent: Consent;
}

/** The personal data of an intake, in clear only inside the command handler and authorised reads. */
export interface PersonalData {
  identity?: { lastName: string; firstName: string; birthName?: string };
  birthDate?: string;
  contact?: { phone?: string; email?: string; safeNumber?: string; safeHours?: string; thirdParty?: string };
  address?: { lines: string[]; city?: string };
  /** For a call from a relative: who called. */
  caller?: { relationship: string; name?: string; phone?: string };
  narrative?: string;
}

export type ChannelDetails =
  | {
      channel: 'helpline';
      caller: (typeof CallerTypes)[number];
      outcome: HelplineOutcome;
      anonymous: boolean;
    }
  | { channel: 'walk-in'; officeId: string; officeType: OfficeType; associationId: string }
  | {
      channel: 'requisition';
      prosecutorReference: string;
      court: string;
      dueDate: string;
      evviRequested: boolean;
    }
  | { channel: 'partner'; agreementId: string; partnerId: string; employer: string; attackedAtWork: boolean }
  | { channel: 'mass-event'; massEventId: string; importId?: string; row?: number };

export interface ConsentOverride {
  reason: string;
  by: string;
  at: string;
}

export type IntakeRecorded = Event<
  'IntakeRecorded',
  {
    intakeId: string;
    caseId: string;
    /** The data subject: the key that encrypts `personal`; erasing it shreds the intake's personal data. */
    victimId: string;
    details: ChannelDetails;
    profile: IntakeProfile;
    personal: EncryptedEnvelope | null;
    /** HMAC of the normalised name, birth date and commune: finds duplicates without the name in clear. */
    matchKey: string | null;
    recordedBy: string;
    recordedAt: string;
  }
>;
export type ConsentRecorded = Event<
  'ConsentRecorded',
  { intakeId: string; consent: Consent; by: string; at: string }
>;
export type ConsentOverridden = Event<'ConsentOverridden', { intakeId: string } & ConsentOverride>;
export type IntakeReadyForOrientation = Event<
  'IntakeReadyForOrientation',
  { intakeId: string; caseId: string; at: string }
>;
export type IntakeMerged = Event<'IntakeMerged', { intakeId: string; into: string; by: string; at: string }>;
/** What a correction may change of the profile before orientation (consent has its own commands). */
export type ProfileChanges = Partial<Omit<IntakeProfile, 'consent'>>;
/** The profile corrected before orientation; `matchKey` when the residence's commune changed it. */
export type IntakeProfileCorrected = Event<
  'IntakeProfileCorrected',
  { intakeId: string; changes: ProfileChanges; matchKey?: string | null; by: string; at: string }
>;
/** A callback was queued for this intake: its caller's key is erased with the intake's personal data. */
export type CallbackLinked = Event<
  'CallbackLinked',
  { intakeId: string; taskId: string; by: string; at: string }
>;
/** The victim's data key was deleted on request (crypto-shredding): `personal` is unreadable for good. */
export type PersonalDataErased = Event<
  'PersonalDataErased',
  { intakeId: string; victimId: string; reason: string; by: string; at: string }
>;

export type IntakeEvent =
  | IntakeRecorded
  | ConsentRecorded
  | ConsentOverridden
  | IntakeReadyForOrientation
  | IntakeMerged
  | IntakeProfileCorrected
  | CallbackLinked
  | PersonalDataErased;

export interface IntakeFacts {
  intakeId: string;
  caseId: string;
  victimId: string;
  details: ChannelDetails;
  profile: IntakeProfile;
  personal: EncryptedEnvelope | null;
  matchKey: string | null;
  recordedBy: string;
  recordedAt: string;
  consentOverride?: ConsentOverride;
  /** The callbacks queued for it (their callers' numbers are encrypted for subjects of their own). */
  callbackTasks?: readonly string[];
  /** When the victim's personal data was erased, if it was. */
  erasedAt?: string;
}

export type IntakeState =
  | { status: 'none' }
  | { status: 'open'; intake: IntakeFacts }
  | { status: 'ready'; intake: IntakeFacts; readyAt: string }
  | { status: 'merged'; intake: IntakeFacts; into: string };

export const initialState = (): IntakeState => ({ status: 'none' });

export const intakeStreamId = (intakeId: string) => `intake-${intakeId}`;

/** Whose data keys hold this intake's personal data: the victim, and each caller to ring back. */
export const dataSubjects = (intake: IntakeFacts): string[] => [
  intake.victimId,
  ...(intake.callbackTasks ?? []).map(callerSubject),
];

export function evolve(state: IntakeState, event: IntakeEvent): IntakeState {
  switch (event.type) {
    case 'IntakeRecorded': {
      const { intakeId, caseId, victimId, details, profile, personal, matchKey, recordedBy, recordedAt } =
        event.data;
      return {
        status: 'open',
        intake: { intakeId, caseId, victimId, details, profile, personal, matchKey, recordedBy, recordedAt },
      };
    }
    case 'ConsentRecorded':
      if (state.status === 'none') return state;
      return {
        ...state,
        intake: { ...state.intake, profile: { ...state.intake.profile, consent: event.data.consent } },
      };
    case 'ConsentOverridden': {
      if (state.status === 'none') return state;
      const { reason, by, at } = event.data;
      return { ...state, intake: { ...state.intake, consentOverride: { reason, by, at } } };
    }
    case 'IntakeReadyForOrientation':
      if (state.status !== 'open') return state;
      return { status: 'ready', intake: state.intake, readyAt: event.data.at };
    case 'IntakeMerged':
      if (state.status === 'none') return state;
      return { status: 'merged', intake: state.intake, into: event.data.into };
    case 'IntakeProfileCorrected': {
      if (state.status === 'none') return state;
      const { changes, matchKey } = event.data;
      const profile = { ...state.intake.profile, ...changes };
      return {
        ...state,
        intake: { ...state.intake, profile, ...(matchKey === undefined ? {} : { matchKey }) },
      };
    }
    case 'CallbackLinked':
      if (state.status === 'none') return state;
      return {
        ...state,
        intake: {
          ...state.intake,
          callbackTasks: [...(state.intake.callbackTasks ?? []), event.data.taskId],
        },
      };
    case 'PersonalDataErased':
      if (state.status === 'none') return state;
      return { ...state, intake: { ...state.intake, erasedAt: event.data.at } };
  }
}

/**
 * What keeps an intake from being oriented (empty when it can be). Readiness is decided here, once:
 * a recorded intake that is complete becomes ready in the same decision (no extra step for the
 * listener); one that is not waits for the consent, or for MarkReadyForOrientation.
 */
/** A helpline call is oriented only when the listener chose orientation; other channels always are. */
export const awaitsOrientation = (details: ChannelDetails): boolean =>
  details.channel !== 'helpline' || details.outcome === 'orientation';

export function missingForOrientation(intake: IntakeFacts): string[] {
  const missing: string[] = [];
  const { residence, consent, offenceCategory, authorLink } = intake.profile;
  if (!residence.postcode) missing.push('residence.postcode');
  // The annual report counts couple and former couple apart: orientation waits for which one.
  if (offenceCategory === 'couple-violence' && !isCoupleLink(authorLink)) missing.push('authorLink');
  if (residence.countryCode === 'FR' && !residence.communeCode) missing.push('residence.communeCode');
  if (!consent.services && !intake.consentOverride) missing.push('consent.services');
  return missing;
}
