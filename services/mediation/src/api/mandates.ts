import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { logAccess, readModels } from '@parcours/eventstore';
import { commandMetadata, commandRoute, forbidden, type RequestMetadata } from '@parcours/service-kit';
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { MediationAction } from '../access.ts';
import type { MandateCommand } from '../mandate/commands.ts';
import type { MandateState } from '../mandate/mandate.ts';
import type { MediationModule } from '../module.ts';
import { decisionOf } from './bodies.ts';
import { allow, mediationStaff, mediationWriters, targetOf } from './guard.ts';
import {
  AssignBody,
  CommandResponse,
  ConsentBody,
  DecisionBody,
  MandateParams,
  OfficeParams,
  OrderBody,
  PartyBody,
  PartyParams,
  RelationshipBody,
} from './schemas.ts';
import { mandateView } from './views.ts';

/** Runs a mandate command once access.ts allows the action on the mandate (401/403/404 first). */
export function mandateRunner(module: MediationModule) {
  const { mediation } = module;
  return async (
    request: FastifyRequest & { params: { mandateId: string } },
    action: MediationAction,
    command: (metadata: RequestMetadata, state: MandateState) => MandateCommand | Promise<MandateCommand>,
  ) => {
    const state = await mediation.mandate(request.params.mandateId);
    allow(request.actor, action, targetOf(state));
    const metadata = commandMetadata(request);
    return mediation.executeMandate(request.params.mandateId, await command(metadata, state), metadata);
  };
}

export const post = <
  Body extends TSchema | undefined = undefined,
  Params extends TSchema = typeof MandateParams,
>(
  summary: string,
  body?: Body,
  params?: Params,
) =>
  commandRoute({
    summary,
    tags: ['mediation'],
    params: (params ?? MandateParams) as Params,
    body,
    response: { 200: CommandResponse },
    preHandler: mediationWriters,
    problems: [403, 404, 409, 422],
  });

/**
 * Mandates and their parties: the prosecutor's order or decision, the mediator assigned, the
 * parties with their identity encrypted, their relationship and consent. Reads are logged.
 */
export const mandateRoutes: FastifyPluginAsyncTypebox<{ module: MediationModule }> = async (
  app,
  { module },
) => {
  const { mediation, keys, db } = module;
  const run = mandateRunner(module);

  app.post(
    '/mandates',
    commandRoute({
      summary: 'Record a prosecutor’s mandate (refused at once for violence within a couple)',
      tags: ['mediation'],
      body: OrderBody,
      response: { 200: CommandResponse },
      preHandler: mediationWriters,
      problems: [403, 409, 422],
    }),
    async (request) => {
      const { actor } = request;
      if (!actor.association) throw forbidden('no_association', 'Your account has no association');
      allow(actor, 'open-mandate', { associationId: actor.association, officeId: request.body.officeId });
      const metadata = commandMetadata(request);
      const mandateId = randomUUID();
      const { offence, ...rest } = request.body;
      const data = {
        ...rest,
        mandateId,
        associationId: actor.association,
        offence: {
          category: offence.category,
          ...(offence.qualification ? { qualification: offence.qualification } : {}),
        },
      };
      return mediation.executeMandate(mandateId, { type: 'OrderMandate', data, metadata }, metadata);
    },
  );

  app.post(
    '/mandates/:mandateId/prosecutor-decision',
    post('The prosecutor’s answer to a mediation requested from a follow-up file', DecisionBody),
    async (request) =>
      run(request, 'open-mandate', (metadata) => ({
        type: 'RecordProsecutorDecision',
        data: decisionOf(request.body),
        metadata,
      })),
  );

  app.get(
    '/mandates/:mandateId',
    {
      schema: {
        tags: ['mediation'],
        summary:
          'A mandate: its parties (roles, consent, no-shows; never their identity), sessions and outcome',
        params: MandateParams,
        response: { 200: Type.Object({}, { additionalProperties: true }) },
      },
      preHandler: mediationStaff,
    },
    async (request) => {
      const state = await mediation.mandate(request.params.mandateId);
      allow(request.actor, 'read', targetOf(state));
      await logAccess(db, {
        actor: request.actor.id,
        subject: { kind: 'mediation', id: request.params.mandateId },
        purpose: 'read the mediation file',
      });
      return mandateView(state);
    },
  );

  app.get(
    '/offices/:officeId/mandates',
    {
      schema: {
        tags: ['mediation'],
        summary: 'The mandates of an office, latest first: places, status, dates (no party)',
        params: OfficeParams,
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({}, { additionalProperties: true })) }),
        },
      },
      preHandler: mediationStaff,
    },
    async (request) => {
      const rows = await readModels(db.em())
        .selectFrom('mediation_mandates')
        .selectAll()
        .where('officeId', '=', request.params.officeId)
        .orderBy('updatedAt', 'desc')
        .limit(500)
        .execute();
      const visible = rows.filter((row) => {
        try {
          allow(request.actor, 'read', { associationId: row.associationId, officeId: row.officeId });
          return true;
        } catch {
          return false;
        }
      });
      return { items: visible.map((row) => ({ ...row, updatedAt: new Date(row.updatedAt).toISOString() })) };
    },
  );

  app.post(
    '/mandates/:mandateId/mediator',
    post('Assign the mediator (authorised at the court, in force)', AssignBody),
    async (request) =>
      run(request, 'conduct', async (metadata) => {
        const mediator = await mediation.mediator(request.body.mediatorId);
        return {
          type: 'AssignMediator',
          data: {
            mediatorId: request.body.mediatorId,
            mediator: mediator.status === 'registered' ? mediator.mediator : undefined,
          },
          metadata,
        };
      }),
  );

  app.post(
    '/mandates/:mandateId/parties',
    post('Add a party: victim, respondent, lawyer, representative or a minor’s legal guardian', PartyBody),
    async (request) => {
      const state = await mediation.mandate(request.params.mandateId);
      allow(request.actor, 'conduct', targetOf(state));
      const metadata = commandMetadata(request);
      const { identity, actsFor, relationship, ...party } = request.body;
      const partyId = randomUUID();
      const subjectId = `mediation-party-${partyId}`;
      // The party's key exists if and only if the command commits.
      const newKeys = keys.newKeys();
      const personal = newKeys.encrypt(subjectId, identity);
      const data = {
        ...party,
        partyId,
        subjectId,
        personal,
        ...(actsFor ? { actsFor } : {}),
        ...(relationship ? { relationship } : {}),
        safeContact: {
          ...request.body.safeContact,
          hours: request.body.safeContact.hours,
        },
      };
      const result = await newKeys.commit(db, (tx, withEvents) =>
        mediation.executeMandate(
          request.params.mandateId,
          { type: 'AddParty', data, metadata },
          metadata,
          tx,
          withEvents,
        ),
      );
      return { ...result, created: partyId };
    },
  );

  app.post(
    '/mandates/:mandateId/parties/:partyId/relationship',
    post(
      'The respondent’s relationship to the victim (a couple returns the file)',
      RelationshipBody,
      PartyParams,
    ),
    async (request) =>
      run(request, 'conduct', (metadata) => ({
        type: 'RecordRelationship',
        data: { partyId: request.params.partyId, relationship: request.body.relationship },
        metadata,
      })),
  );

  app.post(
    '/mandates/:mandateId/parties/:partyId/consent',
    post(
      'A party’s consent or refusal, when and how it was expressed (a refusal returns the file)',
      ConsentBody,
      PartyParams,
    ),
    async (request) =>
      run(request, 'conduct', (metadata) => ({
        type: 'RecordConsent',
        data: { partyId: request.params.partyId, ...request.body },
        metadata,
      })),
  );
};
