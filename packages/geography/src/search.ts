import type { Commune, Geography } from './geography.ts';

/** One choice of a commune picker: a commune (or a municipal arrondissement) and its postcodes. */
export interface CommuneChoice {
  code: string;
  name: string;
  postcodes: string[];
  departement: string;
}

/** Lower case, no accents, dashes and apostrophes as spaces, "Saint" as "St": how people type names. */
export const normaliseName = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[-'’]/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/\s+/g, ' ')
    .trim();

const indexes = new WeakMap<Geography, { commune: Commune; key: string }[]>();

/** The communes as a picker lists them: cities split in arrondissements as their arrondissements. */
function indexOf(geography: Geography) {
  let index = indexes.get(geography);
  if (!index) {
    const split = new Set([...geography.communes.values()].flatMap((c) => (c.parent ? [c.parent] : [])));
    index = [...geography.communes.values()]
      .filter((commune) => !split.has(commune.code))
      .map((commune) => ({ commune, key: normaliseName(commune.name) }));
    indexes.set(geography, index);
  }
  return index;
}

/**
 * Communes by name (accents, case and "Saint"/"St" alike; a name's start first, then a word of it)
 * or by postcode (its first digits), the most populated first.
 */
export function searchCommunes(geography: Geography, query: string, limit: number): CommuneChoice[] {
  const q = query.trim();
  const byPostcode = /^\d{1,5}$/.test(q);
  const key = normaliseName(q);
  const rank = ({ commune, key: name }: { commune: Commune; key: string }) => {
    if (byPostcode) return commune.postcodes.some((postcode) => postcode.startsWith(q)) ? 0 : -1;
    if (name.startsWith(key)) return 0;
    return name.includes(` ${key}`) ? 1 : -1;
  };
  return indexOf(geography)
    .map((entry) => ({ entry, rank: rank(entry) }))
    .filter((ranked) => ranked.rank >= 0)
    .sort((a, b) => a.rank - b.rank || b.entry.commune.population - a.entry.commune.population)
    .slice(0, limit)
    .map(({ entry: { commune } }) => ({
      code: commune.code,
      name: commune.name,
      postcodes: [...commune.postcodes],
      departement: commune.departement,
    }));
}
