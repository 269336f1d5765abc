import { defineEntity, p } from '@mikro-orm/core';

/** The read models' types (tables in migrations.ts; schemaDrift in views.int.spec.ts keeps both in step). */
const time = () => p.datetime().columnType('timestamptz');
const optionalTime = () => p.datetime().columnType('timestamptz').nullable();
const optionalText = () => p.text().nullable();

export const LoggedEvent = defineEntity({
  name: 'LoggedEvent',
  tableName: 'pj_event_log',
  properties: {
    eventId: p.text().primary(),
    seq: p.bigint('string').autoincrement().unique(),
    topic: p.text(),
    type: p.text(),
    caseKey: p.text(),
    time: time(),
    receivedAt: time().defaultRaw('now()'),
    data: p.json<Record<string, unknown>>().columnType('jsonb'),
  },
});

export const CaseRow = defineEntity({
  name: 'CaseRow',
  tableName: 'pj_cases',
  properties: {
    caseKey: p.text().primary(),
    channel: optionalText(),
    intakeOfficeId: optionalText(),
    intakeAssociationId: optionalText(),
    offenceCategory: optionalText(),
    firstAt: time(),
    lastAt: time(),
  },
});

export const FileRow = defineEntity({
  name: 'FileRow',
  tableName: 'pj_files',
  properties: {
    fileId: p.text().primary(),
    caseKey: p.text(),
    associationId: p.text(),
    officeId: p.text(),
    personKey: p.text(),
    origin: optionalText(),
    channel: optionalText(),
    offenceCategory: optionalText(),
    authorLink: optionalText(),
    status: p.text(),
    caseworkerId: optionalText(),
    openedAt: optionalTime(),
    closedAt: optionalTime(),
    closureReason: optionalText(),
    firstContactAt: optionalTime(),
    lastActivityAt: time(),
    inactiveSince: optionalTime(),
  },
});

export const ReferralRow = defineEntity({
  name: 'ReferralRow',
  tableName: 'pj_referrals',
  properties: {
    referralId: p.text().primary(),
    caseKey: p.text(),
    associationId: optionalText(),
    officeId: optionalText(),
    fromOfficeId: optionalText(),
    mode: optionalText(),
    status: p.text(),
    urgency: optionalText(),
    proposedAt: optionalTime(),
    dueAt: optionalTime(),
    answeredAt: optionalTime(),
    acceptedAt: optionalTime(),
  },
});

export const ActionRow = defineEntity({
  name: 'ActionRow',
  tableName: 'pj_actions',
  properties: {
    actionId: p.text().primary(),
    caseKey: p.text(),
    fileId: p.text(),
    associationId: p.text(),
    officeId: p.text(),
    personKey: p.text(),
    kind: p.text(),
    doneAt: time(),
  },
});

export const HearingRow = defineEntity({
  name: 'HearingRow',
  tableName: 'pj_hearings',
  properties: {
    hearingId: p.text().primary(),
    caseKey: p.text(),
    fileId: p.text(),
    associationId: p.text(),
    officeId: p.text(),
    startsAt: time(),
    accompanimentPlanned: p.boolean(),
  },
});

export const EvviRow = defineEntity({
  name: 'EvviRow',
  tableName: 'pj_evvi',
  properties: {
    requestId: p.text().primary(),
    caseKey: p.text(),
    fileId: p.text(),
    associationId: p.text(),
    officeId: p.text(),
    requestedAt: optionalTime(),
    dueOn: optionalText(),
    submittedAt: optionalTime(),
    late: p.boolean(),
  },
});

export const BreachRow = defineEntity({
  name: 'BreachRow',
  tableName: 'pj_breaches',
  properties: {
    breachId: p.text().primary(),
    caseKey: p.text(),
    kind: p.text(),
    associationId: optionalText(),
    officeId: optionalText(),
    at: time(),
  },
});

export const MediationRow = defineEntity({
  name: 'MediationRow',
  tableName: 'pj_mediations',
  properties: {
    mandateId: p.text().primary(),
    caseKey: p.text(),
    associationId: p.text(),
    officeId: p.text(),
    status: p.text(),
    returnReason: optionalText(),
    fulfilled: p.boolean().nullable(),
    deadline: optionalText(),
    firstConvocationBy: optionalText(),
    outcomeAt: optionalTime(),
    sessionsHeld: p.integer(),
  },
});

export const OfficeRow = defineEntity({
  name: 'OfficeRow',
  tableName: 'pj_offices',
  properties: {
    officeId: p.text().primary(),
    associationId: p.text(),
    type: p.text(),
    communeCode: p.text(),
    departement: p.text(),
    region: p.text(),
    active: p.boolean(),
    at: time(),
  },
});

export const ViewRow = defineEntity({
  name: 'ViewRow',
  tableName: 'pj_views',
  properties: {
    name: p.text().primary(),
    status: p.text(),
    processed: p.bigint('number'),
    total: p.bigint('number'),
    startedAt: optionalTime(),
    finishedAt: optionalTime(),
    appliedAt: optionalTime(),
  },
});

export const projectionEntities = [
  LoggedEvent,
  CaseRow,
  FileRow,
  ReferralRow,
  ActionRow,
  HearingRow,
  EvviRow,
  BreachRow,
  MediationRow,
  OfficeRow,
  ViewRow,
] as const;
