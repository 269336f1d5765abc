import { Type } from '@sinclair/typebox';

/**
 * Value objects shared on the wire: the reference lists and field shapes several contracts (and
 * the services' own schemas and domains) use. Each list is part of every contract that uses it:
 * adding a value is a new version of those event types (packages/contracts/README.md).
 */

/** One literal per value of a list, as a schema whose static type is the list's union. */
export const literals = <const T extends readonly string[]>(values: T, description?: string) =>
  Type.Union(
    values.map((value: T[number]) => Type.Literal(value)),
    description === undefined ? {} : { description },
  );

export const IntakeChannels = ['helpline', 'walk-in', 'requisition', 'partner', 'mass-event'] as const;
export type IntakeChannel = (typeof IntakeChannels)[number];

/** The federation's offence taxonomy (13 categories). */
export const OffenceCategories = [
  'physical-violence',
  'sexual-violence',
  'couple-violence',
  'intra-family-violence',
  'robbery-theft',
  'burglary',
  'fraud-scam',
  'road-accident',
  'terrorism',
  'harassment',
  'discrimination',
  'relative-homicide',
  'other',
] as const;
export type OffenceCategory = (typeof OffenceCategories)[number];

/**
 * The victim's link with the presumed author. Within a couple, current or former, the law aggravates
 * the offence and bars penal mediation; the annual report counts the two apart.
 */
export const AuthorLinks = [
  'unknown',
  'stranger',
  'acquaintance',
  'professional',
  'family',
  'partner',
  'former-partner',
] as const;
export type AuthorLink = (typeof AuthorLinks)[number];
/** A couple, current or former: what the offence category `couple-violence` needs. */
export const isCoupleLink = (link: AuthorLink | undefined): boolean =>
  link === 'partner' || link === 'former-partner';

export const Needs = [
  'legal-information',
  'psychological-support',
  'social-support',
  'accompaniment',
  'compensation',
] as const;
export type Need = (typeof Needs)[number];

export const Urgencies = ['low', 'normal', 'high', 'immediate'] as const;
export type Urgency = (typeof Urgencies)[number];

export const VulnerabilityFlags = [
  'minor',
  'elderly',
  'disability',
  'pregnancy',
  'isolation',
  'economic-dependency',
  'language-barrier',
  'repeat-victimisation',
  'lives-with-author',
] as const;
export type VulnerabilityFlag = (typeof VulnerabilityFlags)[number];

/** Kinds of welcome office (bureau d'aide aux victimes in a court, police station, ...). */
export const OfficeTypes = [
  'court-victim-office',
  'police-station',
  'gendarmerie',
  'hospital',
  'city-hall',
  'legal-advice-centre',
] as const;
export type OfficeType = (typeof OfficeTypes)[number];

export const AgeBands = ['under-18', '18-29', '30-44', '45-59', '60-74', '75-plus'] as const;
export type AgeBand = (typeof AgeBands)[number];

/** An id of another service's entity (case, intake, office…). */
export const Id = (description: string) => Type.String({ minLength: 1, maxLength: 64, description });

/** INSEE commune code (2A/2B for Corsica). */
export const communeCodePattern = '^[0-9][0-9AB][0-9]{3}$';

// Patterns, not `format`: the contracts' compiled validators register no formats.
/** RFC 3339 time in UTC, as `Date.toISOString()` writes it. */
export const UtcTime = (description: string) =>
  Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$', description });
export const Day = (description?: string) =>
  Type.String({
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
    ...(description === undefined ? {} : { description }),
  });
