import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { may } from '../access.ts';
import { calendar, monthOf, officeCalendarJson, weekOf } from '../calendar/views.ts';
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
      return { from: week.from, sessions, weekly: mediator.weekly, exceptions };
    },
  );

  app.get(
    '/offices/:officeId/calendar',
    {
      schema: {
        tags: ['mediation'],
        summary: 'An office’s month: every session with its mediator, room and the parties’ roles',
        params: OfficeParams,
        querystring: Type.Object(
          { month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ month: Type.String(), sessions: Type.Array(Entry) }) },
      },
      preHandler: mediationStaff,
    },
    async (request, reply) => {
      const sessions = await officeCalendarJson(
        db,
        request.params.officeId,
        monthOf(request.query.month, zone()),
        (target) => may(request.actor, 'read', target),
      );
      // Already JSON (PostgreSQL built it): sent as it is, the month being a pattern-checked value.
      return (
        reply
          .type('application/json; charset=utf-8')
          // The schema types the object; this is its JSON already.
          .send(`{"month":${JSON.stringify(request.query.month)},"sessions":${sessions}}` as never)
      );
    },
  );
};
