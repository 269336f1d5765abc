import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { may } from '../access.ts';
import { calendar, monthOf, officeMonthJson, weekOf } from '../calendar/views.ts';
import { MediationErrors } from '../errors.ts';
import type { MediationModule } from '../module.ts';
import { allow, mediationStaff } from './guard.ts';
import { LocalDate, MediatorParams, OfficeParams } from './schemas.ts';

const Entry = Type.Object({
  sessionId: Type.String(),
  mandateId: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  start: Type.String(),
  end: Type.String(),
  mediatorId: Type.String(),
  roomId: Type.String(),
  officeId: Type.String(),
  sequence: Type.Integer(),
  parties: Type.Array(Type.Object({ partyId: Type.String(), role: Type.String(), arriveAt: Type.String() })),
});
/** A session of the month: what the month's grid shows; mediator and room are indexes into the payload's tables. */
const MonthEntry = Type.Object({
  sessionId: Type.String(),
  mandateId: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  start: Type.String(),
  end: Type.String(),
  roles: Type.Array(Type.String(), { description: 'The convened parties’ roles (no identity)' }),
  mediator: Type.Integer({ minimum: 0, description: 'Index in `mediators`' }),
  room: Type.Integer({ minimum: 0, description: 'Index in `rooms`' }),
});
const Month = Type.Object({
  month: Type.String(),
  mediators: Type.Array(
    Type.Object({ mediatorId: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }),
  ),
  rooms: Type.Array(Type.Object({ roomId: Type.String(), name: Type.Union([Type.String(), Type.Null()]) })),
  sessions: Type.Array(MonthEntry),
});
const Window = Type.Object({ weekday: Type.Integer(), from: Type.String(), to: Type.String() });
const Exception = Type.Object({
  exceptionId: Type.String(),
  kind: Type.String(),
  start: Type.String(),
  end: Type.String(),
});

/**
 * The calendar the web shows: a mediator's week (with their availability, to drag sessions within
 * it) and an office's month. Sessions with the parties' roles only: no identity, so no access log.
 */
export const calendarRoutes: FastifyPluginAsyncTypebox<{ module: MediationModule }> = async (
  app,
  { module },
) => {
  const { mediation, db } = module;
  const zone = () => mediation.policy.timeZone;

  app.get(
    '/mediators/:mediatorId/week',
    {
      schema: {
        tags: ['mediation'],
        summary: 'A mediator’s week (Monday to Sunday, local): sessions, weekly pattern and exceptions',
        params: MediatorParams,
        querystring: Type.Object({ date: LocalDate }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            from: Type.String(),
            mediator: Type.Object({
              mediatorId: Type.String(),
              name: Type.Union([Type.String(), Type.Null()]),
            }),
            sessions: Type.Array(Entry),
            weekly: Type.Array(Window),
            exceptions: Type.Array(Exception),
          }),
        },
      },
      preHandler: mediationStaff,
    },
    async (request) => {
      const state = await mediation.mediator(request.params.mediatorId);
      if (state.status === 'none') throw MediationErrors.notFound('mediator');
      const { mediator } = state;
      allow(request.actor, 'read', { associationId: mediator.associationId });
      const week = weekOf(request.query.date, zone());
      const sessions = await calendar(db, { mediatorId: mediator.mediatorId }, week, (target) =>
        may(request.actor, 'read', target),
      );
      const exceptions = mediator.exceptions.filter(
        (e) => Date.parse(e.start) < week.end.getTime() && Date.parse(e.end) > week.start.getTime(),
      );
      return {
        from: week.from,
        mediator: { mediatorId: mediator.mediatorId, name: mediator.name ?? null },
        sessions,
        weekly: mediator.weekly,
        exceptions,
      };
    },
  );

  app.get(
    '/offices/:officeId/calendar',
    {
      schema: {
        tags: ['mediation'],
        summary:
          'An office’s month: its mediators and rooms once, then every session referring to them by index, with the parties’ roles',
        description:
          'Sent with an ETag: a request with `If-None-Match` for a month unchanged since gets 304 and no body.',
        params: OfficeParams,
        querystring: Type.Object(
          { month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' }) },
          { additionalProperties: false },
        ),
        response: { 200: Month, 304: Type.Null({ description: 'Unchanged since the ETag given' }) },
      },
      preHandler: mediationStaff,
    },
    async (request, reply) => {
      const { officeId } = request.params;
      const [month, rooms] = await Promise.all([
        officeMonthJson(db, officeId, monthOf(request.query.month, zone()), (target) =>
          may(request.actor, 'read', target),
        ),
        mediation.rooms(officeId),
      ]);
      const roomTable = JSON.stringify(
        month.roomIds.map((roomId) => ({ roomId, name: rooms.rooms[roomId]?.name ?? null })),
      );
      // Already JSON (PostgreSQL wrote it): sent as it is, the month being a pattern-checked value.
      const body = `{"month":${JSON.stringify(request.query.month)},"mediators":${month.mediators},"rooms":${roomTable},"sessions":${month.sessions}}`;
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
      // The schema types the object; this is its JSON already.
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );
};
