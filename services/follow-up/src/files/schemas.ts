import {
  ActionChannels,
  ActionKinds,
  ClosureReasons,
  IntakeChannels,
  Needs,
  OffenceCategories,
  Urgencies,
} from '@parcours/contracts';
import { StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import {
  CaseFactsView,
  ClosedView,
  ClosureRequestView,
  CompensationView,
  ContactView,
  EvviView,
  MediationView,
  Nullable,
  OriginView,
  PersonalView,
  ProcedureView,
  TasksView,
  TransferredToView,
} from './view-schemas.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const FileStatuses = ['open', 'closure-requested', 'closed', 'transferred'] as const;

export const FileParams = Type.Object({ fileId: Id }, { additionalProperties: false });

export const ListQuery = Type.Object(
  {
    officeId: Type.Optional(Id),
    caseworkerId: Type.Optional(Id),
    caseId: Type.Optional(Id),
    status: Type.Optional(StringEnum(FileStatuses)),
    urgency: Type.Optional(StringEnum(Urgencies)),
    inactive: Type.Optional(Type.Boolean({ description: 'Files flagged for inactivity' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);

export const FileItem = Type.Object({
  fileId: Type.String(),
  caseId: Type.String(),
  associationId: Type.String(),
  officeId: Type.String(),
  status: Type.String(),
  origin: Type.String(),
  referralId: Type.String(),
  linkedFileId: Nullable(Type.String()),
  caseworkerId: Nullable(Type.String()),
  channel: StringEnum(IntakeChannels),
  offenceCategory: StringEnum(OffenceCategories),
  urgency: StringEnum(Urgencies),
  needs: Type.Array(StringEnum(Needs)),
  actionCount: Type.Integer(),
  mediationOpen: Type.Boolean(),
  closedReason: Type.Union([StringEnum(ClosureReasons), Type.Null()]),
  openedAt: Type.String(),
  lastActivityAt: Type.String(),
  flaggedInactiveSince: Nullable(Type.String()),
  readOnly: Type.Boolean(),
});

export const ListResponse = Type.Object({
  items: Type.Array(FileItem),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const ReadQuery = Type.Object(
  { purpose: Type.String({ minLength: 3, maxLength: 100, default: 'consultation' }) },
  { additionalProperties: false },
);

export const ActionItem = Type.Object({
  actionId: Type.String(),
  kind: StringEnum(ActionKinds),
  on: Type.String(),
  durationMinutes: Type.Integer(),
  channel: StringEnum(ActionChannels),
  staffIds: Type.Array(Type.String()),
  /** The note decrypted; null when none was written or the victim's key was erased. */
  note: Nullable(Type.String()),
  scheme: Nullable(Type.String()),
  orientedTo: Nullable(Type.String()),
  hearingId: Nullable(Type.String()),
  recordedBy: Type.String(),
  recordedAt: Type.String(),
});

export const FileView = Type.Object({
  fileId: Type.String(),
  caseId: Type.String(),
  status: StringEnum(FileStatuses),
  readOnly: Type.Boolean(),
  associationId: Type.String(),
  officeId: Type.String(),
  timeZone: Type.String(),
  origin: OriginView,
  caseworkerId: Nullable(Type.String()),
  openedAt: Type.String(),
  lastActivityAt: Type.String(),
  flaggedInactiveSince: Nullable(Type.String()),
  facts: CaseFactsView,
  /** The victim's identity and contact, decrypted; null once their key is erased. */
  personal: Nullable(PersonalView),
  closureRequest: Nullable(ClosureRequestView),
  closed: Nullable(ClosedView),
  transferredTo: Nullable(TransferredToView),
  mediation: Nullable(MediationView),
  actions: Type.Array(ActionItem),
  contact: ContactView,
  evvi: EvviView,
  procedure: ProcedureView,
  compensation: CompensationView,
  tasks: TasksView,
});
