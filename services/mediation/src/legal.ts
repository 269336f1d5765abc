import type { MediationRule } from '@parcours/contracts';
/**
 * The legal rules the mediation domain applies, as data: events and reports name a rule by its key,
 * and the text cited to a prosecutor comes from this table only (articles get renumbered; the code
 * quotes none of them).
 */
export interface LegalReference {
  code: 'CPP' | 'CP';
  article: string;
  /** When the rule took effect, where it is recent enough to matter to a reader. */
  since?: string;
  amendedBy?: string;
  summary: string;
}

export const legalReferences = {
  victimAgreement: {
    code: 'CPP',
    article: '41-1, 5°',
    summary: 'Penal mediation takes place at the victim’s request or with the victim’s agreement.',
  },
  coupleViolence: {
    code: 'CPP',
    article: '41-1, 5°',
    since: '2020-08-01',
    amendedBy: 'Loi n° 2020-936 du 30 juillet 2020',
    summary:
      'No penal mediation for violence within a couple (current or former spouse, cohabitant or civil partner, CP art. 132-80).',
  },
  agreementRecord: {
    code: 'CPP',
    article: '41-1',
    summary:
      'A successful mediation is recorded in minutes signed by the mediator and the parties, who each receive a copy.',
  },
  mediatorAuthorisation: {
    code: 'CPP',
    article: 'R15-33-35',
    summary:
      'A mediator is authorised by the prosecutor for a probationary year, then for five years, renewable; the decision says whether missions concerning minors may be entrusted.',
  },
  mediatorAgeLimit: {
    code: 'CPP',
    article: 'R15-33-33, 4°',
    summary: 'A mediator of the prosecutor is not over 75 years of age.',
  },
} as const satisfies Record<MediationRule, LegalReference>;

export type LegalBasis = keyof typeof legalReferences;

/** "CPP art. 41-1, 5°": how a report cites a rule. */
export const citation = (basis: LegalBasis): string => {
  const reference: LegalReference = legalReferences[basis];
  return `${reference.code} art. ${reference.article}`;
};

/** How long each authorisation lasts, in years (the first one is probationary). */
export const authorisationYears = { probationary: 1, full: 5 } as const;
