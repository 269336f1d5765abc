import { OffenceCategories } from '@parcours/contracts';
import { StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { ReturnReasons } from '../mandate/mandate.ts';
import { ConsentChannels, PartyRoles, Relationships } from '../mandate/parties.ts';
import { CancellationReasons, SessionKinds } from '../mandate/sessions.ts';

/** The request and response shapes of the mediation routes: strict (no unknown property), bounded. */
export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' });
export const LocalDate = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const Instant = Type.String({ format: 'date-time', maxLength: 40 });
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, local' });
const object = <T extends Parameters<typeof Type.Object>[0]>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });

export const MandateParams = object({ mandateId: Id });
export const PartyParams = object({ mandateId: Id, partyId: Id });
export const SessionParams = object({ mandateId: Id, sessionId: Id });
export const InvitationParams = object({ mandateId: Id, sessionId: Id, partyId: Id });
export const TermParams = object({ mandateId: Id, termId: Id });
export const MediatorParams = object({ mediatorId: Id });
export const OfficeParams = object({ officeId: Id });
export const RoomParams = object({ officeId: Id, roomId: Id });
export const AuthorisationParams = object({ mediatorId: Id, authorisationId: Id });
export const ExceptionParams = object({ mediatorId: Id, exceptionId: Id });

export const CommandResponse = object({
  id: Type.String(),
  status: Type.String(),
  events: Type.Array(Type.String()),
  /** The id minted for what the command created (a party, a session, a report). */
  created: Type.Optional(Type.String()),
});

export const OrderBody = object({
  officeId: Id,
  court: Id,
  prosecutorReference: Type.String({ minLength: 1, maxLength: 64 }),
  offence: object({
    category: StringEnum(OffenceCategories),
    qualification: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  }),
  orderedOn: LocalDate,
  deadline: LocalDate,
});

/** One object, not a union: a refusal names its own field (the fields an order needs are checked in the route). */
export const DecisionBody = object({
  decision: StringEnum(['ordered', 'declined'] as const),
  prosecutorReference: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  orderedOn: Type.Optional(LocalDate),
  deadline: Type.Optional(LocalDate),
  qualification: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});

export const AssignBody = object({ mediatorId: Id });

const Window = object({ weekday: Type.Integer({ minimum: 1, maximum: 7 }), from: Time, to: Time });

export const PartyBody = object({
  role: StringEnum(PartyRoles),
  actsFor: Type.Optional(Id),
  minor: Type.Boolean(),
  relationship: Type.Optional(StringEnum(Relationships)),
  /** Encrypted for the party before it is stored; never in an event in clear. */
  identity: object({
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 .-]{6,20}$' })),
  }),
  safeContact: object({
    safeNumber: Type.Boolean(),
    safeEmail: Type.Boolean(),
    noVoicemail: Type.Boolean(),
    hours: Type.Array(Window, { maxItems: 21 }),
    prefer: Type.Optional(StringEnum(['sms', 'email', 'call'] as const)),
  }),
});

export const RelationshipBody = object({ relationship: StringEnum(Relationships) });
export const ConsentBody = object({
  decision: StringEnum(['given', 'refused'] as const),
  expressedAt: Instant,
  channel: StringEnum(ConsentChannels),
});

export const SlotBody = object({
  start: Instant,
  end: Instant,
  mediatorId: Id,
  roomId: Id,
  /** The room's office; the mandate's office when absent. */
  officeId: Type.Optional(Id),
  convocations: Type.Array(object({ partyId: Id, arriveAt: Instant }), { minItems: 1, maxItems: 12 }),
});
export const ScheduleBody = object({ kind: StringEnum(SessionKinds), ...SlotBody.properties });
export const CancelBody = object({ reason: StringEnum(CancellationReasons) });
const Ids = Type.Array(Id, { maxItems: 12, uniqueItems: true });
export const AttendanceBody = object({ present: Ids, absent: Ids, excused: Ids });

const Conflict = object({
  code: Type.String(),
  field: Type.Optional(Type.String()),
  partyId: Type.Optional(Type.String()),
  sessionId: Type.Optional(Type.String()),
});
export const CheckResponse = object({ ok: Type.Boolean(), conflicts: Type.Array(Conflict) });

const Cents = Type.Integer({ minimum: 1, maximum: 100_000_000 });
/** A term of any kind, one object (see DecisionBody): what each kind needs is checked in the route. */
export const TermBody = object({
  kind: StringEnum(['compensation', 'apology', 'restitution', 'undertaking'] as const),
  by: Id,
  to: Type.Optional(Id),
  amountCents: Type.Optional(Cents),
  instalments: Type.Optional(
    Type.Array(object({ dueDate: LocalDate, amountCents: Cents }), { minItems: 1, maxItems: 60 }),
  ),
  form: Type.Optional(StringEnum(['oral', 'written'] as const)),
  dueDate: Type.Optional(LocalDate),
  details: Type.Optional(Type.String({ minLength: 1, maxLength: 1_000 })),
});
export const AgreementBody = object({
  terms: Type.Array(TermBody, { minItems: 1, maxItems: 20 }),
  signatures: Type.Array(object({ partyId: Id, signedAt: Instant }), { minItems: 1, maxItems: 12 }),
});
export const FailureBody = object({
  reason: StringEnum(ReturnReasons.filter((r) => r !== 'couple-violence' && r !== 'deadline-passed')),
});
export const ExecutionBody = object({
  instalment: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
  executedOn: LocalDate,
});

export const MediatorName = Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' });
export const MediatorBody = object({ birthDate: LocalDate, name: Type.Optional(MediatorName) });
export const AssociationParams = object({ associationId: Id });
export const AuthorisationBody = object({
  court: Id,
  from: LocalDate,
  minors: Type.Boolean(),
  decisionReference: Type.String({ minLength: 1, maxLength: 64 }),
});
export const WithdrawBody = object({ on: LocalDate, reason: Type.String({ minLength: 3, maxLength: 500 }) });
export const AvailabilityBody = object({ windows: Type.Array(Window, { maxItems: 28 }) });
export const ExceptionBody = object({
  kind: StringEnum(['absence', 'extra'] as const),
  start: Instant,
  end: Instant,
});
export const RoomBody = object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  capacity: Type.Integer({ minimum: 2, maximum: 50 }),
});
