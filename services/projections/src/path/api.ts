import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { logAccess } from '@parcours/eventstore';
import { notFound } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { access } from '../access.ts';
import { ordered } from '../cases/fold.ts';
import { eventsOfCases } from '../log/log.ts';
import type { ProjectionsModule } from '../module.ts';
import { timeline } from './timeline.ts';

const Params = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 80 }) });
const Nullable = Type.Union([Type.String(), Type.Null()]);
const Step = Type.Object({
  at: Type.String({ format: 'date-time' }),
  source: Type.Union([
    Type.Literal('intake'),
    Type.Literal('referral'),
    Type.Literal('follow-up'),
    Type.Literal('mediation'),
  ]),
  step: Type.String(),
  associationId: Nullable,
  officeId: Nullable,
  fileId: Nullable,
  referralId: Nullable,
  mandateId: Nullable,
  details: Type.Record(Type.String(), Type.Unknown()),
});
const PathResponse = Type.Object({ caseId: Type.String(), steps: Type.Array(Step) });

/** The places a case went through: where its readers may stand. */
async function placesOf(module: ProjectionsModule, caseKey: string) {
  const rows = await module.db.query<{ associationId: string | null; officeId: string | null }>(
    `SELECT association_id AS "associationId", office_id AS "officeId" FROM pj_files WHERE case_key = $1
     UNION SELECT association_id, office_id FROM pj_referrals WHERE case_key = $1 AND association_id IS NOT NULL
     UNION SELECT association_id, office_id FROM pj_mediations WHERE case_key = $1
     UNION SELECT intake_association_id, intake_office_id FROM pj_cases
       WHERE case_key = $1 AND intake_association_id IS NOT NULL`,
    [caseKey],
  );
  return rows.map((row) => ({
    associationId: row.associationId ?? undefined,
    officeId: row.officeId ?? undefined,
  }));
}

/**
 * The victim's path: one timeline per case across intake, referral, follow-up and mediation, for
 * those who may read a file of an association the case went through; every read is logged first.
 */
export const pathRoutes: FastifyPluginAsyncTypebox<{ module: ProjectionsModule }> = async (
  app,
  { module },
) => {
  app.get(
    '/cases/:caseId/path',
    {
      preHandler: access.guard('path.read'),
      schema: {
        tags: ['path'],
        summary: "The victim's path: every step of the case, in order (the read is logged)",
        params: Params,
        response: { 200: PathResponse },
      },
    },
    async (request) => {
      const { caseId } = request.params;
      const places = await placesOf(module, caseId);
      if (places.length === 0) throw notFound('case_not_found', 'No case with this id');
      if (!places.some((place) => access.can(request.actor, 'path.read', place)))
        access.check(request.actor, 'path.read', places[0]!);
      const events = await module.db.transaction(async (tx) => {
        await logAccess(tx, {
          actor: request.actor.id,
          subject: { kind: 'case-path', id: caseId },
          purpose: 'victim-path',
        });
        return eventsOfCases(tx, [caseId]);
      });
      return { caseId, steps: timeline(ordered(events)) };
    },
  );
};
