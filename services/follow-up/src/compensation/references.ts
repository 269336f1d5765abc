/**
 * The legal references the compensation rules cite, as data: the code of criminal procedure is
 * being renumbered, so an article number changes here (or in a table passed to the functions)
 * without touching a rule. The federation's jurists own this table.
 */
export interface LegalReference {
  code: 'CPP' | 'C. civ.' | 'C. assur.';
  article: string;
  about: string;
}

export const ReferenceKeys = [
  'civi-eligibility',
  'civi-deadline',
  'civi-deadline-prosecution',
  'civi-relief',
  'minor-suspension',
  'sarvi-eligibility',
  'sarvi-deadline',
  'sarvi-relief',
  'sarvi-advance',
  'evvi',
  'evvi-procedure',
] as const;
export type ReferenceKey = (typeof ReferenceKeys)[number];
export type LegalReferences = Record<ReferenceKey, LegalReference>;

export const legalReferences: LegalReferences = {
  'civi-eligibility': { code: 'CPP', article: '706-3', about: 'Indemnisation par la CIVI' },
  'civi-deadline': { code: 'CPP', article: '706-5', about: 'Délai de trois ans à compter de l’infraction' },
  'civi-deadline-prosecution': {
    code: 'CPP',
    article: '706-5',
    about: 'Un an après la dernière décision définitive lorsque des poursuites sont exercées',
  },
  'civi-relief': { code: 'CPP', article: '706-5', about: 'Relevé de forclusion par la commission' },
  'minor-suspension': {
    code: 'C. civ.',
    article: '2235',
    about: 'Le délai ne court pas contre le mineur non émancipé',
  },
  'sarvi-eligibility': { code: 'CPP', article: '706-15-1', about: 'Aide au recouvrement (SARVI)' },
  'sarvi-deadline': {
    code: 'CPP',
    article: '706-15-2',
    about: 'Saisine deux mois après la décision définitive, au plus tard un an après',
  },
  'sarvi-relief': { code: 'CPP', article: '706-15-2', about: 'Relevé de forclusion pour motif légitime' },
  'sarvi-advance': { code: 'C. assur.', article: 'L. 422-7', about: 'Montant de l’aide au recouvrement' },
  evvi: { code: 'CPP', article: '10-5', about: 'Évaluation personnalisée des victimes' },
  'evvi-procedure': { code: 'CPP', article: 'D1-3', about: 'Modalités de l’évaluation personnalisée' },
};

/** `CPP art. 706-5`: how a reason quotes its reference. */
export const cite = (reference: LegalReference): string => `${reference.code} art. ${reference.article}`;
