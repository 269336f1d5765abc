import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Actor, forbidden, notFound } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { access, nationalPlatform, ownerOfSender, ownerOfTarget } from '../access.ts';
import type { ReferralModule } from '../module.ts';
import { ReferralErrors } from './decide.ts';
import { caseReferrals, nationalQueue, officeReferrals, withText } from './inbox/queries.ts';
import type { ReferralState } from './referral.ts';
import { Item, ListQuery, ListResponse, OfficeParams, ReferralDetail, ReferralParams } from './schemas.ts';
import type { ReferralService } from './service.ts';

/** Where a row of the inbox stands, for the access rules. */
const owner = (associationId?: string | null, officeId?: string | null) => ({
  associationId: associationId ?? undefined,
  officeId: officeId ?? undefined,
});

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

export async function loadVisible(referrals: ReferralService, referralId: string, actor: Actor) {
  const state = await referrals.load(referralId);
  if (state.status === 'none') throw ReferralErrors.notFound();
  if (!canSee(actor, state)) throw forbidden('referral_out_of_scope', 'This referral is out of your scope');
  return state;
}

/**
 * What an office, a case and the national platform see: an office's referrals with filters, a case's,
 * the queue, one referral. Who may see what: access.ts. The answers are in answers.ts.
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

  app.get(
    '/referrals/:referralId',
    {
      schema: {
        tags: ['referral'],
        summary: 'A referral with its routing reasons and deadlines',
        params: ReferralParams,
        response: { 200: ReferralDetail },
      },
      preHandler: access.guard('referral.read'),
    },
    async (request) => {
      const state = await loadVisible(referrals, request.params.referralId, request.actor);
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
};
