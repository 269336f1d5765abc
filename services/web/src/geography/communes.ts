import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Type } from '@sinclair/typebox';
import type { App } from '../app.ts';

/** One choice of the commune picker: a commune (or a municipal arrondissement) with one of its postcodes. */
export interface CommuneChoice {
  code: string;
  name: string;
  postcode: string;
  departement: string;
}

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  commune?: string;
  codesPostaux?: string[];
  population?: number;
}

interface Entry extends CommuneChoice {
  key: string;
  population: number;
}

export const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[-'’]/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The official communes (COG, @etalab/decoupage-administratif, the package the referral service
 * routes with), one entry per commune and postcode. Paris, Lyon and Marseille appear as their
 * arrondissements, as routing resolves them.
 */
export function loadCommunes(): Entry[] {
  const require = createRequire(import.meta.url);
  const file = join(
    dirname(require.resolve('@etalab/decoupage-administratif/package.json')),
    'data/communes.json',
  );
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawCommune[];
  const split = new Set(raw.filter((c) => c.type === 'arrondissement-municipal').map((c) => c.commune));
  return raw
    .filter(
      (c) => (c.type === 'commune-actuelle' && !split.has(c.code)) || c.type === 'arrondissement-municipal',
    )
    .flatMap((c) =>
      (c.codesPostaux ?? []).map((postcode) => ({
        code: c.code,
        name: c.nom,
        postcode,
        departement: c.departement ?? '',
        key: normalise(c.nom),
        population: c.population ?? 0,
      })),
    );
}

/** By postcode (its first digits) or by name (accents, case and "Saint"/"St" alike), largest first. */
export function searchCommunes(entries: readonly Entry[], query: string, limit: number): CommuneChoice[] {
  const q = query.trim();
  const byPostcode = /^\d[\dAB]?\d{0,3}$/i.test(q);
  const key = normalise(q);
  const rank = (entry: Entry) => {
    if (byPostcode) return entry.postcode.startsWith(q) ? 0 : -1;
    if (entry.key.startsWith(key)) return 0;
    return entry.key.includes(` ${key}`) ? 1 : -1;
  };
  return entries
    .map((entry) => ({ entry, rank: rank(entry) }))
    .filter((r) => r.rank >= 0)
    .sort((a, b) => a.rank - b.rank || b.entry.population - a.entry.population)
    .slice(0, limit)
    .map(({ entry: { code, name, postcode, departement } }) => ({ code, name, postcode, departement }));
}

/**
 * `GET /geo/communes?q=` for the commune picker. The referral service publishes no commune look-up
 * yet: this endpoint stands in for it, reading the same official data.
 */
export async function communeRoutes(app: App) {
  let entries: Entry[] | undefined;
  app.get(
    '/geo/communes',
    {
      config: { public: true },
      schema: {
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 2, maxLength: 60 }),
            limit: Type.Integer({ minimum: 1, maximum: 50, default: 12 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      await app.sessions.require(request);
      entries ??= loadCommunes();
      reply.header('cache-control', 'private, max-age=3600');
      return { items: searchCommunes(entries, request.query.q, request.query.limit) };
    },
  );
}
