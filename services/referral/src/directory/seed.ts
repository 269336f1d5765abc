// Over 300 lines: the synthetic network's generator, one deterministic pass best read whole.
import { type Database, type EventStore, handleCommand } from '@parcours/eventstore';
import type { Commune, Geography } from '@parcours/geography';
import {
  type Association,
  type DirectoryCommand,
  directoryDecider,
  type ForeignOrganisation,
  type Office,
  type OfficeType,
  type OpeningHours,
  type Speciality,
  streamOf,
} from './directory.ts';

/**
 * A SYNTHETIC network (see README.md): plausible, deterministic, not the real France Victimes
 * directory. One association per département (every département with communes, overseas and 2A/2B
 * included) covering the département, plus a city association in the 21 most populous départements
 * covering a large commune and its neighbours (commune coverage, which routing prefers); about 850
 * offices placed in real communes, more in bigger ones; a court victim office (BAV) in each
 * prefecture. The ids the dev users and the intake service's reference use (asso-75, office-75-bav,
 * asso-69, office-69-lyon, agr-bank-2024...) are part of it.
 */
export const SEED_VERSION = 1;
const TARGET_OFFICES = 850;

/** mulberry32: a small seeded PRNG, so the network is the same on every machine and every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedNetwork {
  associations: Omit<Association, 'active'>[];
  offices: Omit<Office, 'active'>[];
  commands: Omit<DirectoryCommand, 'metadata'>[];
}

const weekdays: OpeningHours[] = [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' }];
const slug = (code: string) => code.toLowerCase();

/** The fixed part of the network, shared with the intake service's reference data and the dev users. */
const anchors: {
  officeId: string;
  associationId: string;
  name: string;
  type: OfficeType;
  commune: string;
}[] = [
  {
    officeId: 'office-75-bav',
    associationId: 'asso-75',
    name: 'BAV Tribunal de Paris',
    type: 'court-victim-office',
    commune: '75117',
  },
  {
    officeId: 'office-75-commissariat-11',
    associationId: 'asso-75',
    name: 'Commissariat Paris 11',
    type: 'police-station',
    commune: '75111',
  },
  {
    officeId: 'office-75-hopital-hegp',
    associationId: 'asso-75',
    name: 'Hôpital Européen G. Pompidou',
    type: 'hospital',
    commune: '75115',
  },
  {
    officeId: 'office-69-lyon',
    associationId: 'asso-69',
    name: 'BAV Tribunal de Lyon',
    type: 'court-victim-office',
    commune: '69383',
  },
  {
    officeId: 'office-69-gendarmerie-vienne',
    associationId: 'asso-69',
    name: 'Gendarmerie Givors',
    type: 'gendarmerie',
    commune: '69091',
  },
  {
    officeId: 'office-69-mairie-8',
    associationId: 'asso-69',
    name: 'Mairie Lyon 8e',
    type: 'city-hall',
    commune: '69388',
  },
  {
    officeId: 'office-69-pad',
    associationId: 'asso-69',
    name: "Point d'accès au droit Lyon",
    type: 'legal-advice-centre',
    commune: '69387',
  },
];

const typeLabel: Record<OfficeType, string> = {
  'court-victim-office': 'BAV Tribunal',
  'police-station': 'Commissariat',
  gendarmerie: 'Gendarmerie',
  hospital: 'Hôpital',
  'city-hall': 'Mairie',
  'legal-advice-centre': "Point d'accès au droit",
};

const baseSpecialities: Record<OfficeType, Speciality[]> = {
  'court-victim-office': ['evvi', 'couple-violence'],
  'police-station': ['couple-violence'],
  gendarmerie: ['couple-violence'],
  hospital: ['psychological-support', 'sexual-violence'],
  'city-hall': [],
  'legal-advice-centre': ['fraud-scam'],
};
const extraSpecialities: Speciality[] = [
  'minors',
  'road-accident',
  'elderly',
  'sexual-violence',
  'psychological-support',
];

function officeType(commune: Commune, random: () => number): OfficeType {
  const r = random();
  if (commune.population >= 50_000) {
    if (r < 0.35) return 'police-station';
    if (r < 0.6) return 'hospital';
    if (r < 0.8) return 'city-hall';
    return 'legal-advice-centre';
  }
  if (commune.population >= 10_000) {
    if (r < 0.3) return 'police-station';
    if (r < 0.5) return 'gendarmerie';
    if (r < 0.7) return 'city-hall';
    if (r < 0.85) return 'hospital';
    return 'legal-advice-centre';
  }
  return r < 0.6 ? 'gendarmerie' : 'city-hall';
}

function specialities(type: OfficeType, random: () => number): Speciality[] {
  const chosen = new Set(baseSpecialities[type]);
  if (random() < 0.3) chosen.add(extraSpecialities[Math.floor(random() * extraSpecialities.length)]!);
  return [...chosen].sort();
}

function pickWeighted(communes: readonly Commune[], random: () => number): Commune {
  // Population to the power 0.8: big communes get more offices, not all of them.
  const weights = communes.map((c) => Math.max(c.population, 100) ** 0.8);
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < communes.length; i++) {
    r -= weights[i]!;
    if (r <= 0) return communes[i]!;
  }
  return communes.at(-1)!;
}

export const foreignCountries: [string, string, string[]][] = [
  ['BE', 'Belgique', ['fr', 'nl']],
  ['DE', 'Allemagne', ['de']],
  ['ES', 'Espagne', ['es']],
  ['IT', 'Italie', ['it']],
  ['PT', 'Portugal', ['pt']],
  ['GB', 'Royaume-Uni', ['en']],
  ['IE', 'Irlande', ['en']],
  ['NL', 'Pays-Bas', ['nl']],
  ['LU', 'Luxembourg', ['fr', 'de']],
  ['CH', 'Suisse', ['fr', 'de', 'it']],
  ['AT', 'Autriche', ['de']],
  ['SE', 'Suède', ['sv']],
  ['DK', 'Danemark', ['da']],
  ['FI', 'Finlande', ['fi']],
  ['PL', 'Pologne', ['pl']],
  ['CZ', 'Tchéquie', ['cs']],
  ['GR', 'Grèce', ['el']],
  ['CA', 'Canada', ['fr', 'en']],
  ['US', 'États-Unis', ['en']],
  ['MA', 'Maroc', ['ar', 'fr']],
];

/** The whole synthetic network as directory commands, in order. Same input, same output. */
export function generateNetwork(geography: Geography, seed = 20_250_601): SeedNetwork {
  const random = prng(seed);
  const departements = [...geography.departements.values()].filter(
    (d) => geography.communesOf(d.code).length > 0,
  );
  const population = (code: string) => geography.communesOf(code).reduce((n, c) => n + c.population, 0);

  const associations: Omit<Association, 'active'>[] = [];
  for (const d of departements) {
    associations.push({
      associationId: `asso-${slug(d.code)}`,
      name: `Aide aux victimes ${d.name}`,
      departement: d.code,
      coverage: { communes: [], departements: [d.code] },
    });
  }
  // City associations: a large commune (the département's second, the first staying with the
  // département's association) and its neighbours in the same intercommunality.
  const biggest = [...departements]
    .sort((a, b) => population(b.code) - population(a.code))
    .filter((d) => d.code !== '75');
  for (const d of biggest.slice(0, 21)) {
    const communes = geography.communesOf(d.code).filter((c) => c.type === 'commune');
    const city = communes[1];
    if (!city) continue;
    const neighbours = communes
      .filter((c) => c !== communes[0] && c !== city && c.epci && c.epci === city.epci)
      .slice(0, 5);
    associations.push({
      associationId: `asso-${slug(d.code)}-${slug(city.code)}`,
      name: `Association d'aide aux victimes de ${city.name}`,
      departement: d.code,
      coverage: { communes: [city.code, ...neighbours.map((c) => c.code)], departements: [] },
    });
  }

  const offices: Omit<Office, 'active'>[] = [];
  const officeAt = (
    officeId: string,
    associationId: string,
    name: string,
    type: OfficeType,
    commune: Commune,
  ): Omit<Office, 'active'> => ({
    officeId,
    associationId,
    name,
    type,
    address: {
      line: `${1 + Math.floor(random() * 120)} rue de la République`,
      postcode: commune.postcodes[0] ?? '',
      communeCode: commune.code,
    },
    openingHours: weekdays,
    specialities: specialities(type, random),
  });
  for (const anchor of anchors) {
    const commune = geography.commune(anchor.commune)!;
    offices.push({
      ...officeAt(anchor.officeId, anchor.associationId, anchor.name, anchor.type, commune),
      specialities: [...baseSpecialities[anchor.type]].sort(),
    });
  }
  const byDepartement = new Map<string, number>();
  for (const o of offices) {
    const dep = geography.commune(o.address.communeCode)!.departement;
    byDepartement.set(dep, (byDepartement.get(dep) ?? 0) + 1);
  }

  const total = departements.reduce((n, d) => n + population(d.code), 0);
  const remaining = TARGET_OFFICES - anchors.length;
  for (const association of associations) {
    const d = association.departement;
    const counter = () => {
      const n = (byDepartement.get(d) ?? 0) + 1;
      byDepartement.set(d, n);
      return `office-${slug(d)}-${String(n).padStart(3, '0')}`;
    };
    if (association.coverage.communes.length > 0) {
      // A city association: two offices in its main commune.
      const city = geography.commune(association.coverage.communes[0]!)!;
      for (const type of ['city-hall', 'police-station'] as const) {
        offices.push(
          officeAt(counter(), association.associationId, `${typeLabel[type]} ${city.name}`, type, city),
        );
      }
      continue;
    }
    const communes = geography.communesOf(d).slice(0, 150);
    const prefecture = geography.commune(geography.departements.get(d)!.chefLieu) ?? communes[0]!;
    if (
      !offices.some((o) => o.associationId === association.associationId && o.type === 'court-victim-office')
    ) {
      offices.push(
        officeAt(
          counter(),
          association.associationId,
          `BAV Tribunal de ${prefecture.name}`,
          'court-victim-office',
          prefecture,
        ),
      );
    }
    // Prefecture BAVs and city offices come on top of the population share.
    const share = Math.max(1, Math.round(((remaining - 170) * population(d)) / total));
    for (let i = 0; i < share; i++) {
      const commune = pickWeighted(communes, random);
      const type = officeType(commune, random);
      offices.push(
        officeAt(counter(), association.associationId, `${typeLabel[type]} ${commune.name}`, type, commune),
      );
    }
  }

  const foreign: Omit<ForeignOrganisation, 'active'>[] = foreignCountries.map(([code, name, languages]) => ({
    organisationId: `foreign-${code.toLowerCase()}`,
    countryCode: code,
    name: `Aide aux victimes ${name} (fictive)`,
    contact: { website: `https://example.org/victims/${code.toLowerCase()}` },
    languages,
  }));

  const commands: Omit<DirectoryCommand, 'metadata'>[] = [
    ...associations.map((data) => ({ type: 'RegisterAssociation' as const, data })),
    ...offices.map((data) => ({ type: 'OpenOffice' as const, data })),
    { type: 'RegisterPartner', data: { partnerId: 'partner-bank', name: 'Banque Exemple', sector: 'bank' } },
    {
      type: 'RegisterPartner',
      data: { partnerId: 'partner-transport', name: 'Transports Exemple', sector: 'transport' },
    },
    {
      type: 'RegisterPartner',
      data: { partnerId: 'partner-retail', name: 'Commerce Exemple', sector: 'retail' },
    },
    {
      type: 'RegisterPartner',
      data: { partnerId: 'partner-ministry', name: 'Ministère Exemple', sector: 'ministry' },
    },
    {
      type: 'SignAgreement',
      data: {
        agreementId: 'agr-bank-2024',
        partnerId: 'partner-bank',
        scope: { kind: 'national' },
        associationId: 'asso-75',
        validFrom: '2024-01-01',
      },
    },
    {
      type: 'SignAgreement',
      data: {
        agreementId: 'agr-transport-2024',
        partnerId: 'partner-transport',
        scope: { kind: 'regional', regions: ['84'] },
        associationId: 'asso-69',
        validFrom: '2024-01-01',
      },
    },
    {
      type: 'SignAgreement',
      data: {
        agreementId: 'agr-retail-2021',
        partnerId: 'partner-retail',
        scope: { kind: 'national' },
        associationId: 'asso-75',
        validFrom: '2021-01-01',
        validUntil: '2023-12-31',
      },
    },
    {
      type: 'SignAgreement',
      data: {
        agreementId: 'agr-ministry-2025',
        partnerId: 'partner-ministry',
        scope: { kind: 'national' },
        associationId: 'asso-75',
        validFrom: '2025-01-01',
      },
    },
    ...foreign.map((data) => ({ type: 'RegisterForeignOrganisation' as const, data })),
  ];
  return { associations, offices, commands };
}

/**
 * Seeds the directory when it is empty, through the directory's commands, in one transaction under
 * an advisory lock: two instances booting together seed once; a second run does nothing.
 * Returns the number of commands run (0 when the directory already had entries).
 */
export async function seedDirectory(
  db: Database,
  store: EventStore,
  geography: Geography,
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727101)');
    if (await store.lastCheckpoint({ streamPrefix: 'directory-', tx })) return 0;
    const { commands } = generateNetwork(geography);
    for (const command of commands) {
      const full = { ...command, metadata: { now } } as DirectoryCommand;
      await handleCommand(store, streamOf(full), directoryDecider, full, {
        tx,
        metadata: { actor: { id: 'directory-seed' }, seedVersion: SEED_VERSION },
      });
    }
    return commands.length;
  });
}
