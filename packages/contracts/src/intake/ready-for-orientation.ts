import { type Static, Type } from '@sinclair/typebox';
import { defineIntegrationEvent } from '../contract.ts';
import { EncryptedEnvelope } from '../encrypted-envelope.ts';
import type { IntegrationEvent } from '../integration-event.ts';
import { Topics } from '../topics.ts';
import {
  AgeBands,
  AuthorLinks,
  communeCodePattern,
  Day,
  Id,
  IntakeChannels,
  literals,
  Needs,
  OffenceCategories,
  Urgencies,
  VulnerabilityFlags,
} from '../values.ts';

const readyV1Data = Type.Object(
  {
    caseId: Id('Case id (also the event subject and Kafka key)'),
    intakeId: Id('Intake id in the intake service'),
    channel: literals(IntakeChannels, 'How the victim reached the association'),
    residence: Type.Object(
      {
        postcode: Type.Optional(
          Type.String({
            pattern: '^[0-9A-Za-z -]{2,10}$',
            description: 'Postcode of residence (may be absent abroad)',
          }),
        ),
        communeCode: Type.Optional(Type.String({ pattern: communeCodePattern, description: 'INSEE code' })),
        countryCode: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
      },
      { additionalProperties: false },
    ),
    offenceCategory: literals(OffenceCategories, 'Offence category (federation taxonomy)'),
    needs: Type.Array(literals(Needs, 'A need expressed at intake'), { uniqueItems: true }),
    urgency: literals(Urgencies, 'Urgency assessed at intake'),
    vulnerabilities: Type.Optional(
      Type.Array(literals(VulnerabilityFlags, 'A vulnerability flag'), { uniqueItems: true }),
    ),
    ageBand: Type.Optional(literals(AgeBands, 'Age band (never the birth date)')),
    origin: Type.Optional(
      Type.Object(
        {
          officeId: Type.Optional(Id('Welcome office where the victim walked in')),
          associationId: Type.Optional(Id('Association of that office')),
          agreementId: Type.Optional(Id('Partner agreement the intake came through')),
          massEventId: Type.Optional(Id('Mass-casualty event the victim belongs to')),
        },
        { additionalProperties: false, description: 'Where the intake came from, for routing' },
      ),
    ),
    requisition: Type.Optional(
      Type.Object(
        {
          dueDate: Day('Date the prosecutor expects the answer'),
          evviRequested: Type.Boolean({ description: 'In-depth vulnerability assessment requested' }),
        },
        { additionalProperties: false, description: 'Prosecutor requisition (CPP art. 41)' },
      ),
    ),
    consent: Type.Object(
      {
        services: Type.Boolean({ description: 'Consents to being helped by the association' }),
        sharing: Type.Boolean({ description: 'Consents to sharing the file with partners' }),
        override: Type.Optional(
          Type.Object(
            {
              reason: Type.String({ minLength: 1, maxLength: 500 }),
              by: Id('Staff member who overrode the absence of consent'),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    safeContact: Type.Object(
      {
        safeNumber: Type.Boolean(),
        safeHours: Type.Boolean(),
        noVoicemail: Type.Boolean(),
        throughThirdParty: Type.Boolean(),
      },
      { additionalProperties: false, description: 'How to reach the victim without putting them at risk' },
    ),
    personal: EncryptedEnvelope,
  },
  { additionalProperties: false },
);

/** The first version: no link with the author. Still read; no longer produced. */
export const IntakeReadyForOrientationV1 = defineIntegrationEvent({
  type: 'fr.parcours.intake.ready-for-orientation.v1',
  topic: Topics.intake,
  source: '/parcours/intake',
  schema: readyV1Data,
  summary: 'An intake is complete: the case can be oriented to an office or a partner.',
});

/** v2: v1 and the victim's link with the author (required by intake for `couple-violence`). */
export const IntakeReadyForOrientationData = Type.Object(
  {
    ...readyV1Data.properties,
    authorLink: Type.Optional(
      literals(
        AuthorLinks,
        "The victim's link with the presumed author; partner or former-partner for couple-violence",
      ),
    ),
  },
  { additionalProperties: false },
);

export const IntakeReadyForOrientationV2 = defineIntegrationEvent({
  type: 'fr.parcours.intake.ready-for-orientation.v2',
  topic: Topics.intake,
  source: '/parcours/intake',
  schema: IntakeReadyForOrientationData,
  summary:
    "An intake is complete: the case can be oriented to an office or a partner (with the victim's link with the author).",
});

/** Every version consumers handle (packages/contracts/README.md, "How a contract evolves"). */
export const intakeReadyForOrientationContracts = [IntakeReadyForOrientationV1, IntakeReadyForOrientationV2];
const readyTypes = new Set<string>(intakeReadyForOrientationContracts.map((contract) => contract.type));

/** An intake ready for orientation, of any version: v1's data is v2's without the author's link. */
export type IntakeReadyForOrientation = IntegrationEvent<
  (typeof intakeReadyForOrientationContracts)[number]['type'],
  Static<typeof IntakeReadyForOrientationData>
>;
export const isIntakeReadyForOrientation = (event: IntegrationEvent): event is IntakeReadyForOrientation =>
  readyTypes.has(event.type);
