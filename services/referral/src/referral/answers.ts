import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { commandMetadata, commandRoute, unprocessable } from '@parcours/service-kit';
import { type TSchema, Type } from '@sinclair/typebox';
import { access, nationalPlatform, type ReferralAction } from '../access.ts';
import type { ReferralModule } from '../module.ts';
import { reason, withReason } from '../routing/reasons.ts';
import { loadVisible } from './api.ts';
import { type ReferralCommand, ReferralErrors } from './decide.ts';
import type { Target } from './referral.ts';
import { CommandResponse, ReferralParams, TargetBody, UserReason } from './schemas.ts';

/**
 * The answers to a referral (accept, decline, redirect, add a service, done, revoke) and routing a
 * queued case by hand. The role is checked before the Idempotency-Key is claimed, the scope by the
 * decider. Every POST honours Idempotency-Key; answers return once the inbox shows them (the inbox
 * is written in the command's transaction).
 */
export const answerRoutes: FastifyPluginAsyncTypebox<{ module: ReferralModule }> = async (
  app,
  { module },
) => {
  const { referrals } = module;
  const index = () => module.directory.index;

  const run = async (
    referralId: string,
    request: Parameters<typeof commandMetadata>[0],
    command: (metadata: ReturnType<typeof commandMetadata>) => ReferralCommand,
  ) => {
    await loadVisible(referrals, referralId, request.actor);
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
