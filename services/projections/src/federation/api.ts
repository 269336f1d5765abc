import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { access } from '../access.ts';
import type { ProjectionsModule } from '../module.ts';
import { type FederationCube, FederationFigures, federationCube, federationRows } from './figures.ts';

const Values = Type.Object(
  Object.fromEntries(
    FederationFigures.map((figure) => [
      figure,
      Type.Union([Type.Integer(), Type.Null()], { description: 'null: suppressed' }),
    ]),
  ),
);
const Row = Type.Object({
  level: Type.String(),
  key: Type.String(),
  region: Type.Union([Type.String(), Type.Null()]),
  values: Values,
});
const Query = Type.Object(
  {
    level: StringEnum(['association', 'departement', 'region'] as const),
    year: Type.Optional(
      Type.Integer({ minimum: 2000, maximum: 2100, description: 'Calendar year (default: this year)' }),
    ),
    region: Type.Optional(
      Type.String({ minLength: 1, maxLength: 8, description: 'Only the rows of this region' }),
    ),
  },
  { additionalProperties: false },
);
const Response = Type.Object({
  year: Type.Integer(),
  asOf: Type.String({ format: 'date-time' }),
  threshold: Type.Integer(),
  national: Row,
  rows: Type.Array(Row),
});

const CACHE_MS = 30_000;

/**
 * The federation's figures by association, département or region: counts only, those under the
 * threshold suppressed with their complements (federation/suppression.ts). Whole calendar years
 * only, so that two periods never differ by a few people; one cube per year, kept 30 s, so that
 * every level and filter read the same cells.
 */
export const federationRoutes: FastifyPluginAsyncTypebox<{ module: ProjectionsModule }> = async (
  app,
  { module },
) => {
  const cache = new Map<number, { at: number; cube: Promise<FederationCube> }>();
  const cubeOf = (year: number) => {
    const known = cache.get(year);
    if (known && Date.now() - known.at < CACHE_MS) return known.cube;
    const cube = federationCube(module.db, {
      year,
      asOf: new Date(),
      threshold: module.config.SUPPRESSION_THRESHOLD,
      inactiveWeeks: module.config.INACTIVE_WEEKS,
    });
    cache.set(year, { at: Date.now(), cube });
    cube.catch(() => cache.delete(year));
    return cube;
  };

  app.get(
    '/federation',
    {
      preHandler: access.guard('federation.read'),
      schema: {
        tags: ['federation'],
        summary: 'The network’s figures by association, département or region, small counts suppressed',
        querystring: Query,
        response: { 200: Response },
      },
    },
    async (request) => {
      access.check(request.actor, 'federation.read', {});
      const { level, region } = request.query;
      const year = request.query.year ?? new Date().getUTCFullYear();
      const cube = await cubeOf(year);
      return { year, asOf: cube.asOf, threshold: cube.threshold, ...federationRows(cube, level, region) };
    },
  );
};
