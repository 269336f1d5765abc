import { allOf } from './enums.ts';
import type { paths } from './generated/intake.ts';

/**
 * The network's shared vocabulary as the intake service publishes it (offences, needs,
 * vulnerabilities, urgencies): every screen lists the same values in the same order.
 */
type Profile =
  paths['/intakes/helpline-calls']['post']['requestBody']['content']['application/json']['profile'];

export const offenceCategories = allOf<Profile['offenceCategory']>()([
  'couple-violence',
  'intra-family-violence',
  'physical-violence',
  'sexual-violence',
  'harassment',
  'robbery-theft',
  'burglary',
  'fraud-scam',
  'road-accident',
  'discrimination',
  'terrorism',
  'relative-homicide',
  'other',
]);
/** The victim's link with the author: a couple's violence needs partner or former partner. */
export const authorLinks = allOf<NonNullable<Profile['authorLink']>>()([
  'partner',
  'former-partner',
  'family',
  'acquaintance',
  'professional',
  'stranger',
  'unknown',
]);
export const coupleLinks = [
  'partner',
  'former-partner',
] as const satisfies readonly (typeof authorLinks)[number][];
export const needs = allOf<Profile['needs'][number]>()([
  'legal-information',
  'psychological-support',
  'social-support',
  'accompaniment',
  'compensation',
]);
export const vulnerabilities = allOf<Profile['vulnerabilities'][number]>()([
  'lives-with-author',
  'minor',
  'elderly',
  'disability',
  'pregnancy',
  'isolation',
  'economic-dependency',
  'language-barrier',
  'repeat-victimisation',
]);
export const urgencies = allOf<Profile['urgency']>()(['low', 'normal', 'high', 'immediate']);
