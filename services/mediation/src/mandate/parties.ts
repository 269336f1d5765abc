import type { EncryptedEnvelope } from '@parcours/eventstore';
import type { WeeklyWindow } from '../calendar/weekly.ts';

/** The two sides of a mediation; the others act for one of them. */
export const PrincipalRoles = ['victim', 'respondent'] as const;
export type PrincipalRole = (typeof PrincipalRoles)[number];
export const PartyRoles = [...PrincipalRoles, 'lawyer', 'representative', 'legal-guardian'] as const;
export type PartyRole = (typeof PartyRoles)[number];

/** How the respondent is related to the victim; a couple, current or former, bars penal mediation. */
export const Relationships = [
  'spouse',
  'former-spouse',
  'civil-partner',
  'former-civil-partner',
  'cohabitant',
  'former-cohabitant',
  'partner',
  'former-partner',
  'family',
  'neighbour',
  'colleague',
  'acquaintance',
  'stranger',
  'other',
] as const;
export type Relationship = (typeof Relationships)[number];
const coupleRelationships: readonly Relationship[] = Relationships.slice(0, 8);
export const isCouple = (relationship: Relationship) => coupleRelationships.includes(relationship);

export const ConsentChannels = ['in-person', 'phone', 'letter', 'email', 'through-lawyer'] as const;
export type ConsentChannel = (typeof ConsentChannels)[number];

/** A party's answer to the mediation, when they gave it and how. */
export interface Consent {
  decision: 'given' | 'refused';
  expressedAt: string;
  channel: ConsentChannel;
  recordedBy: string;
}

/**
 * How to reach a party without putting them at risk. The number and address themselves are in the
 * party's encrypted personal data; these rules are what every reminder obeys.
 */
export interface SafeContact {
  /** A number safe to text or call is on file. */
  safeNumber: boolean;
  /** An e-mail address safe to write to is on file. */
  safeEmail: boolean;
  /** Never leave a voicemail. */
  noVoicemail: boolean;
  /** When contacting the party is safe, local time; empty: any time. */
  hours: WeeklyWindow[];
  /** The channel the party prefers, among the safe ones. */
  prefer?: 'sms' | 'email' | 'call';
}

/** A person in the mediation. Identity and contact are encrypted for the party's data subject. */
export interface Party {
  partyId: string;
  role: PartyRole;
  /** The principal party a lawyer, representative or legal guardian acts for. */
  actsFor?: string;
  /** A principal party under 18: their legal guardians consent too, and the mediator needs the minors authorisation. */
  minor: boolean;
  /** The respondent's relationship to the victim. */
  relationship?: Relationship;
  /** Whose data key encrypts `personal` (the victim's id for a victim: erasing it shreds every copy). */
  subjectId: string;
  personal: EncryptedEnvelope;
  safeContact: SafeContact;
}

export interface PartyState extends Party {
  consent?: Consent;
  noShows: number;
  /** Present at a held individual interview. */
  interviewed: boolean;
}

export const isPrincipal = (party: Pick<Party, 'role'>): party is Party & { role: PrincipalRole } =>
  party.role === 'victim' || party.role === 'respondent';

/** The side a party is on: its own role for a principal, the role of the party it acts for otherwise. */
export function sideOf(parties: Record<string, Party>, partyId: string): PrincipalRole | undefined {
  const party = parties[partyId];
  if (!party) return undefined;
  if (isPrincipal(party)) return party.role;
  const principal = party.actsFor ? parties[party.actsFor] : undefined;
  return principal && isPrincipal(principal) ? principal.role : undefined;
}

/** Whose consent a joint session needs: each principal party, and the legal guardians of a minor. */
export function consentsNeeded(parties: Record<string, PartyState>): PartyState[] {
  return Object.values(parties).filter((party) => {
    if (isPrincipal(party)) return true;
    const principal = party.actsFor ? parties[party.actsFor] : undefined;
    return party.role === 'legal-guardian' && principal?.minor === true;
  });
}
