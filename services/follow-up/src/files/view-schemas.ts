import {
  ActionChannels,
  AgeBands,
  ClosureReasons,
  ContactChannels,
  ContactNumbers,
  EvviLevels,
  EvviRequesters,
  IntakeChannels,
  Needs,
  OffenceCategories,
  OpenItems,
  ProtectiveMeasures,
  Urgencies,
  VulnerabilityFlags,
} from '@parcours/contracts';
import { StringEnum } from '@parcours/service-kit';
import { type TSchema, Type } from '@sinclair/typebox';
import { ReferenceKeys } from '../compensation/references.ts';
import { AuthorLinks, HarmSeverities } from '../evvi/evvi.ts';
import { MediationOutcomes } from '../file/file.ts';
import { ComplaintAuthorities, ProsecutionDecisions } from '../procedure/procedure.ts';
import { TaskKinds } from '../tasks/tasks.ts';

/**
 * The parts of `GET /files/{fileId}` (the file's state as its stream gives it), described so the
 * OpenAPI document and the page's generated types say what each part holds. What is not named here
 * is not sent (the serializer drops it): the EVVI versions' encrypted opinion and new facts, for one.
 */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Opt = Type.Optional;
const Day = Type.String({ description: 'A calendar date, YYYY-MM-DD' });
const Instant = Type.String({ description: 'An instant, ISO 8601' });

export const SafeWindow = Type.Object({
  days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 })),
  from: Type.String(),
  to: Type.String(),
});
const SafeContactFlags = {
  safeNumber: Type.Boolean(),
  safeHours: Type.Boolean(),
  noVoicemail: Type.Boolean(),
  throughThirdParty: Type.Boolean(),
};
export const SafeContactRules = Type.Object({ ...SafeContactFlags, windows: Opt(Type.Array(SafeWindow)) });

export const CaseFactsView = Type.Object(
  {
    caseId: Type.String(),
    intakeId: Type.String(),
    subjectId: Type.String(),
    channel: StringEnum(IntakeChannels),
    offenceCategory: StringEnum(OffenceCategories),
    authorLink: Opt(StringEnum(AuthorLinks)),
    needs: Type.Array(StringEnum(Needs)),
    urgency: StringEnum(Urgencies),
    vulnerabilities: Type.Array(StringEnum(VulnerabilityFlags)),
    ageBand: Opt(StringEnum(AgeBands)),
    consent: Type.Object({
      services: Type.Boolean(),
      sharing: Type.Boolean(),
      override: Opt(Type.Object({ reason: Type.String(), by: Type.String() })),
    }),
    safeContact: Type.Object(SafeContactFlags),
    requisition: Opt(Type.Object({ dueDate: Day, evviRequested: Type.Boolean() })),
  },
  { description: "The case's facts as intake gave them, without the victim's envelope" },
);

/** The victim's personal data as intake wrote it (any part may be missing); null once erased. */
export const PersonalView = Type.Object(
  {
    identity: Opt(
      Type.Object(
        { lastName: Opt(Type.String()), firstName: Opt(Type.String()), birthName: Opt(Type.String()) },
        { additionalProperties: true },
      ),
    ),
    birthDate: Opt(Type.String()),
    contact: Opt(
      Type.Object(
        {
          phone: Opt(Type.String()),
          email: Opt(Type.String()),
          safeNumber: Opt(Type.String()),
          safeHours: Opt(Type.String()),
          thirdParty: Opt(Type.String()),
        },
        { additionalProperties: true },
      ),
    ),
    address: Opt(
      Type.Object(
        { lines: Opt(Type.Array(Type.String())), city: Opt(Type.String()) },
        { additionalProperties: true },
      ),
    ),
    caller: Opt(
      Type.Object(
        { relationship: Opt(Type.String()), name: Opt(Type.String()), phone: Opt(Type.String()) },
        { additionalProperties: true },
      ),
    ),
    narrative: Opt(Type.String()),
  },
  { additionalProperties: true },
);

export const OriginView = Type.Union([
  Type.Object({ kind: Type.Literal('referral'), referralId: Type.String() }),
  Type.Object({ kind: Type.Literal('transfer'), referralId: Type.String(), fromFileId: Type.String() }),
  Type.Object({
    kind: Type.Literal('added-service'),
    referralId: Type.String(),
    holderFileId: Type.String(),
  }),
  Type.Object({ kind: Type.Literal('walk-in'), referralId: Type.String() }),
]);

export const TransferredToView = Type.Union([
  Type.Object({ associationId: Type.String(), officeId: Type.String() }),
  Type.Object({ organisationId: Type.String(), countryCode: Type.String() }),
]);

export const ClosureRequestView = Type.Object({
  reason: StringEnum(ClosureReasons),
  details: Opt(Type.String()),
  openItems: Type.Array(StringEnum(OpenItems)),
  by: Type.String(),
  at: Instant,
});
export const ClosedView = Type.Object({ reason: StringEnum(ClosureReasons), at: Instant });
export const MediationView = Type.Object({
  mediationRequestId: Type.String(),
  open: Type.Boolean(),
  court: Opt(Type.String()),
  prosecutorOffice: Opt(Type.String()),
  outcome: Opt(StringEnum(MediationOutcomes)),
});

export const AttemptView = Type.Object({
  channel: StringEnum(ContactChannels),
  number: StringEnum(ContactNumbers),
  at: Instant,
  ended: Opt(Type.Object({ answered: Type.Boolean(), voicemailLeft: Type.Boolean(), at: Instant })),
});
export const ContactView = Type.Object({
  rules: SafeContactRules,
  timeZone: Type.String(),
  attempts: Type.Record(Type.String(), AttemptView, { description: 'By attempt id' }),
});

const Severity = StringEnum(HarmSeverities);
export const EvviView = Type.Object({
  requests: Type.Array(
    Type.Object({
      requestId: Type.String(),
      requestedBy: StringEnum(EvviRequesters),
      dueOn: Day,
      reference: Opt(Type.String()),
      answeredBy: Opt(Type.Integer({ description: 'The version that answered it' })),
    }),
  ),
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      requestId: Type.String(),
      criteria: Type.Object({
        harm: Type.Object({ physical: Severity, psychological: Severity, material: Severity }),
        circumstances: Type.Object({
          discriminatoryMotive: Type.Boolean(),
          sexistMotive: Type.Boolean(),
          linkWithAuthor: StringEnum(AuthorLinks),
        }),
        personal: Type.Object({
          minor: Type.Boolean(),
          elderly: Type.Boolean(),
          pregnancy: Type.Boolean(),
          disability: Type.Boolean(),
        }),
        riskOfIntimidationOrReprisals: Type.Boolean(),
        coerciveControl: Type.Boolean(),
      }),
      level: StringEnum(EvviLevels),
      measures: Type.Array(StringEnum(ProtectiveMeasures)),
      by: Type.String(),
      at: Instant,
    }),
    { description: 'Every version; the opinion itself is read as a PDF (a logged read)' },
  ),
});

export const HearingView = Type.Object({
  hearingId: Type.String(),
  court: Type.String(),
  chamber: Type.String(),
  startsAt: Instant,
  accompanimentPlanned: Type.Boolean(),
  status: StringEnum(['scheduled', 'held', 'cancelled'] as const),
});
export const JudgmentView = Type.Object({
  judgmentId: Type.String(),
  court: Type.String(),
  on: Day,
  final: Type.Boolean(),
  finalOn: Opt(Day),
  civilParty: Type.Boolean(),
  awardCents: Opt(Type.Integer()),
  onAppealOf: Opt(Type.String()),
  appealed: Type.Boolean(),
});
export const ProcedureView = Type.Object({
  complaint: Opt(
    Type.Object({
      filedOn: Day,
      with: StringEnum(ComplaintAuthorities),
      offenceOn: Opt(Day),
      reference: Opt(Type.String()),
    }),
  ),
  prosecution: Opt(
    Type.Object({ decision: StringEnum(ProsecutionDecisions), decidedOn: Day, court: Opt(Type.String()) }),
  ),
  hearings: Type.Record(Type.String(), HearingView, { description: 'By hearing id' }),
  judgments: Type.Record(Type.String(), JudgmentView, { description: 'By judgment id' }),
});
export const TrackedView = Type.Object({
  deadline: Type.Object({
    closesOn: Day,
    opensOn: Opt(Day),
    basis: Type.Array(Type.Object({ code: StringEnum(ReferenceKeys), reference: Type.String() })),
  }),
  claimedOn: Opt(Day),
  waived: Opt(Type.Boolean()),
});
export const CompensationView = Type.Object({ civi: Opt(TrackedView), sarvi: Opt(TrackedView) });

export const TaskView = Type.Object({
  taskId: Type.String(),
  kind: StringEnum(TaskKinds),
  dueAt: Instant,
  assigneeId: Opt(Type.String()),
  source: Opt(
    Type.Union([
      Type.Object({ kind: Type.Literal('hearing'), hearingId: Type.String() }),
      Type.Object({ kind: Type.Literal('compensation'), scheme: StringEnum(['civi', 'sarvi'] as const) }),
      Type.Object({ kind: Type.Literal('evvi'), requestId: Type.String() }),
    ]),
  ),
  status: StringEnum(['open', 'done', 'cancelled'] as const),
});
export const AppointmentView = Type.Object({
  appointmentId: Type.String(),
  startsAt: Instant,
  durationMinutes: Type.Integer(),
  channel: StringEnum(ActionChannels),
  staffId: Type.String(),
  status: StringEnum(['scheduled', 'held', 'missed', 'cancelled'] as const),
});
export const TasksView = Type.Object({
  tasks: Type.Record(Type.String(), TaskView, { description: 'By task id' }),
  appointments: Type.Record(Type.String(), AppointmentView, { description: 'By appointment id' }),
  reminders: Type.Array(Type.String(), { description: 'Reminders sent, each `kind:id@dueAt-leadHours`' }),
});

/** `GET /files/{fileId}/may-call-now`. */
export const CallAdviceView = Type.Object({
  allowed: Type.Boolean(),
  refusals: Type.Array(StringEnum(['safe_hours_not_set', 'outside_safe_hours'] as const)),
  number: StringEnum(ContactNumbers),
  voicemailAllowed: Type.Boolean(),
  localTime: Type.String(),
  timeZone: Type.String(),
  nextWindowAt: Opt(Instant),
});
