import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  type Actor,
  commandMetadata,
  commandRoute,
  forbidden,
  notFound,
  unprocessable,
} from '@parcours/service-kit';
import { type TSchema, Type } from '@sinclair/typebox';
import { access, nationalPlatform, ownerOfSender, ownerOfTarget, type ReferralAction } from '../access.ts';
import type { ReferralModule } from '../module.ts';
import { reason, withReason } from '../routing/reasons.ts';
import { type ReferralCommand, ReferralErrors } from './decide.ts';
import { caseReferrals, nationalQueue, officeReferrals, withText } from './inbox/queries.ts';
import type { ReferralState, Target } from './referral.ts';
import {
  CommandResponse,
  Item,
  ListQuery,
  ListResponse,
  OfficeParams,
  ReferralParams,
  TargetBody,
  UserReason,
} from './schemas.ts';

/** Where a row of the inbox stands, for the access rules. */
const owner = (associationId?: string | null, officeId?: string | null) => ({
  associationId: associationId ?? undefined,
  officeId: officeId ?? undefined,
});

/**
 * The office inbox: my office's referrals with filters, and the answers (accept, decline, redirect,
 * done, revoke). Association scope: a caseworker reaches the offices of their own association only.
 * Every POST honours Idempotency-Key; answers return once the inbox shows them (read-your-writes).
 */
export const referralRoutes: FastifyPluginAsyncTypebox<{ module: ReferralModule }> = async (
  app,
  { module },
) => {
  const { db, referrals } = module;
  const index = () => module.directory.index;

  const em = () => db.em();

  function officeInScope(officeId: string, actor: Actor) {
    const office = index().offices.get(officeId);
    if (!office) throw notFound('office_not_found', 'No such office');
    access.check(actor, 'inbox.read', office, 'association_out_of_scope');
    return office;
  }

  app.get(
    '/offices/:officeId/referrals',
    {
      schema: {
        tags: ['referral'],
        summary: "An office's referrals: received (its inbox) or sent (read-only trace), filtered and paged",
        params: OfficeParams,
        querystring: ListQuery,
        response: { 200: ListResponse },
      },
      preHandler: access.guard('inbox.read'),
    },
    async (request) => {
      officeInScope(request.params.officeId, request.actor);
      return officeReferrals(em(), request.params.officeId, request.query, new Date());
    },
  );

  app.get(
    '/cases/:caseId/referrals',
    {
      schema: {
        tags: ['referral'],
        summary:
          'Where a case went: its referrals, oldest first (the helpline and admins see all; association staff those their association sent or received)',
        params: Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: Type.Object({ items: Type.Array(Item) }) },
      },
      preHandler: access.guard('referral.read'),
    },
    async (request) => {
      const { actor } = request;
      // A case has a few referrals: each is shown to whom may read it as its sender or its receiver.
      const visible = (row: {
        associationId?: string | null;
        officeId?: string | null;
        fromAssociationId?: string | null;
        fromOfficeId?: string | null;
      }) =>
        access.can(actor, 'referral.read', owner(row.associationId, row.officeId)) ||
        access.can(actor, 'referral.read', owner(row.fromAssociationId, row.fromOfficeId));
      return { items: await caseReferrals(em(), request.params.caseId, actor, visible, new Date()) };
    },
  );

  app.get(
    '/referrals/inbox',
    {
      schema: {
        tags: ['referral'],
        summary: "My office's inbox",
        querystring: ListQuery,
        response: { 200: ListResponse },
      },
      preHandler: access.guard('inbox.read'),
    },
    async (request) => {
      const officeId = request.actor.office;
      if (!officeId) throw forbidden('no_office', 'Your account is not attached to an office');
      officeInScope(officeId, request.actor);
      return officeReferrals(em(), officeId, request.query, new Date());
    },
  );

  app.get(
    '/referrals/queue',
    {
      schema: {
        tags: ['referral'],
        summary:
          "The national platform's queue: cases to route by hand (commune to ask, no coverage, no consent)",
        querystring: Type.Object(
          {
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: ListResponse },
      },
      preHandler: access.guard('queue.read'),
    },
    async (request) => {
      access.check(request.actor, 'queue.read', nationalPlatform);
      const { limit, offset } = request.query;
      return nationalQueue(em(), limit, offset, new Date());
    },
  );

  /** The sender's and receiver's associations and the national platform see a referral. */
  function canSee(actor: Actor, state: ReferralState): boolean {
    if (state.status === 'none' || state.status === 'queued')
      return access.can(actor, 'referral.read', nationalPlatform);
    const { target, from } = state.proposal;
    return (
      access.can(actor, 'referral.read', ownerOfTarget(target)) ||
      access.can(actor, 'referral.read', ownerOfSender(from))
    );
  }

  async function loadVisible(referralId: string, actor: Actor) {
    const state = await referrals.load(referralId);
    if (state.status === 'none') throw ReferralErrors.notFound();
    if (!canSee(actor, state)) throw forbidden('referral_out_of_scope', 'This referral is out of your scope');
    return state;
  }

  app.get(
    '/referrals/:referralId',
    {
      schema: {
        tags: ['referral'],
        summary: 'A referral with its routing reasons and deadlines',
        params: ReferralParams,
      },
      preHandler: access.guard('referral.read'),
    },
    async (request) => {
      const state = await loadVisible(request.params.referralId, request.actor);
      return state.status === 'queued'
        ? { status: state.status, ...state.queued, reasons: withText(state.queued.reasons) }
        : {
            status: state.status,
            ...state.proposal,
            reasons: withText(state.proposal.reasons),
            remindersSent: state.remindersSent,
          };
    },
  );

  const run = async (
    referralId: string,
    request: Parameters<typeof commandMetadata>[0],
    command: (metadata: ReturnType<typeof commandMetadata>) => ReferralCommand,
  ) => {
    await loadVisible(referralId, request.actor);
    const metadata = commandMetadata(request);
    // The inbox is written in the command's transaction: it shows the answer once this returns.
    const result = await referrals.execute(referralId, command(metadata), metadata);
    const { checkpoint: _checkpoint, ...response } = result;
    return response;
  };

  /** A target named by id: an office (its association follows) or a foreign organisation. */
  function targetFrom(body: { officeId?: string; organisationId?: string }): Target {
    if (body.officeId) {
      const office = index().offices.get(body.officeId);
      if (!office?.active)
        throw unprocessable('unknown_office', 'No open office with this id', {
          errors: [{ field: '/body/officeId', message: 'unknown or closed office' }],
        });
      return { kind: 'office', associationId: office.associationId, officeId: office.officeId };
    }
    const organisation = body.organisationId
      ? index().foreignOrganisations.get(body.organisationId)
      : undefined;
    if (!organisation?.active) {
      throw unprocessable('unknown_target', 'Name an open office or a foreign organisation', {
        errors: [{ field: '/body', message: 'officeId or organisationId required' }],
      });
    }
    return {
      kind: 'foreign-organisation',
      organisationId: organisation.organisationId,
      countryCode: organisation.countryCode,
    };
  }

  /** An answer to a referral: its body typed from the schema, 409 for its status, 422 for a rule. */
  const post = <Body extends TSchema | undefined = undefined>(
    summary: string,
    body?: Body,
    action: ReferralAction = 'referral.answer',
  ) =>
    commandRoute({
      summary,
      tags: ['referral'],
      params: ReferralParams,
      body,
      response: { 200: CommandResponse },
      // The role here, before the Idempotency-Key is claimed; the scope in the decider.
      preHandler: access.guard(action),
      problems: [409, 422],
    });

  app.post('/referrals/:referralId/accept', post('Accept a proposed referral'), async (request) =>
    run(request.params.referralId, request, (metadata) => ({ type: 'AcceptReferral', data: {}, metadata })),
  );

  app.post(
    '/referrals/:referralId/decline',
    post(
      'Decline a proposed referral, with a reason',
      Type.Object({ reason: UserReason }, { additionalProperties: false }),
    ),
    async (request) =>
      run(request.params.referralId, request, (metadata) => ({
        type: 'DeclineReferral',
        data: { reason: request.body.reason },
        metadata,
      })),
  );

  /** A command that hands the case on to a new referral: a redirection, or an added service. */
  const handOn = (path: string, type: 'RedirectReferral' | 'AddService', summary: string) =>
    app.post(path, post(summary, TargetBody), async (request) => {
      const body = request.body;
      const to = targetFrom(body);
      return run(request.params.referralId, request, (metadata) => ({
        type,
        data: { to, newReferralId: randomUUID(), reason: body.reason },
        metadata,
      }));
    });
  handOn(
    '/referrals/:referralId/redirect',
    'RedirectReferral',
    'Redirect to another office or a foreign organisation: a new referral is proposed there',
  );
  handOn(
    '/referrals/:referralId/add-service',
    'AddService',
    'From an accepted referral, refer the victim to another office or a foreign organisation for a further service; the office keeps the case',
  );

  app.post(
    '/referrals/:referralId/revoke',
    post(
      'Withdraw a referral (its sender)',
      Type.Object({ reason: UserReason }, { additionalProperties: false }),
      'referral.revoke',
    ),
    async (request) =>
      run(request.params.referralId, request, (metadata) => ({
        type: 'RevokeReferral',
        data: { reason: request.body.reason },
        metadata,
      })),
  );

  app.post(
    '/referrals/:referralId/done',
    post(
      'Close an accepted referral with its outcome',
      Type.Object(
        { successful: Type.Boolean(), reason: Type.Optional(UserReason) },
        { additionalProperties: false },
      ),
    ),
    async (request) => {
      const body = request.body;
      if (!body.successful && !body.reason) {
        throw unprocessable('outcome_reason_required', 'An unsuccessful outcome needs a reason', {
          errors: [{ field: '/body/reason', message: 'required when successful is false' }],
        });
      }
      return run(request.params.referralId, request, (metadata) => ({
        type: 'CompleteReferral',
        data: {
          outcome: body.successful ? { successful: true } : { successful: false, reason: body.reason! },
        },
        metadata,
      }));
    },
  );

  app.post(
    '/referrals/:referralId/route',
    {
      ...post(
        'Route a queued case by hand (national platform): propose it to an office or a foreign organisation',
        TargetBody,
      ),
      preHandler: access.guard('queue.route'),
    },
    async (request) => {
      access.check(request.actor, 'queue.route', nationalPlatform);
      const body = request.body;
      const to = targetFrom(body);
      const state = await referrals.load(request.params.referralId);
      if (state.status !== 'queued') throw ReferralErrors.wrongStatus(state.status, 'routed by hand');
      const q = state.queued;
      return run(request.params.referralId, request, (metadata) => ({
        type: 'ProposeReferral',
        data: {
          caseId: q.caseId,
          intakeId: q.intakeId,
          urgency: q.urgency,
          offenceCategory: q.offenceCategory,
          needs: q.needs,
          consent: q.consent,
          ...(q.originAssociationId ? { originAssociationId: q.originAssociationId } : {}),
          referralId: q.referralId,
          mode: 'transfer',
          from: { kind: 'national-platform' },
          target: to,
          reasons: withReason(
            q.reasons,
            reason('routed-by-hand', { by: metadata.actor.id, reason: body.reason }),
          ),
        },
        metadata,
      }));
    },
  );
};
