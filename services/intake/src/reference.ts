import type { Office, PartnerAgreement } from './intake/decide.ts';

/**
 * The network's directory of welcome offices and partner agreements, passed to the deciders as
 * values. Seeded here for development and tests; a directory service will feed it.
 */
export interface Reference {
  offices: Readonly<Record<string, Office>>;
  agreements: Readonly<Record<string, PartnerAgreement>>;
}

const offices: Office[] = [
  {
    officeId: 'office-75-bav',
    type: 'court-victim-office',
    associationId: 'asso-75',
    name: 'BAV Tribunal de Paris',
  },
  {
    officeId: 'office-75-commissariat-11',
    type: 'police-station',
    associationId: 'asso-75',
    name: 'Commissariat Paris 11',
  },
  {
    officeId: 'office-75-hopital-hegp',
    type: 'hospital',
    associationId: 'asso-75',
    name: 'Hôpital Européen G. Pompidou',
  },
  {
    officeId: 'office-69-lyon',
    type: 'court-victim-office',
    associationId: 'asso-69',
    name: 'BAV Tribunal de Lyon',
  },
  {
    officeId: 'office-69-gendarmerie-vienne',
    type: 'gendarmerie',
    associationId: 'asso-69',
    name: 'Gendarmerie Vienne',
  },
  { officeId: 'office-69-mairie-8', type: 'city-hall', associationId: 'asso-69', name: 'Mairie Lyon 8e' },
  {
    officeId: 'office-69-pad',
    type: 'legal-advice-centre',
    associationId: 'asso-69',
    name: "Point d'accès au droit Lyon",
  },
];

const agreements: PartnerAgreement[] = [
  {
    agreementId: 'agr-bank-2024',
    partnerId: 'partner-bank',
    partnerName: 'Banque Exemple',
    validFrom: '2024-01-01',
  },
  {
    agreementId: 'agr-transport-2024',
    partnerId: 'partner-transport',
    partnerName: 'Transports Exemple',
    validFrom: '2024-01-01',
  },
  {
    agreementId: 'agr-retail-2021',
    partnerId: 'partner-retail',
    partnerName: 'Commerce Exemple',
    validFrom: '2021-01-01',
    validUntil: '2023-12-31',
  },
];

export const defaultReference: Reference = {
  offices: Object.fromEntries(offices.map((office) => [office.officeId, office])),
  agreements: Object.fromEntries(agreements.map((agreement) => [agreement.agreementId, agreement])),
};
