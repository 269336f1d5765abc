import { type TSchema, Type } from '@sinclair/typebox';
import { defineIntegrationEvent, type EventOf } from '../contract.ts';
import { OfficeTypes } from '../intake/ready-for-orientation.ts';
import { Topics } from '../topics.ts';

/**
 * The network directory as other services need it (the intake service checks the office of a
 * walk-in and the agreement of a partner intake against it). Each event carries the whole entity as
 * it now is, keyed by the entity: the topic is compacted, so a new consumer reads the latest state
 * of every office, partner and agreement from the beginning. Public reference data: no personal data.
 */
const Id = (description: string) => Type.String({ minLength: 1, maxLength: 64, description });
const source = '/parcours/referral/directory';
const at = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$',
  description: 'RFC 3339 time (UTC) of the change this state comes from',
});
const day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

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
    type: Type.Union(OfficeTypes.map((t) => Type.Literal(t))),
    communeCode: Type.String({ pattern: '^[0-9][0-9AB][0-9]{3}$' }),
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
