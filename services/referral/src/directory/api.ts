import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { handleCommand } from '@parcours/eventstore';
import { commandMetadata, eventMetadata, notFound } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { access } from '../access.ts';
import type { ReferralModule } from '../module.ts';
import { withText } from '../referral/inbox/queries.ts';
import { route } from '../routing/route.ts';
import { type DirectoryCommand, directoryDecider, streamOf } from './directory.ts';
import { directoryOutbox } from './publish.ts';
import {
  AssociationParams,
  OfficeList,
  OfficeParams,
  OfficeSchema,
  OfficeSearchQuery,
  RoutingDecisionSchema,
  RoutingQuery,
} from './schemas.ts';
import { searchOffices } from './search.ts';

/**
 * Read the directory, try the routing (no effect), and change the directory by command (admin):
 * close an office, change an association's coverage. Every change is an event: history is kept.
 */
export const directoryRoutes: FastifyPluginAsyncTypebox<{ module: ReferralModule }> = async (
  app,
  { module },
) => {
  const index = () => module.directory.index;

  app.get(
    '/directory/offices',
    {
      schema: {
        tags: ['directory'],
        summary: 'Find offices by words of their name or id, postcode or commune code, or association',
        querystring: OfficeSearchQuery,
        response: { 200: OfficeList },
      },
      preHandler: access.guard('directory.read'),
    },
    async (request) => searchOffices(index(), request.query),
  );

  app.get(
    '/directory/offices/:officeId',
    {
      schema: {
        tags: ['directory'],
        summary: 'An office of the network: its association, type, coverage and whether it is open',
        params: OfficeParams,
        response: { 200: OfficeSchema },
      },
      preHandler: access.guard('directory.read'),
    },
    async (request) => {
      const office = index().offices.get(request.params.officeId);
      if (!office) throw notFound('office_not_found', 'No such office');
      return office;
    },
  );

  app.get(
    '/directory/associations/:associationId',
    {
      schema: {
        tags: ['directory'],
        summary: 'An association of the network with its offices',
        params: AssociationParams,
      },
      preHandler: access.guard('directory.read'),
    },
    async (request) => {
      const association = index().associations.get(request.params.associationId);
      if (!association) throw notFound('association_not_found', 'No such association');
      return {
        ...association,
        offices: index()
          .officesOf(association.associationId)
          .map((o) => o.officeId),
      };
    },
  );

  app.get(
    '/directory/routing',
    {
      schema: {
        tags: ['directory'],
        summary: 'Where a case with this residence and offence would go, and why (no effect)',
        querystring: RoutingQuery,
        response: { 200: RoutingDecisionSchema },
      },
      preHandler: access.guard('directory.read'),
    },
    async (request) => {
      const q = request.query;
      const decision = route(
        {
          channel: 'helpline',
          residence: {
            countryCode: q.countryCode,
            ...(q.postcode ? { postcode: q.postcode } : {}),
            ...(q.communeCode ? { communeCode: q.communeCode } : {}),
          },
          offenceCategory: q.offenceCategory,
          needs: [],
          urgency: q.urgency ?? 'normal',
          consent: { services: true, sharing: true },
        },
        index(),
        module.geography,
        new Date().toISOString().slice(0, 10),
      );
      return { ...decision, reasons: withText(decision.reasons) };
    },
  );

  const change = async (command: DirectoryCommand, request: Parameters<typeof commandMetadata>[0]) => {
    const metadata = commandMetadata(request);
    const result = await handleCommand(module.store, streamOf(command), directoryDecider, command, {
      metadata: eventMetadata(metadata),
      outbox: directoryOutbox(module.config.DIRECTORY_TOPIC, metadata.traceparent),
    });
    // Read-your-writes: the routing index shows the change once this returns.
    if (result.checkpoint) await module.directory.catchUpUntil(result.checkpoint);
    return { events: result.events.map((e) => e.type) };
  };

  app.post(
    '/directory/offices/:officeId/close',
    {
      schema: {
        tags: ['directory'],
        summary: 'Close an office (admin): routing no longer proposes it',
        params: Type.Object({ officeId: Type.String({ maxLength: 64 }) }),
      },
      preHandler: access.guard('directory.manage'),
      config: { idempotent: true },
    },
    async (request) =>
      change(
        { type: 'CloseOffice', data: { officeId: request.params.officeId }, metadata: { now: new Date() } },
        request,
      ),
  );

  app.post(
    '/directory/feed/republish',
    {
      schema: {
        tags: ['directory'],
        summary: 'Publish every office, partner and agreement again on the directory topic (Kafka lost it)',
      },
      preHandler: access.guard('directory.manage'),
      config: { idempotent: true },
    },
    async (_request, reply) => {
      // Accepted: the outbox relay puts the messages on the topic.
      reply.code(202);
      return { messages: await module.republishDirectoryFeed() };
    },
  );

  app.post(
    '/directory/associations/:associationId/coverage',
    {
      schema: {
        tags: ['directory'],
        summary: "Change an association's coverage (admin): the communes and départements it serves",
        params: AssociationParams,
        body: Type.Object(
          {
            communes: Type.Array(Type.String({ pattern: '^[0-9][0-9AB][0-9]{3}$' }), { maxItems: 2000 }),
            departements: Type.Array(Type.String({ pattern: '^[0-9][0-9AB][0-9]?$' }), { maxItems: 120 }),
          },
          { additionalProperties: false },
        ),
      },
      preHandler: access.guard('directory.manage'),
      config: { idempotent: true },
    },
    async (request) =>
      change(
        {
          type: 'ChangeCoverage',
          data: { associationId: request.params.associationId, coverage: request.body },
          metadata: { now: new Date() },
        },
        request,
      ),
  );
};
