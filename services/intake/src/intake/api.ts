import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IntakeChannels, OffenceCategories } from '@parcours/contracts';
import { logAccess, queryAccessLog } from '@parcours/eventstore';
import type { Actor } from '@parcours/service-kit';
import {
  badRequest,
  commandMetadata,
  forbidden,
  notFound,
  type Role,
  requireRole,
  StringEnum,
} from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import type { IntakeModule } from '../module.ts';
import type { IntakeState, PersonalData } from './intake.ts';
import {
  HelplineCallBody,
  IntakeIdParams,
  IntakeSummary,
  iso,
  PartnerIntakeBody,
  RecordedResponse,
  RequisitionBody,
  WalkInBody,
} from './schemas.ts';

/** Who may read an intake's file (its personal data in clear). */
const readers: Role[] = ['helpline', 'caseworker', 'office-manager', 'association-manager', 'admin'];
const listers: Role[] = ['helpline', 'office-manager', 'association-manager', 'admin'];

/**
 * Scope of an intake: a walk-in belongs to its office's association; other intakes are the national
 * helpline's until a referral hands them to an association.
 */
export function canReadIntake(actor: Actor, state: Exclude<IntakeState, { status: 'none' }>): boolean {
  if (actor.roles.includes('admin')) return true;
  const details = state.intake.details;
  const association = details.channel === 'walk-in' ? details.associationId : undefined;
  if (association === undefined) return actor.roles.includes('helpline');
  return (
    actor.association === association && actor.roles.some((r) => readers.includes(r) && r !== 'helpline')
  );
}

/**
 * Who may erase an intake's personal data: an admin, a national DPO (auditor without association),
 * or the DPO of the association the intake belongs to.
 */
export function canEraseIntake(actor: Actor, state: Exclude<IntakeState, { status: 'none' }>): boolean {
  if (actor.roles.includes('admin')) return true;
  if (!actor.roles.includes('auditor')) return false;
  if (actor.association === undefined) return true;
  const details = state.intake.details;
  return details.channel === 'walk-in' && details.associationId === actor.association;
}

interface SummaryRow {
  intake_id: string;
  case_id: string;
  channel: (typeof IntakeChannels)[number];
  status: string;
  offence_category: string;
  urgency: string;
  office_id: string | null;
  association_id: string | null;
  mass_event_id: string | null;
  recorded_at: Date | string;
  duplicates: number;
}

const toSummary = (row: SummaryRow) => ({
  intakeId: row.intake_id,
  caseId: row.case_id,
  channel: row.channel,
  status: row.status,
  offenceCategory: row.offence_category,
  urgency: row.urgency,
  officeId: row.office_id,
  associationId: row.association_id,
  massEventId: row.mass_event_id,
  recordedAt: iso(row.recorded_at),
  possibleDuplicates: row.duplicates,
});

export const intakeRoutes: FastifyPluginAsyncTypebox<{ module: IntakeModule }> = async (app, { module }) => {
  const { intakes, db, matchKeys } = module;
  const post = { tags: ['intake'], response: { 201: RecordedResponse } };

  app.post(
    '/intakes/helpline-calls',
    {
      schema: { ...post, summary: 'Record a 116 006 call (anonymous allowed)', body: HelplineCallBody },
      preHandler: requireRole('helpline'),
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply.code(201).send(await intakes.recordHelplineCall(request.body, commandMetadata(request))),
  );

  app.post(
    '/intakes/walk-ins',
    {
      schema: { ...post, summary: 'Record a walk-in at a welcome office', body: WalkInBody },
      preHandler: requireRole('caseworker', 'office-manager', 'association-manager', 'admin'),
      config: { idempotent: true },
    },
    async (request, reply) => {
      // A caseworker's own office is checked by the decider; managers stay within their association.
      const office = intakes.deps.reference.offices[request.body.officeId];
      const actor = request.actor;
      if (office && !actor.roles.includes('admin') && actor.association !== office.associationId) {
        throw forbidden('office_out_of_scope', 'This office belongs to another association');
      }
      return reply.code(201).send(await intakes.recordWalkIn(request.body, commandMetadata(request)));
    },
  );

  app.post(
    '/intakes/requisitions',
    {
      schema: { ...post, summary: "Record a prosecutor's requisition (CPP art. 41)", body: RequisitionBody },
      preHandler: requireRole('caseworker', 'office-manager', 'association-manager', 'admin'),
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply.code(201).send(await intakes.recordRequisition(request.body, commandMetadata(request))),
  );

  app.post(
    '/intakes/partner-intakes',
    {
      schema: {
        ...post,
        summary: 'Record an employee attacked at work, under a partner agreement',
        body: PartnerIntakeBody,
      },
      preHandler: requireRole('helpline', 'caseworker', 'office-manager', 'admin'),
      config: { idempotent: true },
    },
    async (request, reply) =>
      reply.code(201).send(await intakes.recordPartnerIntake(request.body, commandMetadata(request))),
  );

  const changeRoles = requireRole('helpline', 'caseworker', 'office-manager', 'association-manager', 'admin');
  /** Changing an intake needs the same scope as reading it. */
  const loadInScope = async (intakeId: string, actor: Actor) => {
    const state = await intakes.load(intakeId);
    if (state.status === 'none') throw notFound('intake_not_found', 'No such intake');
    if (!canReadIntake(actor, state))
      throw forbidden('intake_out_of_scope', 'This intake is out of your scope');
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
    '/intakes/:intakeId/merge',
    {
      schema: {
        tags: ['intake', 'duplicates'],
        summary: 'Merge this intake (a duplicate) into another; never done automatically',
        params: IntakeIdParams,
        body: Type.Object({ into: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        response: { 200: RecordedResponse },
      },
      preHandler: requireRole('helpline', 'office-manager', 'association-manager', 'admin'),
      config: { idempotent: true },
    },
    async (request) => {
      await loadInScope(request.params.intakeId, request.actor);
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
      preHandler: requireRole('auditor', 'admin'),
      config: { idempotent: true },
    },
    async (request) => {
      const state = await intakes.load(request.params.intakeId);
      if (state.status === 'none') throw notFound('intake_not_found', 'No such intake');
      if (!canEraseIntake(request.actor, state))
        throw forbidden('intake_out_of_scope', 'This intake is out of your scope');
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
      preHandler: requireRole(...listers),
    },
    async (request) => {
      const q = request.query;
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replace('?', `$${params.length}`));
      };
      const actor = request.actor;
      if (!actor.roles.includes('admin') && !actor.roles.includes('helpline'))
        add('s.association_id = ?', actor.association);
      if (q.intakeId) add('s.intake_id = ?', q.intakeId);
      if (q.from) add('s.recorded_at >= ?', q.from);
      if (q.to) add('s.recorded_at < ?', q.to);
      if (q.status) add('s.status = ?', q.status);
      if (q.offenceCategory) add('s.offence_category = ?', q.offenceCategory);
      if (q.channel) add('s.channel = ?', q.channel);
      const nameParts = [q.lastName, q.firstName, q.birthDate, q.communeCode];
      if (nameParts.some(Boolean)) {
        const key = matchKeys.maybe({
          ...(q.lastName ? { lastName: q.lastName } : {}),
          ...(q.firstName ? { firstName: q.firstName } : {}),
          ...(q.birthDate ? { birthDate: q.birthDate } : {}),
          ...(q.communeCode ? { communeCode: q.communeCode } : {}),
        });
        if (!key) {
          throw badRequest(
            'name_search_incomplete',
            'A name search needs lastName, firstName, birthDate and communeCode',
          );
        }
        add('s.match_key = ?', key);
      }
      const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const [count] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM intake_summaries s ${filter}`,
        params,
      );
      const rows = await db.query<SummaryRow>(
        `SELECT s.*, (SELECT count(*)::int FROM intake_summaries d
                        WHERE d.match_key = s.match_key AND d.intake_id <> s.intake_id AND d.status <> 'merged') AS duplicates
         FROM intake_summaries s ${filter}
         ORDER BY s.recorded_at DESC, s.intake_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, q.limit, q.offset],
      );
      return { items: rows.map(toSummary), total: count?.n ?? 0, limit: q.limit, offset: q.offset };
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
      preHandler: requireRole(...readers),
    },
    async (request) => {
      const state = await loadInScope(request.params.intakeId, request.actor);
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
      preHandler: requireRole('auditor', 'admin', 'association-manager'),
    },
    async (request) => {
      const { items } = await queryAccessLog(db, {
        subject: { kind: 'intake', id: request.params.intakeId },
        limit: 1_000,
      });
      return { items: items.map((r) => ({ actor: r.actor, at: iso(r.at), purpose: r.purpose })) };
    },
  );
};
