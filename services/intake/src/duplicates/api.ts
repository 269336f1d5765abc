import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { intakeAccess, intakeOwner } from '../access.ts';
import type { IntakeModule } from '../module.ts';
import { duplicateGroups, possibleDuplicates } from './read-model.ts';

/** The minimal view of a possible duplicate: no identity, only what tells the intakes apart. */
const Minimal = Type.Object({
  intakeId: Type.String(),
  channel: Type.String(),
  recordedAt: Type.String(),
  officeId: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
});

/**
 * Possible duplicates: intakes with the same match key (HMAC of normalised name, birth date and
 * commune). Flagged for a person to look at, never merged automatically (merge is a command).
 */
export const duplicateRoutes: FastifyPluginAsyncTypebox<{ module: IntakeModule }> = async (
  app,
  { module },
) => {
  const { db, intakes } = module;

  app.get(
    '/intakes/:intakeId/possible-duplicates',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Other intakes that may be the same person (minimal view)',
        params: Type.Object({ intakeId: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Object({ items: Type.Array(Minimal) }) },
      },
      preHandler: intakeAccess.guard('intake.merge'),
    },
    async (request) => {
      const state = await intakes.load(request.params.intakeId);
      if (state.status === 'none') throw notFound('intake_not_found', 'No such intake');
      const owner = intakeOwner(state.intake, request.actor);
      intakeAccess.check(request.actor, 'intake.merge', owner, 'intake_out_of_scope');
      if (!state.intake.matchKey) return { items: [] };
      return { items: await possibleDuplicates(db.em(), state.intake.intakeId, state.intake.matchKey) };
    },
  );

  app.get(
    '/duplicates',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Groups of possible duplicates (minimal view), newest first',
        querystring: Type.Object(
          {
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ groups: Type.Array(Type.Object({ intakes: Type.Array(Minimal) })) }) },
      },
      preHandler: intakeAccess.guard('duplicates.list'),
    },
    async (request) => ({ groups: await duplicateGroups(db.em(), request.query) }),
  );
};
