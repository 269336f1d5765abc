import { randomUUID } from 'node:crypto';
import {
  DirectoryAgreementV1,
  type DirectoryIntegrationEvent,
  DirectoryOfficeV1,
  DirectoryPartnerV1,
  type OfficeTypes,
} from '@parcours/contracts';

/**
 * The directory feed the intake tests start from: a few offices and agreements of the referral
 * service's synthetic seed (same ids), as the feed carries them.
 */
const at = '2024-01-01T00:00:00.000Z';
const office = (
  officeId: string,
  type: (typeof OfficeTypes)[number],
  associationId: string,
  name: string,
  communeCode: string,
) =>
  DirectoryOfficeV1.create({
    id: randomUUID(),
    subject: `directory-office-${officeId}`,
    time: at,
    data: { officeId, associationId, name, type, communeCode, active: true, at },
  });
const partner = (partnerId: string, name: string) =>
  DirectoryPartnerV1.create({
    id: randomUUID(),
    subject: `directory-partner-${partnerId}`,
    time: at,
    data: { partnerId, name, active: true, at },
  });
const agreement = (agreementId: string, partnerId: string, validFrom: string, validUntil?: string) =>
  DirectoryAgreementV1.create({
    id: randomUUID(),
    subject: `directory-agreement-${agreementId}`,
    time: at,
    data: {
      agreementId,
      partnerId,
      associationId: 'asso-75',
      validFrom,
      ...(validUntil ? { validUntil } : {}),
      active: true,
      at,
    },
  });

export const testDirectory: DirectoryIntegrationEvent[] = [
  office('office-75-bav', 'court-victim-office', 'asso-75', 'BAV Tribunal de Paris', '75117'),
  office('office-75-commissariat-11', 'police-station', 'asso-75', 'Commissariat Paris 11', '75111'),
  office('office-75-hopital-hegp', 'hospital', 'asso-75', 'Hôpital Européen G. Pompidou', '75115'),
  office('office-69-lyon', 'court-victim-office', 'asso-69', 'BAV Tribunal de Lyon', '69383'),
  office('office-69-gendarmerie-vienne', 'gendarmerie', 'asso-69', 'Gendarmerie Vienne', '38544'),
  office('office-69-mairie-8', 'city-hall', 'asso-69', 'Mairie Lyon 8e', '69388'),
  office('office-69-pad', 'legal-advice-centre', 'asso-69', "Point d'accès au droit Lyon", '69381'),
  partner('partner-bank', 'Banque Exemple'),
  partner('partner-transport', 'Transports Exemple'),
  partner('partner-retail', 'Commerce Exemple'),
  agreement('agr-bank-2024', 'partner-bank', '2024-01-01'),
  agreement('agr-transport-2024', 'partner-transport', '2024-01-01'),
  agreement('agr-retail-2021', 'partner-retail', '2021-01-01', '2023-12-31'),
];
