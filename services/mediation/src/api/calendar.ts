import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { may } from '../access.ts';
import { MonthCache } from '../calendar/month-cache.ts';
import { calendar, monthOf, monthVersions, officeMonthJson, weekOf } from '../calendar/views.ts';
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

/** Whether the client takes gzip (`Accept-Encoding`, a `q=0` refusing it). */
function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((item) => {
    const [coding, ...parameters] = item.trim().toLowerCase().split(';');
    const q = parameters.find((p) => p.trim().startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.trim().slice(2)) > 0);
  });
}

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
  const months = new MonthCache(module.config.MEDIATION_MONTH_CACHE_BYTES);

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
      const { month } = request.query;
      const range = monthOf(month, zone());
      // Who sees what is decided before the cache, on the associations the versions name: the
      // cache's key holds the associations the reader may see, its version their versions.
      const versions = (await monthVersions(db, officeId, range)).filter(({ associationId }) =>
        may(request.actor, 'read', { associationId, officeId }),
      );
      const associations = [...new Set(versions.map((v) => v.associationId))].sort();
      const key = `${officeId} ${month} ${associations.join(' ')}`;
      const version = versions.map((v) => `${v.associationId}/${v.month}/${v.version}`).join(' ');
      // Built after the versions were read: what it holds is at least as new as its version.
      const cached = await months.get(key, version, async () => {
        const [json, rooms] = await Promise.all([
          officeMonthJson(db, officeId, range, associations),
          mediation.rooms(officeId),
        ]);
        const roomTable = JSON.stringify(
          json.roomIds.map((roomId) => ({ roomId, name: rooms.rooms[roomId]?.name ?? null })),
        );
        // Already JSON (PostgreSQL wrote it): sent as it is, the month being a pattern-checked value.
        return `{"month":${JSON.stringify(month)},"mediators":${json.mediators},"rooms":${roomTable},"sessions":${json.sessions}}`;
      });
      const gzip = acceptsGzip(request.headers['accept-encoding']);
      // The gzip is the same month in other bytes: its tag is the weak form of the same one.
      reply
        .header('etag', gzip ? `W/${cached.etag}` : cached.etag)
        .header('cache-control', 'private, no-cache')
        .header('vary', 'accept-encoding');
      // A list of tags, weak ones (W/, as a compressing proxy marks them) matching too.
      const known = (request.headers['if-none-match'] ?? '')
        .split(',')
        .map((tag) => tag.trim().replace(/^W\//, ''));
      if (known.includes(cached.etag)) return reply.code(304).send(null);
      reply.type('application/json; charset=utf-8');
      // The schema types the object; these are its JSON's bytes already.
      if (!gzip) return reply.send(cached.body as never);
      return reply.header('content-encoding', 'gzip').send((await months.gzipped(key, cached)) as never);
    },
  );
};
