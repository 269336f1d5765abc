import { type TSchema, Type } from '@sinclair/typebox';
import { defineIntegrationEvent } from '../contract.ts';
import { EncryptedEnvelope } from '../encrypted-envelope.ts';
import { Topics } from '../topics.ts';
import { IntakeChannels, Needs, OffenceCategories, Urgencies } from '../values.ts';
import {
  ActionChannels,
  ActionKinds,
  ClosureReasons,
  ContactChannels,
  ContactNumbers,
  EvviLevels,
  EvviRequesters,
  OpenItems,
  ProtectiveMeasures,
  Schemes,
} from './values.ts';

/**
 * The follow-up service's integration events on `followup.events.v1`, for the projections and the
 * mediation service. Ids, places, types, dates and counts: never personal data in clear. The mediation
 * request alone carries the victim's encrypted envelope, for the mediator to contact them.
 */
const Id = (description: string) => Type.String({ minLength: 1, maxLength: 64, description });
const at = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$',
  description: 'RFC 3339 time (UTC)',
});
const day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const oneOf = <const T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v: T[number]) => Type.Literal(v)));
const source = '/parcours/follow-up';

const base = {
  fileId: Id('File id'),
  caseId: Id('Case id (also the subject and Kafka key)'),
  associationId: Id('Association holding the file'),
  officeId: Id('Office holding the file'),
};

const event = <P extends Record<string, TSchema>>(name: string, summary: string, properties: P) =>
  defineIntegrationEvent({
    type: `fr.parcours.followup.${name}.v1`,
    topic: Topics.followUp,
    source,
    summary,
    schema: Type.Object({ ...base, ...properties, at }, { additionalProperties: false }),
  });

export const FileOpenedV1 = event(
  'file-opened',
  'A file opened in an office for one person helped in a case.',
  {
    origin: oneOf(['referral', 'transfer', 'added-service', 'walk-in'] as const),
    referralId: Id('The referral the file comes from'),
    linkedFileId: Type.Optional(Id('The sender’s file (transfer) or the holder’s (added service)')),
    channel: oneOf(IntakeChannels),
    offenceCategory: oneOf(OffenceCategories),
    needs: Type.Array(oneOf(Needs), { uniqueItems: true }),
    urgency: oneOf(Urgencies),
  },
);
export const FileAssignedV1 = event(
  'file-assigned',
  'A caseworker holds the file (assigned or reassigned).',
  {
    caseworkerId: Id('Staff member'),
    previousCaseworkerId: Type.Optional(Id('Staff member before')),
    forced: Type.Boolean({ description: 'Assigned over capacity by the office manager' }),
  },
);
export const FileClosureRequestedV1 = event(
  'file-closure-requested',
  'A closure waits for the office manager’s approval (a hearing, a compensation deadline or a mediation is open).',
  { reason: oneOf(ClosureReasons), openItems: Type.Array(oneOf(OpenItems)) },
);
export const FileClosureRefusedV1 = event(
  'file-closure-refused',
  'The office manager refused a closure.',
  {},
);
export const FileClosedV1 = event(
  'file-closed',
  'The file is closed, with its reason; a transferred file is a read-only trace.',
  {
    reason: oneOf(ClosureReasons),
    approved: Type.Boolean({ description: 'Closed with the office manager’s approval' }),
    openItems: Type.Array(oneOf(OpenItems)),
    transferredTo: Type.Optional(
      Type.Union([
        Type.Object(
          { associationId: Id('Association'), officeId: Id('Office') },
          { additionalProperties: false },
        ),
        Type.Object(
          { organisationId: Id('Foreign organisation'), countryCode: Type.String({ pattern: '^[A-Z]{2}$' }) },
          { additionalProperties: false },
        ),
      ]),
    ),
  },
);
export const FileReopenedV1 = event('file-reopened', 'A closed file is open again.', {});
export const FileFlaggedInactiveV1 = event(
  'file-flagged-inactive',
  'No activity on the file for the configured weeks.',
  {
    since: at,
  },
);
export const SupportActionRecordedV1 = event(
  'support-action-recorded',
  'A support action (“entretien”) took place.',
  {
    actionId: Id('Action'),
    kind: oneOf(ActionKinds),
    channel: oneOf(ActionChannels),
    durationMinutes: Type.Integer({ minimum: 1, maximum: 600 }),
    on: at,
    staffCount: Type.Integer({ minimum: 1 }),
  },
);
export const ContactAttemptedV1 = event('contact-attempted', 'An attempt to reach the victim ended.', {
  attemptId: Id('Attempt'),
  channel: oneOf(ContactChannels),
  number: oneOf(ContactNumbers),
  answered: Type.Boolean(),
  voicemailLeft: Type.Boolean(),
  startedAt: at,
});
export const EvviRequestedV1 = event('evvi-requested', 'An in-depth vulnerability assessment is requested.', {
  requestId: Id('Request'),
  requestedBy: oneOf(EvviRequesters),
  dueOn: day,
});
export const EvviSubmittedV1 = event(
  'evvi-submitted',
  'A version of the assessment went to the judicial authority.',
  {
    requestId: Id('Request'),
    version: Type.Integer({ minimum: 1 }),
    level: oneOf(EvviLevels),
    measures: Type.Array(oneOf(ProtectiveMeasures), { uniqueItems: true }),
    late: Type.Boolean({ description: 'Submitted after the request’s due date' }),
  },
);
export const HearingScheduledV1 = event('hearing-scheduled', 'A hearing the victim is expected at.', {
  hearingId: Id('Hearing'),
  court: Id('Court'),
  startsAt: at,
  accompanimentPlanned: Type.Boolean(),
});
export const CompensationClaimFiledV1 = event(
  'compensation-claim-filed',
  'A CIVI or SARVI claim was filed for the victim.',
  {
    scheme: oneOf(Schemes),
    filedOn: day,
    late: Type.Boolean(),
  },
);
export const FileMediationRequestedV1 = event(
  'mediation-requested',
  'A penal mediation is requested from the file, with the victim’s consent.',
  {
    mediationRequestId: Id('Mediation request'),
    court: Type.Optional(Id('Court')),
    prosecutorOffice: Type.Optional(Id('Prosecutor’s office')),
    victimConsent: Type.Literal(true),
    offenceCategory: oneOf(OffenceCategories),
    subjectId: Id('The victim (data subject of `personal`)'),
    personal: EncryptedEnvelope,
  },
);

export const followUpContracts = [
  FileOpenedV1,
  FileAssignedV1,
  FileClosureRequestedV1,
  FileClosureRefusedV1,
  FileClosedV1,
  FileReopenedV1,
  FileFlaggedInactiveV1,
  SupportActionRecordedV1,
  ContactAttemptedV1,
  EvviRequestedV1,
  EvviSubmittedV1,
  HearingScheduledV1,
  CompensationClaimFiledV1,
  FileMediationRequestedV1,
];
