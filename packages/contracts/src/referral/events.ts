import { type TSchema, Type } from '@sinclair/typebox';
import { defineIntegrationEvent, type EventOf } from '../contract.ts';
import { Topics } from '../topics.ts';
import { communeCodePattern, Id, literals, Urgencies, UtcTime } from '../values.ts';

/**
 * The referral service's integration events, for the follow-up service and the projections. They
 * carry ids and routing facts, never personal data.
 */
const source = '/parcours/referral';

export const TargetSchema = Type.Union([
  Type.Object(
    { kind: Type.Literal('office'), associationId: Id('Association'), officeId: Id('Office') },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('partner-association'),
      associationId: Id('Association named by the agreement'),
      officeId: Id('Office'),
      agreementId: Id('Partner agreement'),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('foreign-organisation'),
      organisationId: Id('Foreign victim support organisation'),
      countryCode: Type.String({ pattern: '^[A-Z]{2}$' }),
    },
    { additionalProperties: false },
  ),
]);

const SenderSchema = Type.Union([
  Type.Object({ kind: Type.Literal('national-platform') }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('office'), associationId: Id('Association'), officeId: Id('Office') },
    { additionalProperties: false },
  ),
]);

const base = {
  referralId: Id('Referral id'),
  caseId: Id('Case id (also the subject and Kafka key)'),
};
const at = UtcTime('RFC 3339 time (UTC)');

const event = <P extends Record<string, TSchema>>(name: string, summary: string, properties: P) =>
  defineIntegrationEvent({
    type: `fr.parcours.referral.${name}.v1`,
    topic: Topics.referral,
    source,
    summary,
    schema: Type.Object({ ...base, ...properties, at }, { additionalProperties: false }),
  });

export const ReferralProposedV1 = event(
  'proposed',
  'A case is proposed to an office (or partner association, or foreign organisation), with its answer deadline.',
  {
    intakeId: Id('Intake id'),
    mode: Type.Union([Type.Literal('transfer'), Type.Literal('referral')]),
    from: SenderSchema,
    target: TargetSchema,
    urgency: literals(Urgencies),
    offenceCategory: Type.String({ minLength: 1, maxLength: 64 }),
    dueAt: at,
    reasons: Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20 }),
    redirectedFrom: Type.Optional(Id('The referral this one replaces')),
  },
);
export const ReferralQueuedV1 = event(
  'queued',
  'A case waits in the national platform’s queue (commune to ask, no coverage, no consent to sharing, a transfer declined or left unanswered).',
  {
    intakeId: Id('Intake id'),
    why: Type.Union([
      Type.Literal('ask-commune'),
      Type.Literal('no-coverage'),
      Type.Literal('consent-missing'),
      Type.Literal('declined'),
      Type.Literal('expired'),
    ]),
    candidates: Type.Optional(Type.Array(Type.String({ pattern: communeCodePattern }), { maxItems: 100 })),
    reasons: Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20 }),
  },
);
export const ReferralAcceptedV1 = event(
  'accepted',
  'The office accepted the case: for a transfer, it now owns the file.',
  {
    target: TargetSchema,
    mode: Type.Union([Type.Literal('transfer'), Type.Literal('referral')]),
    by: Id('Actor'),
  },
);
export const ReferralDeclinedV1 = event('declined', 'The office declined the case, with a reason.', {
  target: TargetSchema,
  reason: Type.String({ minLength: 1, maxLength: 500 }),
  by: Id('Actor'),
});
export const ReferralRedirectedV1 = event(
  'redirected',
  'The office redirected the case to another office or organisation (a new referral is proposed).',
  {
    to: TargetSchema,
    newReferralId: Id('The new referral'),
    reason: Type.String({ maxLength: 500 }),
    by: Id('Actor'),
  },
);
export const ReferralRevokedV1 = event('revoked', 'The sender withdrew the referral.', {
  reason: Type.String({ maxLength: 500 }),
  by: Id('Actor'),
});
export const ReferralExpiredV1 = event(
  'expired',
  'Nobody answered before the deadline: escalated to the office manager; an unanswered transfer also goes back to the national platform’s queue.',
  {
    target: TargetSchema,
    escalatedTo: Type.Object(
      {
        role: Type.Literal('office-manager'),
        associationId: Type.Optional(Id('Association')),
        officeId: Type.Optional(Id('Office')),
      },
      { additionalProperties: false },
    ),
  },
);
export const ReferralDoneV1 = event('done', 'The referral is done, with its outcome.', {
  outcome: Type.Union([
    Type.Object({ successful: Type.Literal(true) }, { additionalProperties: false }),
    Type.Object(
      { successful: Type.Literal(false), reason: Type.String({ minLength: 1, maxLength: 500 }) },
      { additionalProperties: false },
    ),
  ]),
  by: Id('Actor'),
});

export const referralContracts = [
  ReferralProposedV1,
  ReferralQueuedV1,
  ReferralAcceptedV1,
  ReferralDeclinedV1,
  ReferralRedirectedV1,
  ReferralRevokedV1,
  ReferralExpiredV1,
  ReferralDoneV1,
];
export type ReferralProposedV1 = EventOf<typeof ReferralProposedV1>;
