import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { metrics } from '@opentelemetry/api';
import { StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { access } from '../access.ts';
import type { ProjectionsModule } from '../module.ts';
import { rebuildRunning, type ViewStatus, Views } from './rebuild.ts';

const Nullable = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
const Status = Type.Object({
  name: Type.String(),
  status: Type.String(),
  processed: Type.Integer(),
  total: Type.Integer(),
  startedAt: Nullable,
  finishedAt: Nullable,
  lagEvents: Type.Integer(),
  lagSeconds: Type.Integer(),
});
const toJson = (view: ViewStatus) => ({
  ...view,
  startedAt: view.startedAt?.toISOString() ?? null,
  finishedAt: view.finishedAt?.toISOString() ?? null,
});

/**
 * The views' state (rebuild progress, lag) for the admin, a rebuild of any view from the log, each
 * view's lag as a metric (`parcours.projections.view.lag`, events) and on /health/ready (a view
 * further behind than MAX_VIEW_LAG_SECONDS fails readiness).
 */
export const viewRoutes: FastifyPluginAsyncTypebox<{ module: ProjectionsModule }> = async (
  app,
  { module },
) => {
  const { rebuilds, config } = module;
  metrics
    .getMeter('@parcours/projections')
    .createObservableGauge('parcours.projections.view.lag', {
      description: 'Events of the log a view has not applied yet',
      unit: '{event}',
    })
    .addCallback(async (result) => {
      for (const view of await rebuilds.status()) result.observe(view.lagEvents, { view: view.name });
    });
  app.registerReadinessCheck('views', async () => {
    const behind = (await rebuilds.status()).filter((view) => view.lagSeconds > config.MAX_VIEW_LAG_SECONDS);
    if (behind.length > 0) throw new Error(`views behind: ${behind.map((view) => view.name).join(', ')}`);
  });

  app.get(
    '/views',
    {
      preHandler: access.guard('views.manage'),
      schema: {
        tags: ['views'],
        summary: 'Each view: live or rebuilding, its progress and its lag',
        response: { 200: Type.Object({ items: Type.Array(Status) }) },
      },
    },
    async () => ({ items: (await rebuilds.status()).map(toJson) }),
  );

  app.post(
    '/views/:view/rebuild',
    {
      // A retried request (Idempotency-Key) gets the first answer instead of a second rebuild.
      config: { idempotent: true },
      preHandler: access.guard('views.manage'),
      schema: {
        tags: ['views'],
        summary: 'Rebuilds a view from the integration-event log (progress on GET /views)',
        params: Type.Object({ view: StringEnum(Views) }),
        response: { 202: Status },
      },
    },
    async (request, reply) => {
      const { view } = request.params;
      if (!(await rebuilds.start(view))) throw rebuildRunning();
      const status = (await rebuilds.status()).find((item) => item.name === view)!;
      return reply.code(202).send(toJson(status));
    },
  );
};
