import { coupleLinks } from '../../api/vocabulary.ts';
import type { HelplineCallBody } from './api.ts';

/** The call form's values: the request body's shape, every text a string (empty = not given). */
export interface CallValues {
  caller: HelplineCallBody['caller'];
  outcome: HelplineCallBody['outcome'];
  anonymous: boolean;
  profile: HelplineCallBody['profile'];
  personal: {
    identity: { lastName: string; firstName: string };
    birthDate: string;
    contact: { phone: string; email: string; safeNumber: string; safeHours: string; thirdParty: string };
    caller: { relationship: string; name: string; phone: string };
    narrative: string;
  };
}

/**
 * A typical call's defaults: the victim calls, from France, to be oriented, urgency normal; for a
 * couple's violence, the listener says which couple (no default: a guess would skew the report).
 */
export const emptyCall = (): CallValues => ({
  caller: 'victim',
  outcome: 'orientation',
  anonymous: false,
  profile: {
    residence: { countryCode: 'FR', postcode: '', communeCode: '' },
    offenceCategory: 'couple-violence',
    needs: [],
    vulnerabilities: [],
    urgency: 'normal',
    safeContact: { safeNumber: false, safeHours: false, noVoicemail: false, throughThirdParty: false },
    consent: { services: false, sharing: false },
  },
  personal: {
    identity: { lastName: '', firstName: '' },
    birthDate: '',
    contact: { phone: '', email: '', safeNumber: '', safeHours: '', thirdParty: '' },
    caller: { relationship: '', name: '', phone: '' },
    narrative: '',
  },
});

/** Every field of the form, by path: where a problem's field errors can be shown. */
export const callFields = [
  'caller',
  'anonymous',
  'personal.caller.relationship',
  'personal.caller.name',
  'personal.caller.phone',
  'personal.identity.lastName',
  'personal.identity.firstName',
  'personal.birthDate',
  'profile.residence.postcode',
  'profile.residence.communeCode',
  'profile.residence.countryCode',
  'personal.contact.phone',
  'personal.contact.email',
  'profile.safeContact.safeNumber',
  'personal.contact.safeNumber',
  'profile.safeContact.safeHours',
  'personal.contact.safeHours',
  'profile.safeContact.noVoicemail',
  'profile.safeContact.throughThirdParty',
  'personal.contact.thirdParty',
  'profile.offenceCategory',
  'profile.authorLink',
  'profile.needs',
  'profile.vulnerabilities',
  'profile.urgency',
  'personal.narrative',
  'profile.consent.services',
  'profile.consent.sharing',
  'outcome',
] as const;

/**
 * A birth date as a listener types it (14031987, 14/03/1987, 14-03-1987 or 1987-03-14) as ISO
 * 8601; undefined when it is not a real date.
 */
export function isoDate(text: string): string | undefined {
  const t = text.trim();
  const match = /^(\d{2})[/.-]?(\d{2})[/.-]?(\d{4})$/.exec(t) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!match) return undefined;
  const [day, month, year] =
    t.startsWith(match[1]!) && match[1]!.length === 4
      ? [match[3], match[2], match[1]]
      : [match[1], match[2], match[3]];
  const iso = `${year}-${month}-${day}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** Drops empty strings, then objects left empty: the service gets only what was said. */
function compact<T>(value: T): T | undefined {
  if (typeof value === 'string') return (value.trim() === '' ? undefined : value.trim()) as T | undefined;
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value)
    .map(([key, inner]) => [key, compact(inner)] as const)
    .filter(([, inner]) => inner !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

/**
 * The request body of the form's values. An anonymous call sends no identity, birth date or
 * contact; a victim calling sends no relative; the safe number and hours go only when their box
 * is ticked (the flags travel in clear, the details encrypted).
 */
export function toCallBody(values: CallValues): HelplineCallBody {
  const { personal, profile } = values;
  const safe = profile.safeContact;
  const contact = {
    ...(values.anonymous ? {} : { phone: personal.contact.phone, email: personal.contact.email }),
    ...(safe.safeNumber ? { safeNumber: personal.contact.safeNumber } : {}),
    ...(safe.safeHours ? { safeHours: personal.contact.safeHours } : {}),
    ...(safe.throughThirdParty ? { thirdParty: personal.contact.thirdParty } : {}),
  };
  const personalBody = compact({
    ...(values.anonymous
      ? {}
      : { identity: personal.identity, birthDate: isoDate(personal.birthDate) ?? personal.birthDate }),
    contact,
    ...(values.caller === 'relative' ? { caller: personal.caller } : {}),
    narrative: personal.narrative,
  });
  const residence = compact(profile.residence) ?? { countryCode: 'FR' };
  // The select's empty choice is "not said": no link is sent.
  const { authorLink, ...said } = profile;
  return {
    caller: values.caller,
    outcome: values.outcome,
    anonymous: values.anonymous,
    profile: { ...said, ...(authorLink ? { authorLink } : {}), residence },
    ...(personalBody ? { personal: personalBody } : {}),
  } as HelplineCallBody;
}

/** Why the form cannot be sent as it is, by field (what the service would also leave unoriented). */
export function callErrors(values: CallValues): Partial<Record<(typeof callFields)[number], string>> {
  const { offenceCategory, authorLink } = values.profile;
  return offenceCategory === 'couple-violence' && !coupleLinks.some((link) => link === authorLink)
    ? { 'profile.authorLink': 'call.situation.authorLinkRequired' }
    : {};
}
