import { type TSchema, Type } from '@sinclair/typebox';
import { defineIntegrationEvent } from '../contract.ts';
import { Topics } from '../topics.ts';
import { OffenceCategories } from '../values.ts';
import { MediationRules, ReturnReasons, SessionKinds } from './values.ts';

/**
 * The mediation service's integration events on `mediation.events.v1`, for the projections and
 * the follow-up file: ids, places, dates, outcomes and counts, never a party's identity, contact or
 * free text (those stay encrypted in the service).
 */
const Id = (description: string) => Type.String({ minLength: 1, maxLength: 64, description });
const literals = <const T extends readonly string[]>(values: T, description: string) =>
  Type.Union(
    values.map((value: T[number]) => Type.Literal(value)),
    { description },
  );
const LocalDate = (description: string) =>
  Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description });
const Count = (description: string) => Type.Integer({ minimum: 0, description });
// A pattern, not format: the contracts' compiled validators register no formats.
const at = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$',
  description: 'RFC 3339 time (UTC)',
});

const base = {
  mandateId: Id('Mediation mandate'),
  associationId: Id('Association carrying out the mediation'),
  officeId: Id('Office of the mandate'),
  court: Id('Court whose prosecutor ordered or was asked for it'),
  caseId: Type.Optional(Id('Case, when the mandate came from a follow-up file (also the subject)')),
  fileId: Type.Optional(Id('Follow-up file that asked for it')),
  requestId: Type.Optional(Id('The follow-up file’s request')),
};
const offenceCategory = literals(OffenceCategories, 'Offence category (federation taxonomy)');
const legalBasis = Type.Optional(literals(MediationRules, 'Rule the decision rests on'));

const event = <P extends Record<string, TSchema>>(name: string, summary: string, properties: P) =>
  defineIntegrationEvent({
    type: `fr.parcours.mediation.${name}.v1`,
    topic: Topics.mediation,
    source: '/parcours/mediation',
    summary,
    schema: Type.Object({ ...base, ...properties, at }, { additionalProperties: false }),
  });

export const MediationRequestedV1 = event(
  'requested',
  'A follow-up file’s request is registered; the prosecutor decides.',
  {
    offenceCategory,
  },
);
export const MediationRefusedV1 = event(
  'refused',
  'No mediation: the prosecutor declined, or the law bars it (violence within a couple).',
  {
    offenceCategory,
    reason: literals(['couple-violence', 'prosecutor-declined'], 'Why'),
    legalBasis,
  },
);
export const MediationOpenedV1 = event('opened', 'The prosecutor’s mandate is being carried out.', {
  origin: literals(['prosecutor', 'follow-up'], 'Ordered directly, or requested from a follow-up file'),
  offenceCategory,
  orderedOn: LocalDate('Date of the prosecutor’s decision'),
  deadline: LocalDate('Date the prosecutor expects the report by'),
  firstConvocationBy: LocalDate('Date the first convocation must take place by'),
});
export const MediationSessionHeldV1 = event(
  'session-held',
  'A session took place (or was missed): who came, in counts.',
  {
    sessionId: Id('Session'),
    kind: literals(SessionKinds, 'Individual interview or joint session'),
    heldOn: LocalDate('Local date of the session'),
    present: Count('Parties present'),
    absent: Count('Parties absent without excuse'),
    excused: Count('Parties excused'),
  },
);
export const MediationReturnedV1 = event(
  'returned',
  'The file went back to the prosecutor without an agreement.',
  {
    reason: literals(ReturnReasons, 'Why'),
    legalBasis,
    sessionsHeld: Count('Sessions that took place'),
    noShows: Count('No-shows of all parties'),
  },
);
export const MediationAgreedV1 = event(
  'agreed',
  'The parties signed an agreement; its terms are followed up to their due dates.',
  {
    terms: Type.Object(
      {
        compensation: Count('Compensation terms'),
        apology: Count('Apologies'),
        restitution: Count('Restitutions'),
        undertaking: Count('Other undertakings'),
      },
      { additionalProperties: false },
    ),
    compensationCents: Count('Total compensation, euro cents'),
    instalments: Count('Instalments of compensation'),
    lastDueDate: LocalDate('Last due date of a term'),
    sessionsHeld: Count('Sessions that took place'),
  },
);
export const MediationTermNotExecutedV1 = event(
  'term-not-executed',
  'A term (or an instalment) was not carried out by its due date: reported to the prosecutor.',
  {
    termId: Id('Term'),
    termKind: literals(['compensation', 'apology', 'restitution', 'undertaking'], 'Kind of term'),
    instalment: Type.Optional(Type.Integer({ minimum: 1, description: 'Instalment number' })),
    dueDate: LocalDate('Due date'),
  },
);
export const MediationSettledV1 = event(
  'settled',
  'Every term was carried out or reported: the agreement is settled.',
  {
    fulfilled: Type.Boolean({ description: 'Every term and instalment was carried out' }),
    executed: Count('Items carried out'),
    notExecuted: Count('Items reported as not carried out'),
  },
);

export const mediationContracts = [
  MediationRequestedV1,
  MediationRefusedV1,
  MediationOpenedV1,
  MediationSessionHeldV1,
  MediationReturnedV1,
  MediationAgreedV1,
  MediationTermNotExecutedV1,
  MediationSettledV1,
];
