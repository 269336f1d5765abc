import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { commandMetadata, commandRoute, forbidden, type RequestMetadata } from '@parcours/service-kit';
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { MediationAction } from '../access.ts';
import { MediationErrors } from '../errors.ts';
import type { MediatorCommand } from '../mediator/decide.ts';
import type { MediationModule } from '../module.ts';
import type { RoomsCommand } from '../rooms/decide.ts';
import { allow, mediationStaff, mediationWriters } from './guard.ts';
import { post } from './mandates.ts';
import {
  AssociationParams,
  AuthorisationBody,
  AuthorisationParams,
  AvailabilityBody,
  CommandResponse,
  ExceptionBody,
  ExceptionParams,
  MediatorBody,
  MediatorName,
  MediatorParams,
  OfficeParams,
  RoomBody,
  RoomParams,
} from './schemas.ts';

const noParams = <Body extends TSchema>(summary: string, body: Body) =>
  commandRoute({
    summary,
    tags: ['mediation'],
    body,
    response: { 200: CommandResponse },
    preHandler: mediationWriters,
    problems: [403, 409, 422],
  });

/**
 * Mediators (their name as calendars and reports show it, authorisations by a prosecutor, weekly
 * availability and exceptions; no contact: that is the association's staff directory), the list of
 * an association's mediators, and the rooms of each office.
 */
export const mediatorRoutes: FastifyPluginAsyncTypebox<{ module: MediationModule }> = async (
  app,
  { module },
) => {
  const { mediation } = module;

  const runMediator = async (
    request: FastifyRequest & { params: { mediatorId: string } },
    action: MediationAction,
    command: (metadata: RequestMetadata) => MediatorCommand,
  ) => {
    const state = await mediation.mediator(request.params.mediatorId);
    if (state.status === 'none') throw MediationErrors.notFound('mediator');
    allow(request.actor, action, {
      associationId: state.mediator.associationId,
      mediatorId: state.mediator.mediatorId,
      ...(request.actor.office ? { officeId: request.actor.office } : {}),
    });
    const metadata = commandMetadata(request);
    return mediation.executeMediator(request.params.mediatorId, command(metadata), metadata);
  };

  app.post(
    '/mediators',
    noParams(
      'Register a mediator of your association (the name calendars and reports show; the birth date for the age limit only)',
      MediatorBody,
    ),
    async (request) => {
      const association = request.actor.association;
      if (!association) throw forbidden('no_association', 'Your account has no association');
      allow(request.actor, 'manage-mediators', { associationId: association });
      const metadata = commandMetadata(request);
      const mediatorId = randomUUID();
      return mediation.executeMediator(
        mediatorId,
        {
          type: 'RegisterMediator',
          data: {
            mediatorId,
            associationId: association,
            birthDate: request.body.birthDate,
            ...(request.body.name === undefined ? {} : { name: request.body.name.trim() }),
          },
          metadata,
        },
        metadata,
      );
    },
  );

  app.post(
    '/mediators/:mediatorId/name',
    post(
      'The name calendars and reports show for the mediator',
      Type.Object({ name: MediatorName }, { additionalProperties: false }),
      MediatorParams,
    ),
    async (request) =>
      runMediator(request, 'manage-mediators', (metadata) => ({
        type: 'NameMediator',
        data: { name: request.body.name.trim() },
        metadata,
      })),
  );

  app.get(
    '/associations/:associationId/mediators',
    {
      schema: {
        tags: ['mediation'],
        summary: 'The mediators of an association, by name (no birth date, no contact)',
        params: AssociationParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ mediatorId: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }),
            ),
          }),
        },
      },
      preHandler: mediationStaff,
    },
    async (request) => {
      const { associationId } = request.params;
      allow(request.actor, 'read', { associationId });
      const items = await module.db.query<{ mediatorId: string; name: string | null }>(
        `SELECT mediator_id AS "mediatorId", name FROM mediation_mediators
         WHERE association_id = $1 ORDER BY name NULLS LAST, mediator_id`,
        [associationId],
        'mediation_association_mediators',
      );
      return { items };
    },
  );

  app.get(
    '/mediators/:mediatorId',
    {
      schema: {
        tags: ['mediation'],
        summary: 'A mediator’s authorisations and availability (never their birth date)',
        params: MediatorParams,
        response: { 200: Type.Object({}, { additionalProperties: true }) },
      },
      preHandler: mediationStaff,
    },
    async (request) => {
      const state = await mediation.mediator(request.params.mediatorId);
      if (state.status === 'none') throw MediationErrors.notFound('mediator');
      allow(request.actor, 'read', { associationId: state.mediator.associationId });
      const { birthDate: _birthDate, ...mediator } = state.mediator;
      return mediator;
    },
  );

  app.post(
    '/mediators/:mediatorId/authorisations',
    post(
      'A prosecutor’s authorisation at a court (a first one is probationary for a year, then five years)',
      AuthorisationBody,
      MediatorParams,
    ),
    async (request) =>
      runMediator(request, 'manage-mediators', (metadata) => ({
        type: 'AuthoriseMediator',
        data: { authorisationId: randomUUID(), ...request.body },
        metadata,
      })),
  );

  app.post(
    '/mediators/:mediatorId/authorisations/:authorisationId/withdraw',
    post(
      'Withdraw an authorisation from a date',
      Type.Object(
        { on: AuthorisationBody.properties.from, reason: Type.String({ minLength: 3, maxLength: 500 }) },
        { additionalProperties: false },
      ),
      AuthorisationParams,
    ),
    async (request) =>
      runMediator(request, 'manage-mediators', (metadata) => ({
        type: 'WithdrawAuthorisation',
        data: { authorisationId: request.params.authorisationId, ...request.body },
        metadata,
      })),
  );

  app.post(
    '/mediators/:mediatorId/availability',
    post('The mediator’s weekly pattern (local times)', AvailabilityBody, MediatorParams),
    async (request) =>
      runMediator(request, 'set-availability', (metadata) => ({
        type: 'SetWeeklyAvailability',
        data: { windows: request.body.windows },
        metadata,
      })),
  );

  app.post(
    '/mediators/:mediatorId/exceptions',
    post('An absence, or an extra slot outside the weekly pattern', ExceptionBody, MediatorParams),
    async (request) =>
      runMediator(request, 'set-availability', (metadata) => ({
        type: 'AddAvailabilityException',
        data: {
          exceptionId: randomUUID(),
          kind: request.body.kind,
          start: new Date(request.body.start).toISOString(),
          end: new Date(request.body.end).toISOString(),
        },
        metadata,
      })),
  );

  app.post(
    '/mediators/:mediatorId/exceptions/:exceptionId/remove',
    post('Remove an absence or an extra slot', undefined, ExceptionParams),
    async (request) =>
      runMediator(request, 'set-availability', (metadata) => ({
        type: 'RemoveAvailabilityException',
        data: { exceptionId: request.params.exceptionId },
        metadata,
      })),
  );

  const runRooms = async (
    request: FastifyRequest & { params: { officeId: string } },
    command: (metadata: RequestMetadata, associationId: string) => RoomsCommand,
  ) => {
    const rooms = await mediation.rooms(request.params.officeId);
    // An office's rooms belong to its association: the first room says which; a new office is the caller's.
    const associationId = Object.values(rooms.rooms)[0]?.associationId ?? request.actor.association;
    if (!associationId) throw forbidden('no_association', 'Your account has no association');
    allow(request.actor, 'manage-rooms', { associationId, officeId: request.params.officeId });
    const metadata = commandMetadata(request);
    return mediation.executeRooms(request.params.officeId, command(metadata, associationId), metadata);
  };

  app.post(
    '/offices/:officeId/rooms',
    post('Add a room to an office', RoomBody, OfficeParams),
    async (request) => {
      const roomId = randomUUID();
      const result = await runRooms(request, (metadata, associationId) => ({
        type: 'AddRoom',
        data: { officeId: request.params.officeId, associationId, roomId, ...request.body },
        metadata,
      }));
      return { ...result, created: roomId };
    },
  );

  app.post(
    '/offices/:officeId/rooms/:roomId/close',
    post('Close a room (no new booking)', undefined, RoomParams),
    async (request) =>
      runRooms(request, (metadata) => ({
        type: 'CloseRoom',
        data: { officeId: request.params.officeId, roomId: request.params.roomId },
        metadata,
      })),
  );

  app.get(
    '/offices/:officeId/rooms',
    {
      schema: {
        tags: ['mediation'],
        summary: 'The rooms of an office',
        params: OfficeParams,
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({}, { additionalProperties: true })) }),
        },
      },
      preHandler: mediationStaff,
    },
    async (request) => {
      const rooms = Object.values((await mediation.rooms(request.params.officeId)).rooms);
      const associationId = rooms[0]?.associationId ?? request.actor.association ?? '';
      allow(request.actor, 'read', { associationId, officeId: request.params.officeId });
      return { items: rooms };
    },
  );
};
