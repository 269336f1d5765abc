import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { badRequest, notFound } from '@parcours/service-kit';
import { access } from '../access.ts';
import type { ProjectionsModule } from '../module.ts';
import { dashboard, type Scope } from './queries.ts';
import { AssociationParams, DashboardQuery, DashboardResponse, OfficeParams } from './schemas.ts';

const DAY = 86_400_000;

/** The association an office belongs to: the directory's, else what the case views say. */
async function associationOf(module: ProjectionsModule, officeId: string): Promise<string | undefined> {
  const [row] = await module.db.query<{ association_id: string }>(
    `SELECT association_id FROM pj_offices WHERE office_id = $1
     UNION ALL (SELECT association_id FROM pj_files WHERE office_id = $1 LIMIT 1)
     UNION ALL (SELECT association_id FROM pj_referrals WHERE office_id = $1 LIMIT 1)
     LIMIT 1`,
    [officeId],
  );
  return row?.association_id;
}

function period(query: { asOf?: string; from?: string }) {
  const asOf = query.asOf ? new Date(query.asOf) : new Date();
  const from = query.from ? new Date(query.from) : new Date(asOf.getTime() - 90 * DAY);
  if (from >= asOf) throw badRequest('bad_period', 'from must be before asOf');
  return { asOf, from };
}

/** The managers' dashboards: one office's, one association's (access.ts: dashboard.read). */
export const dashboardRoutes: FastifyPluginAsyncTypebox<{ module: ProjectionsModule }> = async (
  app,
  { module },
) => {
  const read = (scope: Scope, query: { asOf?: string; from?: string }) =>
    dashboard(module.db, { scope, ...period(query), inactiveWeeks: module.config.INACTIVE_WEEKS });

  app.get(
    '/offices/:officeId/dashboard',
    {
      preHandler: access.guard('dashboard.read'),
      schema: {
        tags: ['dashboards'],
        summary:
          "An office's dashboard: caseload, referrals waiting and overdue, delays, breaches, what is coming",
        params: OfficeParams,
        querystring: DashboardQuery,
        response: { 200: DashboardResponse },
      },
    },
    async (request) => {
      const { officeId } = request.params;
      const associationId = await associationOf(module, officeId);
      if (!associationId) throw notFound('office_not_found', 'No office with this id');
      access.check(request.actor, 'dashboard.read', { associationId, officeId });
      return read({ kind: 'office', id: officeId }, request.query);
    },
  );

  app.get(
    '/associations/:associationId/dashboard',
    {
      preHandler: access.guard('dashboard.read'),
      schema: {
        tags: ['dashboards'],
        summary: "An association's dashboard: the same figures over all its offices",
        params: AssociationParams,
        querystring: DashboardQuery,
        response: { 200: DashboardResponse },
      },
    },
    async (request) => {
      const { associationId } = request.params;
      access.check(request.actor, 'dashboard.read', { associationId });
      return read({ kind: 'association', id: associationId }, request.query);
    },
  );
};
