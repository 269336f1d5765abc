// Over 300 lines: the thirteen HTTP routes of one aggregate (schemas in schemas.ts), each a few lines.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IntakeChannels, OffenceCategories } from '@parcours/contracts';
import { logAccess, queryAccessLog } from '@parcours/eventstore';
import type { Actor } from '@parcours/service-kit';
import { badRequest, commandMetadata, notFound, StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { type IntakeAction, intakeAccess, intakeOwner, national } from '../access.ts';
import type { IntakeModule } from '../module.ts';
import { missingForOrientation, type PersonalData } from './intake.ts';
import {
  HelplineCallBody,
  IntakeIdParams,
  IntakeSummary,
  iso,
  PartnerIntakeBody,
  ProfileChangesBody,
  RecordedResponse,
  RequisitionBody,
  WalkInBody,
} from './schemas.ts';
import { listIntakes } from './summaries.ts';

export const intakeRoutes: FastifyPluginAsyncTypebox<{ module: IntakeModule }> = async (app, { module }) => {
  const { intakes, db, matchKeys } = module;
  const post = { tags: ['intake'], response: { 201: RecordedResponse } };

  app.post(
    '/intakes/helpline-calls',
    {
      schema: { ...post, summary: 'Record a 116 006 call (anonymous allowed)', body: HelplineCallBody },
      preHandler: intakeAccess.guard('intake.record-helpline-call'),
      config: { idempotent: true },
    },
    async (request, reply) => {
      intakeAccess.check(request.actor, 'intake.record-helpline-call', national);
      return reply.code(201).send(await intakes.recordHelplineCall(request.body, commandMetadata(request)));
    },
  );

  app.post(
    '/intakes/walk-ins',
    {
      schema: { ...post, summary: 'Record a walk-in at a welcome office', body: WalkInBody },
      preHandler: intakeAccess.guard('intake.record-walk-in'),
      config: { idempotent: true },
    },
    async (request, reply) => {
      // An office missing from the directory is the decider's refusal (422), not a question of scope.
      const office = intakes.deps.reference.offices[request.body.officeId];
      if (office) {
        const owner = { associationId: office.associationId, officeId: office.officeId };
        intakeAccess.check(request.actor, 'intake.record-walk-in', owner, 'office_out_of_scope');
      }
      return reply.code(201).send(await intakes.recordWalkIn(request.body, commandMetadata(request)));
    },
  );

  app.post(
    '/intakes/requisitions',
    {
      schema: { ...post, summary: "Record a prosecutor's requisition (CPP art. 41)", body: RequisitionBody },
      preHandler: intakeAccess.guard('intake.record-requisition'),
      config: { idempotent: true },
    },
    async (request, reply) => {
      intakeAccess.check(request.actor, 'intake.record-requisition', national);
      return reply.code(201).send(await intakes.recordRequisition(request.body, commandMetadata(request)));
    },
  );

  app.post(
    '/intakes/partner-intakes',
    {
      schema: {
        ...post,
        summary: 'Record an employee attacked at work, under a partner agreement',
        body: PartnerIntakeBody,
      },
      preHandler: intakeAccess.guard('intake.record-partner-intake'),
      config: { idempotent: true },
    },
    async (request, reply) => {
      intakeAccess.check(request.actor, 'intake.record-partner-intake', national);
      return reply.code(201).send(await intakes.recordPartnerIntake(request.body, commandMetadata(request)));
    },
  );

  const changeRoles = intakeAccess.guard('intake.change');
  const loadInScope = async (intakeId: string, actor: Actor, action: IntakeAction = 'intake.change') => {
    const state = await intakes.load(intakeId);
    if (state.status === 'none') throw notFound('intake_not_found', 'No such intake');
    intakeAccess.check(actor, action, intakeOwner(state.intake, actor), 'intake_out_of_scope');
    return state;
  };

  app.post(
    '/intakes/:intakeId/consent',
    {
      schema: {
        tags: ['intake'],
        summary: 'Record the victim’s consent given later',
        params: IntakeIdParams,
        body: Type.Object(
          { services: Type.Boolean(), sharing: Type.Boolean() },
          { additionalProperties: false },
        ),
        response: { 200: RecordedResponse },
      },
      preHandler: changeRoles,
      config: { idempotent: true },
    },
    async (request) => {
      await loadInScope(request.params.intakeId, request.actor);
      return intakes.recordConsent(request.params.intakeId, request.body, commandMetadata(request));
    },
  );

  app.post(
    '/intakes/:intakeId/consent-override',
    {
      schema: {
        tags: ['intake'],
        summary: 'Override the absence of consent, with a reason (recorded with its actor)',
        params: IntakeIdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 3, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: RecordedResponse },
      },
      preHandler: changeRoles,
      config: { idempotent: true },
    },
    async (request) => {
      await loadInScope(request.params.intakeId, request.actor);
      return intakes.overrideConsent(request.params.intakeId, request.body.reason, commandMetadata(request));
    },
  );

  app.post(
    '/intakes/:intakeId/ready-for-orientation',
    {
      schema: {
        tags: ['intake'],
        summary: 'Orient an intake that was waiting (e.g. for a callback); 422 names what is missing',
        params: IntakeIdParams,
        response: { 200: RecordedResponse },
      },
      preHandler: changeRoles,
      config: { idempotent: true },
    },
    async (request) => {
      await loadInScope(request.params.intakeId, request.actor);
      return intakes.markReady(request.params.intakeId, commandMetadata(request));
    },
  );

  app.post(
    '/intakes/:intakeId/profile-corrections',
    {
      schema: {
        tags: ['intake'],
        summary:
          'Correct profile facts (residence, offence, needs, urgency…) before orientation; ready when that completes it',
        params: IntakeIdParams,
        body: ProfileChangesBody,
        response: { 200: RecordedResponse },
      },
      preHandler: changeRoles,
      config: { idempotent: true },
    },
    async (request) => {
      await loadInScope(request.params.intakeId, request.actor);
      return intakes.correctProfile(request.params.intakeId, request.body, commandMetadata(request));
    },
  );

  app.post(
    '/intakes/:intakeId/merge',
    {
      schema: {
        tags: ['intake', 'duplicates'],
        summary: 'Merge this intake (a duplicate) into another; never done automatically',
        params: IntakeIdParams,
        body: Type.Object({ into: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        response: { 200: RecordedResponse },
      },
      preHandler: intakeAccess.guard('intake.merge'),
      config: { idempotent: true },
    },
    async (request) => {
      await loadInScope(request.params.intakeId, request.actor, 'intake.merge');
      return intakes.merge(request.params.intakeId, request.body.into, commandMetadata(request));
    },
  );

  app.post(
    '/intakes/:intakeId/erasure',
    {
      schema: {
        tags: ['intake'],
        summary:
          "Erase the victim's personal data (right to erasure): their key is deleted, every copy becomes unreadable, counts stay",
        params: IntakeIdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 3, maxLength: 500, description: 'The request and its basis' }) },
          { additionalProperties: false },
        ),
        response: { 200: RecordedResponse },
      },
      preHandler: intakeAccess.guard('intake.erase'),
      config: { idempotent: true },
    },
    async (request) => {
      await loadInScope(request.params.intakeId, request.actor, 'intake.erase');
      return intakes.erasePersonalData(
        request.params.intakeId,
        request.body.reason,
        commandMetadata(request),
      );
    },
  );

  app.get(
    '/intakes',
    {
      schema: {
        tags: ['intake'],
        summary:
          'List intakes (no identity): search by id, dates, status, offence, channel, or a name via its match key',
        querystring: Type.Object(
          {
            intakeId: Type.Optional(Type.String({ format: 'uuid' })),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            status: Type.Optional(StringEnum(['open', 'ready', 'merged'] as const)),
            offenceCategory: Type.Optional(StringEnum(OffenceCategories)),
            channel: Type.Optional(StringEnum(IntakeChannels)),
            awaiting: Type.Optional(
              StringEnum(['orientation'] as const, {
                description:
                  'Only the intakes meant to be oriented (not a helpline call closed with a callback or information only)',
              }),
            ),
            lastName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            firstName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            birthDate: Type.Optional(Type.String({ format: 'date' })),
            communeCode: Type.Optional(Type.String({ pattern: '^[0-9][0-9AB][0-9]{3}$' })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(IntakeSummary),
            total: Type.Integer(),
            limit: Type.Integer(),
            offset: Type.Integer(),
          }),
        },
      },
      preHandler: intakeAccess.guard('intake.list'),
    },
    async (request) => {
      const { lastName, firstName, birthDate, communeCode, ...q } = request.query;
      let matchKey: string | undefined;
      if (lastName || firstName || birthDate || communeCode) {
        matchKey =
          matchKeys.maybe({
            ...(lastName ? { lastName } : {}),
            ...(firstName ? { firstName } : {}),
            ...(birthDate ? { birthDate } : {}),
            ...(communeCode ? { communeCode } : {}),
          }) ?? undefined;
        if (!matchKey) {
          throw badRequest(
            'name_search_incomplete',
            'A name search needs lastName, firstName, birthDate and communeCode',
          );
        }
      }
      const actor = request.actor;
      // National staff list every intake; a manager, their association's.
      const associationId = intakeAccess.can(actor, 'intake.list', national)
        ? undefined
        : (actor.association ?? '');
      const { awaiting, ...filter } = q;
      const page = await listIntakes(db.em(), {
        ...filter,
        associationId,
        matchKey,
        awaitingOrientation: awaiting === 'orientation',
      });
      return { ...page, limit: q.limit, offset: q.offset };
    },
  );

  app.get(
    '/intakes/:intakeId',
    {
      schema: {
        tags: ['intake'],
        summary: 'Read an intake with its personal data (each read is written to the access log)',
        params: IntakeIdParams,
        querystring: Type.Object(
          { purpose: Type.String({ minLength: 3, maxLength: 100, default: 'consultation' }) },
          { additionalProperties: false },
        ),
      },
      preHandler: intakeAccess.guard('intake.read'),
    },
    async (request) => {
      const state = await loadInScope(request.params.intakeId, request.actor, 'intake.read');
      const { intake } = state;
      // Logged before the data leaves: a read that cannot be logged does not happen.
      await logAccess(db, {
        actor: request.actor.id,
        subject: { kind: 'intake', id: intake.intakeId },
        purpose: request.query.purpose,
      });
      const personal = intake.personal ? await module.keys.tryDecrypt<PersonalData>(intake.personal) : null;
      return {
        intakeId: intake.intakeId,
        caseId: intake.caseId,
        status: state.status,
        ...(state.status === 'merged' ? { mergedInto: state.into } : {}),
        // The screen of intakes to complete asks for exactly these.
        missingForOrientation: state.status === 'open' ? missingForOrientation(intake) : [],
        details: intake.details,
        profile: intake.profile,
        consentOverride: intake.consentOverride ?? null,
        recordedAt: intake.recordedAt,
        recordedBy: intake.recordedBy,
        personal,
        personalErased: intake.personal !== null && personal === null,
      };
    },
  );

  app.get(
    '/intakes/:intakeId/access-log',
    {
      schema: { tags: ['intake'], summary: 'Who read this intake, when and why', params: IntakeIdParams },
      preHandler: intakeAccess.guard('intake.read-access-log'),
    },
    async (request) => {
      await loadInScope(request.params.intakeId, request.actor, 'intake.read-access-log');
      const { items } = await queryAccessLog(db, {
        subject: { kind: 'intake', id: request.params.intakeId },
        limit: 1_000,
      });
      return { items: items.map((r) => ({ actor: r.actor, at: iso(r.at), purpose: r.purpose })) };
    },
  );
};
