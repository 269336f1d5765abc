import { TargetSchema, Urgencies } from '@parcours/contracts';
import { StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { ReasonCodes } from '../routing/reasons.ts';

/** A reason of a routing decision or a hand-over: a code the web translates, its values, and English. */
export const ReasonSchema = Type.Object({
  code: StringEnum(ReasonCodes),
  params: Type.Optional(Type.Record(Type.String(), Type.String())),
  text: Type.String({ description: 'The reason in English, when no translation of the code is at hand' }),
});

export const Statuses = [
  'queued',
  'proposed',
  'accepted',
  'declined',
  'redirected',
  'revoked',
  'expired',
  'done',
] as const;

export const ReferralParams = Type.Object({ referralId: Type.String({ minLength: 1, maxLength: 64 }) });
export const OfficeParams = Type.Object({ officeId: Type.String({ minLength: 1, maxLength: 64 }) });
export const UserReason = Type.String({ minLength: 3, maxLength: 500 });
/** Where a case goes: an office, or a foreign organisation. */
export const TargetBody = Type.Object(
  {
    officeId: Type.Optional(Type.String({ maxLength: 64 })),
    organisationId: Type.Optional(Type.String({ maxLength: 64 })),
    reason: UserReason,
  },
  { additionalProperties: false },
);

export const CommandResponse = Type.Object({
  referralId: Type.String(),
  status: Type.String(),
  events: Type.Array(Type.String()),
  newReferralId: Type.Optional(Type.String()),
});

export const ListQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(Statuses)),
    urgency: Type.Optional(StringEnum(Urgencies)),
    overdue: Type.Optional(Type.Boolean({ description: 'Proposals past their answer deadline' })),
    /** received: addressed to the office; sent: the read-only trace of what it handed over. */
    box: Type.Union([Type.Literal('received'), Type.Literal('sent')], { default: 'received' }),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);

export const Item = Type.Object({
  referralId: Type.String(),
  caseId: Type.String(),
  intakeId: Type.String(),
  status: Type.String(),
  mode: Type.Union([Type.String(), Type.Null()]),
  associationId: Type.Union([Type.String(), Type.Null()]),
  officeId: Type.Union([Type.String(), Type.Null()]),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  fromOfficeId: Type.Union([Type.String(), Type.Null()]),
  urgency: Type.String(),
  offenceCategory: Type.String(),
  needs: Type.Array(Type.String()),
  reasons: Type.Array(ReasonSchema),
  queueReason: Type.Union([Type.String(), Type.Null()]),
  candidates: Type.Union([Type.Array(Type.String()), Type.Null()]),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
  remindersSent: Type.Array(Type.String()),
  escalated: Type.Boolean(),
  declineReason: Type.Union([Type.String(), Type.Null()]),
  redirectedTo: Type.Union([Type.String(), Type.Null()]),
  redirectedFrom: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.Unknown(), Type.Null()]),
  readOnly: Type.Boolean(),
  proposedAt: Type.String(),
  updatedAt: Type.String(),
});
export const ListResponse = Type.Object({
  items: Type.Array(Item),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

const SenderSchema = Type.Union([
  Type.Object({ kind: Type.Literal('national-platform') }),
  Type.Object({ kind: Type.Literal('office'), associationId: Type.String(), officeId: Type.String() }),
]);

/** GET /referrals/{id}: the referral as its stream has it; a queued one has no target, mode nor deadlines yet. */
export const ReferralDetail = Type.Object({
  status: StringEnum(['none', ...Statuses]),
  referralId: Type.String(),
  caseId: Type.String(),
  intakeId: Type.String(),
  urgency: StringEnum(Urgencies),
  offenceCategory: Type.String(),
  needs: Type.Array(Type.String()),
  consent: Type.Object({
    sharing: Type.Boolean(),
    override: Type.Optional(Type.Object({ reason: Type.String(), by: Type.String() })),
  }),
  originAssociationId: Type.Optional(Type.String()),
  reasons: Type.Array(ReasonSchema),
  at: Type.String({ description: 'When it was proposed, or queued' }),
  why: Type.Optional(Type.String({ description: 'Queued: why the national platform routes it by hand' })),
  candidates: Type.Optional(Type.Array(Type.String())),
  mode: Type.Optional(StringEnum(['transfer', 'referral'])),
  from: Type.Optional(SenderSchema),
  target: Type.Optional(TargetSchema),
  redirectedFrom: Type.Optional(Type.String()),
  deadlines: Type.Optional(
    Type.Object({
      dueAt: Type.String(),
      reminders: Type.Array(Type.Object({ kind: Type.String(), at: Type.String() })),
    }),
  ),
  by: Type.Optional(Type.String()),
  remindersSent: Type.Optional(Type.Array(Type.String())),
});
