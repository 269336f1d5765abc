import { AuthorLinks, IntakeChannels, Needs, OffenceCategories, Urgencies } from '@parcours/contracts';
import { StringEnum } from '@parcours/service-kit';
import { type TSchema, Type } from '@sinclair/typebox';
import { AgeBands, CallerTypes, HelplineOutcomes, OfficeTypes, VulnerabilityFlags } from './intake.ts';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const IsoDate = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const ResidenceSchema = Type.Object(
  {
    countryCode: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
    postcode: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z -]{2,10}$' })),
    communeCode: Type.Optional(Type.String({ pattern: '^[0-9][0-9AB][0-9]{3}$', description: 'INSEE code' })),
  },
  { additionalProperties: false },
);

export const ProfileSchema = Type.Object(
  {
    residence: ResidenceSchema,
    ageBand: Type.Optional(StringEnum(AgeBands)),
    offenceCategory: StringEnum(OffenceCategories),
    authorLink: Type.Optional(
      StringEnum(AuthorLinks, {
        description:
          "The victim's link with the presumed author; partner or former-partner for couple-violence",
      }),
    ),
    needs: Type.Array(StringEnum(Needs), { uniqueItems: true, maxItems: Needs.length }),
    vulnerabilities: Type.Array(StringEnum(VulnerabilityFlags), {
      uniqueItems: true,
      maxItems: VulnerabilityFlags.length,
    }),
    urgency: StringEnum(Urgencies),
    safeContact: Type.Object(
      {
        safeNumber: Type.Boolean(),
        safeHours: Type.Boolean(),
        noVoicemail: Type.Boolean(),
        throughThirdParty: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    consent: Type.Object(
      { services: Type.Boolean(), sharing: Type.Boolean() },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** Profile facts to correct before orientation: any of the profile's but consent (its own commands). */
const { consent: _consent, ...correctable } = ProfileSchema.properties;
export const ProfileChangesBody = Type.Partial(Type.Object(correctable), {
  additionalProperties: false,
  minProperties: 1,
});

const Phone = Type.String({ pattern: '^\\+?[0-9 .-]{6,20}$' });

export const PersonalSchema = Type.Object(
  {
    identity: Type.Optional(
      Type.Object(
        { lastName: Text(100), firstName: Text(100), birthName: Type.Optional(Text(100)) },
        { additionalProperties: false },
      ),
    ),
    birthDate: Type.Optional(IsoDate),
    contact: Type.Optional(
      Type.Object(
        {
          phone: Type.Optional(Phone),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
          safeNumber: Type.Optional(Phone),
          safeHours: Type.Optional(Text(200)),
          thirdParty: Type.Optional(Text(200)),
        },
        { additionalProperties: false },
      ),
    ),
    address: Type.Optional(
      Type.Object(
        { lines: Type.Array(Text(200), { minItems: 1, maxItems: 4 }), city: Type.Optional(Text(100)) },
        { additionalProperties: false },
      ),
    ),
    caller: Type.Optional(
      Type.Object(
        { relationship: Text(100), name: Type.Optional(Text(200)), phone: Type.Optional(Phone) },
        { additionalProperties: false },
      ),
    ),
    narrative: Type.Optional(Text(10_000)),
  },
  { additionalProperties: false, description: 'Personal data: encrypted before it is stored' },
);

const recording = <P extends Record<string, TSchema>>(properties: P) =>
  Type.Object(
    { profile: ProfileSchema, personal: Type.Optional(PersonalSchema), ...properties },
    { additionalProperties: false },
  );

export const HelplineCallBody = recording({
  caller: StringEnum(CallerTypes),
  outcome: StringEnum(HelplineOutcomes),
  anonymous: Type.Boolean(),
});
export const WalkInBody = recording({ officeId: Text(64), officeType: StringEnum(OfficeTypes) });
export const RequisitionBody = recording({
  prosecutorReference: Text(64),
  court: Text(200),
  dueDate: IsoDate,
  evviRequested: Type.Boolean(),
});
export const PartnerIntakeBody = recording({
  agreementId: Text(64),
  employer: Text(200),
  attackedAtWork: Type.Boolean(),
});

export const IntakeIdParams = Type.Object({ intakeId: Type.String({ format: 'uuid' }) });

export const RecordedResponse = Type.Object({
  intakeId: Type.String(),
  /** The case the intake opened: what the listener quotes to follow it (referrals, follow-up). */
  caseId: Type.String(),
  status: Type.String(),
  events: Type.Array(Type.String()),
  missingForOrientation: Type.Array(Type.String(), {
    description:
      'What keeps an open intake from orientation (residence.communeCode, consent.services…); empty otherwise',
  }),
  communeCandidates: Type.Optional(
    Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), {
      description:
        'The communes sharing the postcode given without a commune code: one to choose (then correct the residence)',
    }),
  ),
});

export const IntakeSummary = Type.Object({
  intakeId: Type.String(),
  caseId: Type.String(),
  channel: StringEnum(IntakeChannels),
  status: Type.String(),
  offenceCategory: Type.String(),
  urgency: Type.String(),
  officeId: Type.Union([Type.String(), Type.Null()]),
  associationId: Type.Union([Type.String(), Type.Null()]),
  massEventId: Type.Union([Type.String(), Type.Null()]),
  recordedAt: Type.String(),
  possibleDuplicates: Type.Integer(),
});

/** Timestamps come back from the pool as strings or dates depending on its type parsers. */
export const iso = (value: Date | string) => new Date(value).toISOString();
