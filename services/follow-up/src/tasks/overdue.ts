import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { readModels } from '@parcours/eventstore';
import { forbidden } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { listScope } from '../access.ts';
import { fileReaders } from '../files/api.ts';
import { Id, strict } from '../files/fields.ts';
import type { FollowUpModule } from '../module.ts';

const OverdueList = Type.Object({
  items: Type.Array(
    Type.Object({
      taskId: Type.String(),
      fileId: Type.String(),
      officeId: Type.String(),
      kind: Type.String(),
      dueAt: Type.String(),
      /** Who it falls to: its assignee, else the file's caseworker; null when nobody holds the file. */
      assigneeId: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
const Limit = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) }, strict);

/**
 * Tasks past their due time on files still open, oldest first: per office (its manager's view) and
 * per caseworker (their own day). Within the reader's scope (access.ts), like the lists of files.
 */
export const overdueRoutes: FastifyPluginAsyncTypebox<{ module: FollowUpModule }> = async (
  app,
  { module },
) => {
  const { db } = module;

  function overdue(actor: Parameters<typeof listScope>[0], limit: number) {
    const scope = listScope(actor, 'file:read');
    if (!scope) throw forbidden('follow_up_forbidden', 'Your role does not allow reading files');
    let query = readModels(db.em())
      .selectFrom('followup_tasks as t')
      .innerJoin('followup_files as f', 'f.fileId', 't.fileId')
      .select(['t.taskId', 't.fileId', 't.officeId', 't.kind', 't.dueAt'])
      .select((eb) => eb.fn.coalesce('t.assigneeId', 'f.caseworkerId').as('assigneeId'))
      .where('t.status', '=', 'open')
      .where('t.dueAt', '<=', new Date())
      .where('f.status', 'in', ['open', 'closure-requested'])
      .orderBy('t.dueAt')
      .orderBy('t.taskId')
      .limit(limit);
    if (scope.kind === 'association') query = query.where('t.associationId', '=', scope.associationId);
    if (scope.kind === 'office') query = query.where('t.officeId', '=', scope.officeId);
    return query;
  }
  const items = async (query: ReturnType<typeof overdue>) => ({
    items: (await query.execute()).map((row) => ({
      ...row,
      dueAt: new Date(row.dueAt).toISOString(),
      assigneeId: row.assigneeId ?? null,
    })),
  });

  app.get(
    '/offices/:officeId/overdue',
    {
      schema: {
        tags: ['tasks'],
        summary: 'The office’s overdue tasks, oldest first',
        params: Type.Object({ officeId: Id }, strict),
        querystring: Limit,
        response: { 200: OverdueList },
      },
      preHandler: fileReaders,
    },
    async (request) =>
      items(overdue(request.actor, request.query.limit).where('t.officeId', '=', request.params.officeId)),
  );

  app.get(
    '/caseworkers/:staffId/overdue',
    {
      schema: {
        tags: ['tasks'],
        summary: 'A caseworker’s overdue tasks (theirs, or on the files they hold), oldest first',
        params: Type.Object({ staffId: Id }, strict),
        querystring: Limit,
        response: { 200: OverdueList },
      },
      preHandler: fileReaders,
    },
    async (request) =>
      items(
        overdue(request.actor, request.query.limit).where(
          (eb) => eb.fn.coalesce('t.assigneeId', 'f.caseworkerId'),
          '=',
          request.params.staffId,
        ),
      ),
  );
};
