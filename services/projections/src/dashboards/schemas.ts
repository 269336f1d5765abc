import { Type } from '@sinclair/typebox';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const NullableText = Type.Union([Type.String(), Type.Null()]);
const Hours = Type.Union([Type.Number(), Type.Null()]);

export const OfficeParams = Type.Object({ officeId: Id });
export const AssociationParams = Type.Object({ associationId: Id });

export const DashboardQuery = Type.Object(
  {
    asOf: Type.Optional(
      Type.String({ format: 'date-time', description: 'Figures as of this instant (default: now)' }),
    ),
    from: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'Start of the period of delays, breaches and outcomes (default: 90 days before)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const DashboardResponse = Type.Object({
  scope: Type.Object({ kind: Type.String(), id: Type.String() }),
  asOf: Type.String({ format: 'date-time' }),
  from: Type.String({ format: 'date-time' }),
  caseload: Type.Array(
    Type.Object({ caseworkerId: NullableText, status: Type.String(), files: Type.Integer() }),
  ),
  referrals: Type.Object({ waiting: Type.Integer(), overdue: Type.Integer() }),
  timeToFirstContact: Type.Object({ files: Type.Integer(), medianHours: Hours, p90Hours: Hours }),
  timeToAcceptance: Type.Object({ referrals: Type.Integer(), medianHours: Hours, p90Hours: Hours }),
  filesWithoutActivity: Type.Integer(),
  deadlineBreaches: Type.Array(Type.Object({ kind: Type.String(), count: Type.Integer() })),
  upcomingHearings: Type.Array(
    Type.Object({
      hearingId: Type.String(),
      fileId: Type.String(),
      officeId: Type.String(),
      startsAt: Type.String({ format: 'date-time' }),
      accompanimentPlanned: Type.Boolean(),
    }),
  ),
  upcomingMediations: Type.Array(
    Type.Object({
      mandateId: Type.String(),
      officeId: Type.String(),
      firstConvocationBy: NullableText,
      deadline: NullableText,
    }),
  ),
  mediationOutcomes: Type.Array(
    Type.Object({
      outcome: Type.String(),
      returnReason: NullableText,
      fulfilled: Type.Union([Type.Boolean(), Type.Null()]),
      count: Type.Integer(),
    }),
  ),
});
