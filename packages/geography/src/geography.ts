import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The official French administrative geography (COG, from @etalab/decoupage-administratif), held in
 * memory: loaded once at boot, then every look-up is a Map get. The package has no coordinates, so
 * "near" is the administrative hierarchy: same commune, same intercommunality (EPCI), same
 * arrondissement, same département.
 */
export interface Commune {
  code: string;
  name: string;
  /** Paris, Lyon and Marseille are split into municipal arrondissements (75111, 69383, 13208...). */
  type: 'commune' | 'arrondissement-municipal';
  departement: string;
  region: string;
  /** Administrative arrondissement (e.g. '751'); empty in Mayotte. */
  arrondissement: string;
  /** The city an arrondissement-municipal belongs to (75056 for Paris). */
  parent?: string;
  /** Intercommunality (EPCI SIREN) the commune (or its parent city) belongs to. */
  epci?: string;
  postcodes: readonly string[];
  population: number;
  zone: 'metro' | 'drom' | 'com';
}

export interface Departement {
  code: string;
  name: string;
  region: string;
  zone: 'metro' | 'drom' | 'com';
  /** Prefecture commune. */
  chefLieu: string;
}

export type PostcodeResolution =
  | { kind: 'commune'; commune: Commune; reason: string }
  | { kind: 'ambiguous'; candidates: readonly Commune[]; reason: string }
  | { kind: 'unknown'; reason: string };

export interface Geography {
  communes: ReadonlyMap<string, Commune>;
  /** Postcode → the communes that use it (cities split in arrondissements give the arrondissements). */
  byPostcode: ReadonlyMap<string, readonly Commune[]>;
  departements: ReadonlyMap<string, Departement>;
  /** Communes (actual and arrondissements) of a département, largest first. */
  communesOf(departement: string): readonly Commune[];
  /** A commune by INSEE code, also through former codes and merged (delegated/associated) communes. */
  commune(code: string): Commune | undefined;
  /** The commune of a residence: by the commune code when given and consistent, else by the postcode. */
  resolve(residence: { postcode?: string; communeCode?: string }): PostcodeResolution;
  stats: { communes: number; postcodes: number; loadMs: number; heapMb: number };
}

interface RawCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  zone: 'metro' | 'drom' | 'com';
  departement?: string;
  region?: string;
  arrondissement?: string;
  commune?: string;
  chefLieu?: string;
  anciensCodes?: string[];
  codesPostaux?: string[];
  population?: number;
}

interface RawDepartement {
  code: string;
  nom: string;
  region: string;
  zone: 'metro' | 'drom' | 'com';
  chefLieu: string;
}

interface RawEpci {
  code: string;
  membres: { code: string }[];
}

const dataDir = () => {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@etalab/decoupage-administratif/package.json')), 'data');
};

const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(dataDir(), file), 'utf8')) as T;

let loaded: Geography | undefined;

/** The geography, loaded on first call and shared by the whole process. */
export function loadGeography(): Geography {
  loaded ??= buildGeography();
  return loaded;
}

function buildGeography(): Geography {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const rawCommunes = readJson<RawCommune[]>('communes.json');
  const rawDepartements = readJson<RawDepartement[]>('departements.json');
  const rawEpci = readJson<RawEpci[]>('epci.json');

  const epciOf = new Map<string, string>();
  for (const epci of rawEpci) for (const member of epci.membres) epciOf.set(member.code, epci.code);

  const communes = new Map<string, Commune>();
  for (const raw of rawCommunes) {
    if (raw.type !== 'commune-actuelle' && raw.type !== 'arrondissement-municipal') continue;
    const epci = epciOf.get(raw.type === 'arrondissement-municipal' ? (raw.commune ?? '') : raw.code);
    communes.set(raw.code, {
      code: raw.code,
      name: raw.nom,
      type: raw.type === 'arrondissement-municipal' ? 'arrondissement-municipal' : 'commune',
      departement: raw.departement ?? '',
      region: raw.region ?? '',
      arrondissement: raw.arrondissement ?? '',
      ...(raw.commune ? { parent: raw.commune } : {}),
      ...(epci ? { epci } : {}),
      postcodes: raw.codesPostaux ?? [],
      population: raw.population ?? 0,
      zone: raw.zone,
    });
  }

  // Former codes and merged communes lead to the commune that absorbed them.
  const aliases = new Map<string, string>();
  for (const raw of rawCommunes) {
    if (raw.type === 'commune-actuelle') {
      for (const old of raw.anciensCodes ?? []) if (!communes.has(old)) aliases.set(old, raw.code);
    } else if (raw.type !== 'arrondissement-municipal') {
      const parent = raw.chefLieu ?? raw.commune;
      if (parent && !communes.has(raw.code) && communes.has(parent)) aliases.set(raw.code, parent);
    }
  }

  const byPostcode = new Map<string, Commune[]>();
  const citiesWithArrondissements = new Set<string>();
  for (const commune of communes.values()) if (commune.parent) citiesWithArrondissements.add(commune.parent);
  for (const commune of communes.values()) {
    // Paris, Lyon and Marseille list every postcode of their arrondissements: the arrondissement is the answer.
    if (citiesWithArrondissements.has(commune.code)) continue;
    for (const postcode of commune.postcodes) {
      const list = byPostcode.get(postcode) ?? [];
      list.push(commune);
      byPostcode.set(postcode, list);
    }
  }
  for (const list of byPostcode.values()) list.sort((a, b) => b.population - a.population);

  const byDepartement = new Map<string, Commune[]>();
  for (const commune of communes.values()) {
    if (citiesWithArrondissements.has(commune.code)) continue;
    const list = byDepartement.get(commune.departement) ?? [];
    list.push(commune);
    byDepartement.set(commune.departement, list);
  }
  for (const list of byDepartement.values()) list.sort((a, b) => b.population - a.population);

  const departements = new Map<string, Departement>();
  for (const raw of rawDepartements) {
    departements.set(raw.code, {
      code: raw.code,
      name: raw.nom,
      region: raw.region,
      zone: raw.zone,
      chefLieu: raw.chefLieu,
    });
  }

  const commune = (code: string) => communes.get(code) ?? communes.get(aliases.get(code) ?? '');
  const loadMs = performance.now() - started;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

  return {
    communes,
    byPostcode,
    departements,
    communesOf: (departement) => byDepartement.get(departement) ?? [],
    commune,
    resolve({ postcode, communeCode }) {
      const candidates = postcode ? (byPostcode.get(postcode) ?? []) : [];
      if (communeCode) {
        const found = commune(communeCode);
        // A city code (75056) with an arrondissement postcode still means that arrondissement.
        const inCity = found && candidates.find((c) => c.parent === found.code);
        if (inCity)
          return { kind: 'commune', commune: inCity, reason: `commune ${inCity.code} from postcode` };
        if (found && (candidates.length === 0 || candidates.some((c) => c.code === found.code))) {
          return {
            kind: 'commune',
            commune: found,
            reason: `commune ${found.code} (${found.name}) from code`,
          };
        }
        if (found && postcode && candidates.length > 0) {
          return {
            kind: 'ambiguous',
            candidates,
            reason: `commune ${communeCode} does not use postcode ${postcode}`,
          };
        }
      }
      if (!postcode) return { kind: 'unknown', reason: 'no postcode and no known commune code' };
      if (candidates.length === 0) return { kind: 'unknown', reason: `unknown postcode ${postcode}` };
      if (candidates.length === 1) {
        const only = candidates[0]!;
        return {
          kind: 'commune',
          commune: only,
          reason: `postcode ${postcode} is used by ${only.code} (${only.name}) only`,
        };
      }
      return {
        kind: 'ambiguous',
        candidates,
        reason: `postcode ${postcode} is shared by ${candidates.length} communes and no commune code was given`,
      };
    },
    stats: {
      communes: communes.size,
      postcodes: byPostcode.size,
      loadMs: Math.round(loadMs),
      heapMb: Math.round(heapMb * 10) / 10,
    },
  };
}

export { postcodeProblem } from './postcodes.ts';
export { type CommuneChoice, normaliseName, searchCommunes } from './search.ts';
