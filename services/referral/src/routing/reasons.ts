/**
 * Why a case went where it went, as codes the web translates: each routing rule and each hand-over
 * adds one reason, a code and its values (ids, codes, a user's free-text reason). Nothing matches on
 * a reason's English text (`reasonText`), which is only for logs and the v1 integration events.
 */
export const reasonTemplates = {
  'walk-in-kept': (p) =>
    `walk-in at office ${p.officeId}, whose association covers the residence: kept there`,
  'walk-in-outside-coverage': (p) =>
    `walk-in at office ${p.officeId}, whose association does not cover the residence: routed by residence`,
  'walk-in-office-inactive': (p) =>
    `walk-in office ${p.officeId} is not an active office: routed by residence`,
  'agreement-names-association': (p) =>
    `partner agreement ${p.agreementId} names association ${p.associationId}`,
  'agreement-not-valid': (p) =>
    `agreement ${p.agreementId} is unknown, ended or not yet valid: routed by residence`,
  'agreement-association-without-office': (p) =>
    `association ${p.associationId} has no open office: routed by residence`,
  'resident-abroad': (p) => `resident abroad (${p.countryCode}): ${p.organisationId} supports victims there`,
  'no-foreign-organisation': (p) =>
    `resident abroad (${p.countryCode}) and no organisation for that country in the directory`,
  'residence-not-found': (p) =>
    `${p.detail}: residence not found in the official geography: the national platform decides`,
  'commune-ambiguous': (p) => `${p.detail}`,
  'residence-commune': (p) =>
    `residence in ${p.communeCode} (${p.communeName}), département ${p.departement}`,
  'commune-covered': (p) => `commune covered by ${p.associationIds}`,
  'departement-covered': (p) => `département ${p.departement} covered by ${p.associationIds}`,
  'no-coverage': (p) => `no association covers commune ${p.communeCode} or département ${p.departement}`,
  'association-without-office': (p) => `association ${p.associationId} has no open office`,
  'no-open-office': () => 'no open office in the covering associations',
  'office-chosen': (p) =>
    `office ${p.officeId} (${p.officeType}): ${p.proximity?.replaceAll('-', ' ')}` +
    (p.fit ? `; ${p.fit.replaceAll('-', ' ').replaceAll(',', ', ')}` : ''),
  'sharing-consent-given': () => 'sharing consent given',
  'consent-override': (p) => `no sharing consent; override recorded by ${p.by}`,
  'consent-missing': (p) =>
    `consent gate: no sharing consent nor override for a hand-over to ${p.to}: the national platform decides`,
  redirected: (p) => `redirected from ${p.referralId} by ${p.by}: ${p.reason}`,
  'service-added': (p) => `service added from ${p.referralId} by ${p.by}: ${p.reason}`,
  declined: (p) => `declined by ${p.by} (${p.where}): ${p.reason}`,
  expired: (p) => `unanswered by ${p.where} before ${p.dueAt}`,
  'routed-by-hand': (p) => `routed by hand by ${p.by}: ${p.reason}`,
  /** A reason recorded as text only, before reasons had codes (upcast from the first events). */
  note: (p) => `${p.text}`,
} satisfies Record<string, (params: Partial<Record<string, string>>) => string>;

export type ReasonCode = keyof typeof reasonTemplates;
export const ReasonCodes = Object.keys(reasonTemplates) as ReasonCode[];

export interface Reason {
  code: ReasonCode;
  /** The values the reason names: ids, codes, a user's reason. Never personal data of the victim. */
  params?: Record<string, string>;
}

export const reason = (code: ReasonCode, params?: Record<string, string>): Reason =>
  params ? { code, params } : { code };

/** The reason in plain English: for logs and the v1 integration events (at most 300 characters). */
export function reasonText(r: Reason): string {
  const text = reasonTemplates[r.code](r.params ?? {});
  return text.length <= 300 ? text : `${text.slice(0, 299)}…`;
}

/** A referral's reasons with one more, as the integration events carry them: the last 20. */
export function withReason(reasons: readonly Reason[], next: Reason): Reason[] {
  return [...reasons, next].slice(-20);
}

/** Reasons as the first events recorded them (English text) become `note`s: see referral.ts's upcasters. */
export const fromText = (reasons: readonly (string | Reason)[]): Reason[] =>
  reasons.map((r) => (typeof r === 'string' ? reason('note', { text: r }) : r));
