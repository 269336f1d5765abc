import { OffenceCategories, Urgencies } from '@parcours/contracts';
import { StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { ReasonSchema } from '../referral/schemas.ts';
import { OfficeTypes, Specialities } from './directory.ts';

const Id = Type.String({ maxLength: 64 });

export const OfficeParams = Type.Object({ officeId: Id });
export const AssociationParams = Type.Object({ associationId: Id });

/** An office as the directory knows it now. */
export const OfficeSchema = Type.Object({
  officeId: Type.String(),
  associationId: Type.String(),
  name: Type.String(),
  type: StringEnum(OfficeTypes),
  address: Type.Object({ line: Type.String(), postcode: Type.String(), communeCode: Type.String() }),
  openingHours: Type.Array(
    Type.Object({ days: Type.Array(Type.Integer()), opens: Type.String(), closes: Type.String() }),
  ),
  specialities: Type.Array(StringEnum(Specialities)),
  active: Type.Boolean(),
});

export const OfficeSearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 100,
        description: 'Words of the office’s name or id, its postcode or commune code (all must match)',
      }),
    ),
    associationId: Type.Optional(Id),
    includeClosed: Type.Boolean({ default: false }),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export const OfficeList = Type.Object({ items: Type.Array(OfficeSchema), total: Type.Integer() });

export const RoutingQuery = Type.Object(
  {
    countryCode: Type.String({ pattern: '^[A-Z]{2}$', default: 'FR' }),
    postcode: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z -]{2,10}$' })),
    communeCode: Type.Optional(Type.String({ pattern: '^[0-9][0-9AB][0-9]{3}$' })),
    offenceCategory: StringEnum(OffenceCategories),
    urgency: Type.Optional(StringEnum(Urgencies)),
  },
  { additionalProperties: false },
);

/** Where a case would go, and why (routing/route.ts's RoutingDecision, its reasons with their English). */
export const RoutingDecisionSchema = Type.Object({
  kind: StringEnum([
    'office',
    'partner-association',
    'foreign-organisation',
    'national-queue',
    'ask-commune',
  ]),
  associationId: Type.Optional(Type.String()),
  officeId: Type.Optional(Type.String()),
  communeCode: Type.Optional(Type.String()),
  agreementId: Type.Optional(Type.String()),
  organisationId: Type.Optional(Type.String()),
  countryCode: Type.Optional(Type.String()),
  why: Type.Optional(StringEnum(['no-coverage', 'consent-missing'])),
  candidates: Type.Optional(Type.Array(Type.String())),
  reasons: Type.Array(ReasonSchema),
});
