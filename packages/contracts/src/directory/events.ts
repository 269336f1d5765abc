import { type TSchema, Type } from '@sinclair/typebox';
import { defineIntegrationEvent, type EventOf } from '../contract.ts';
import { Topics } from '../topics.ts';
import { communeCodePattern, Day, Id, literals, OfficeTypes, UtcTime } from '../values.ts';

/**
 * The network directory as other services need it (the intake service checks the office of a
 * walk-in and the agreement of a partner intake against it). Each event carries the whole entity as
 * it now is, keyed by the entity: the topic is compacted, so a new consumer reads the latest state
 * of every office, partner and agreement from the beginning. Public reference data: no personal data.
 */
const source = '/parcours/referral/directory';
const at = UtcTime('RFC 3339 time (UTC) of the change this state comes from');
const day = Day();

const event = <P extends Record<string, TSchema>>(name: string, summary: string, properties: P) =>
  defineIntegrationEvent({
    type: `fr.parcours.directory.${name}.v1`,
    topic: Topics.directory,
    source,
    summary,
    schema: Type.Object({ ...properties, active: Type.Boolean(), at }, { additionalProperties: false }),
  });

export const DirectoryOfficeV1 = event(
  'office',
  'A welcome office as it now is (opened, changed or closed).',
  {
    officeId: Id('Office'),
    associationId: Id('The association running it'),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    type: literals(OfficeTypes),
    communeCode: Type.String({ pattern: communeCodePattern }),
  },
);
export const DirectoryPartnerV1 = event(
  'partner',
  'A partner of the network (bank, transport, retail, ministry…).',
  {
    partnerId: Id('Partner'),
    name: Type.String({ minLength: 1, maxLength: 200 }),
  },
);
export const DirectoryAgreementV1 = event(
  'agreement',
  'A partner agreement as it now is (signed or ended), naming the association that takes its referrals.',
  {
    agreementId: Id('Agreement'),
    partnerId: Id('Partner'),
    associationId: Id('The association that takes the referrals'),
    validFrom: day,
    validUntil: Type.Optional(day),
  },
);

export const directoryContracts = [DirectoryOfficeV1, DirectoryPartnerV1, DirectoryAgreementV1];
export type DirectoryOfficeV1 = EventOf<typeof DirectoryOfficeV1>;
export type DirectoryPartnerV1 = EventOf<typeof DirectoryPartnerV1>;
export type DirectoryAgreementV1 = EventOf<typeof DirectoryAgreementV1>;
export type DirectoryIntegrationEvent = DirectoryOfficeV1 | DirectoryPartnerV1 | DirectoryAgreementV1;
