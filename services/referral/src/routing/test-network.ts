import { loadGeography } from '@parcours/geography';
import type { DirectoryEvents } from '../directory/directory.ts';
import { DirectoryIndex } from '../directory/index.ts';
import { generateNetwork } from '../directory/seed.ts';
import type { IntakeFacts } from './route.ts';

/** The real geography and the seeded network, as the service holds them, for pure tests. */
export const geography = loadGeography();
export const network = generateNetwork(geography);
const at = '2025-06-01T00:00:00.000Z';

/** The seed's commands as the events they produce on an empty directory. */
export const seedEvents: DirectoryEvents[] = network.commands.map((command) => {
  const type = {
    RegisterAssociation: 'AssociationRegistered',
    OpenOffice: 'OfficeOpened',
    RegisterPartner: 'PartnerRegistered',
    SignAgreement: 'AgreementSigned',
    RegisterForeignOrganisation: 'ForeignOrganisationRegistered',
  }[command.type as string];
  if (!type) throw new Error(`unexpected seed command ${command.type}`);
  return { type, data: { ...command.data, at } } as DirectoryEvents;
});

export const seededDirectory = (extra: DirectoryEvents[] = []) =>
  DirectoryIndex.of([...seedEvents, ...extra]);

/** A helpline intake living in Paris 11e; override what the test is about. */
export const intake = (overrides: Partial<IntakeFacts> = {}): IntakeFacts => ({
  channel: 'helpline',
  residence: { countryCode: 'FR', postcode: '75011', communeCode: '75111' },
  offenceCategory: 'couple-violence',
  needs: ['legal-information'],
  urgency: 'high',
  consent: { services: true, sharing: true },
  ...overrides,
});
