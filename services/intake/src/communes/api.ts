import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Geography, searchCommunes } from '@parcours/geography';
import { Type } from '@sinclair/typebox';
import { intakeAccess } from '../access.ts';

const CommuneChoice = Type.Object({
  code: Type.String({ description: 'INSEE code' }),
  name: Type.String(),
  postcodes: Type.Array(Type.String()),
  departement: Type.String(),
});

/** The commune picker's look-up: a listener knows a town's name or its postcode, not its INSEE code. */
export const communeRoutes: FastifyPluginAsyncTypebox<{ module: { geography: Geography } }> = async (
  app,
  { module },
) => {
  app.get(
    '/communes',
    {
      schema: {
        tags: ['communes'],
        summary: 'Find communes by name or postcode (the official geography), the most populated first',
        querystring: Type.Object(
          {
            q: Type.String({
              minLength: 2,
              maxLength: 60,
              description: 'A name (accents aside) or the start of a postcode',
            }),
            limit: Type.Integer({ minimum: 1, maximum: 50, default: 12 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(CommuneChoice) }) },
      },
      preHandler: intakeAccess.guard('commune.search'),
    },
    async (request, reply) => {
      // The official geography changes once a year: a browser may keep an answer for an hour.
      reply.header('cache-control', 'private, max-age=3600');
      return { items: searchCommunes(module.geography, request.query.q, request.query.limit) };
    },
  );
};
