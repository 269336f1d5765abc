import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { intakeAccess, intakeOwner } from '../access.ts';
import { iso } from '../intake/schemas.ts';
import type { IntakeModule } from '../module.ts';

/** The minimal view of a possible duplicate: no identity, only what tells the intakes apart. */
const Minimal = Type.Object({
  intakeId: Type.String(),
  channel: Type.String(),
  recordedAt: Type.String(),
  officeId: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
});

interface Row {
  intake_id: string;
  channel: string;
  recorded_at: Date | string;
  office_id: string | null;
  status: string;
  match_key: string;
}

const minimal = (r: Row) => ({
  intakeId: r.intake_id,
  channel: r.channel,
  recordedAt: iso(r.recorded_at),
  officeId: r.office_id,
  status: r.status,
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
      const rows = await db.query<Row>(
        `SELECT * FROM intake_summaries WHERE match_key = $1 AND intake_id <> $2 AND status <> 'merged'
         ORDER BY recorded_at, intake_id`,
        [state.intake.matchKey, state.intake.intakeId],
      );
      return { items: rows.map(minimal) };
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
    async (request) => {
      const rows = await db.query<Row>(
        `WITH groups AS (
           SELECT match_key, max(recorded_at) AS latest FROM intake_summaries
           WHERE match_key IS NOT NULL AND status <> 'merged'
           GROUP BY match_key HAVING count(*) > 1
           ORDER BY latest DESC, match_key LIMIT $1 OFFSET $2)
         SELECT s.* FROM intake_summaries s JOIN groups g USING (match_key)
         WHERE s.status <> 'merged' ORDER BY g.latest DESC, s.match_key, s.recorded_at, s.intake_id`,
        [request.query.limit, request.query.offset],
      );
      const groups = new Map<string, ReturnType<typeof minimal>[]>();
      for (const row of rows) {
        const group = groups.get(row.match_key) ?? [];
        groups.set(row.match_key, group);
        group.push(minimal(row));
      }
      return { groups: [...groups.values()].map((group) => ({ intakes: group })) };
    },
  );
};
