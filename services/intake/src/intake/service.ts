import { createHash, randomUUID } from 'node:crypto';
import { IntakeReadyForOrientation as ReadyContract, toOutboxMessage } from '@parcours/contracts';
import {
  type Database,
  type EventStore,
  handleCommand,
  type OutboxMessage,
  type Sql,
  type SubjectKeys,
} from '@parcours/eventstore';
import { eventMetadata, type RequestMetadata } from '@parcours/service-kit';
import { type CallbackSource, callbackDecider, callbackStreamId } from '../callbacks/callback.ts';
import type { Reference } from '../directory/copy.ts';
import type { MatchKeys } from '../duplicates/match-key.ts';
import { massEventDecider, massEventStreamId, summaryOf } from '../mass-events/mass-event.ts';
import { type IntakeCommand, intakeDecider, type MassEventSummary, type RecordingData } from './decide.ts';
import { IntakeErrors } from './errors.ts';
import {
  type AgeBand,
  type HelplineOutcome,
  type IntakeEvent,
  type IntakeProfile,
  type IntakeState,
  intakeStreamId,
  type OfficeType,
  type PersonalData,
  type Urgency,
} from './intake.ts';

export interface IntakeDeps {
  db: Database;
  store: EventStore;
  keys: SubjectKeys;
  matchKeys: MatchKeys;
  reference: Reference;
  /** Where IntakeReadyForOrientation goes (intake.events.v1; tests use a topic of their own). */
  topic: string;
}

export interface RecordInput {
  profile: Omit<IntakeProfile, 'ageBand'> & { ageBand?: AgeBand };
  personal?: PersonalData;
}

export function ageBandOf(birthDate: string, now: Date): AgeBand {
  const birth = new Date(`${birthDate}T00:00:00Z`);
  let age = now.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < birth.getUTCMonth() ||
    (now.getUTCMonth() === birth.getUTCMonth() && now.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age--;
  if (age < 18) return 'under-18';
  if (age < 30) return '18-29';
  if (age < 45) return '30-44';
  if (age < 60) return '45-59';
  if (age < 75) return '60-74';
  return '75-plus';
}

/**
 * The intake service's command handlers: mint ids, encrypt the personal data for a new victim
 * subject, compute the match key, then decide and append (outbox included) in one statement.
 */
export class IntakeService {
  readonly deps: IntakeDeps;

  constructor(deps: IntakeDeps) {
    this.deps = deps;
  }

  /**
   * The intake a request with an Idempotency-Key records, when a try of it committed already: the
   * instance died before Redis kept its answer and the key's claim expired (bench/chaos). Answered
   * as the first try was, instead of recording the call a second time.
   */
  async recordedBefore(intakeId: string) {
    const stream = await this.deps.store.readStream<IntakeEvent>(intakeStreamId(intakeId));
    const [recorded] = stream;
    if (recorded?.type !== 'IntakeRecorded') return undefined;
    // The first try's answer: its events (those of its transaction) and the state they made.
    const first = stream.filter((e) => e.transactionId === recorded.transactionId);
    const state = first.reduce(intakeDecider.evolve, intakeDecider.initialState());
    return {
      intakeId,
      caseId: recorded.data.caseId,
      status: state.status,
      events: first.map((e) => e.type),
    };
  }

  /** Ids, encryption and match key: everything a recording command needs that decide may not do. */
  async prepare(input: RecordInput, now: Date, intakeId: string = randomUUID()): Promise<RecordingData> {
    const victimId = randomUUID();
    const personal = input.personal ?? {};
    const { identity, birthDate } = personal;
    const ageBand = birthDate ? ageBandOf(birthDate, now) : input.profile.ageBand;
    return {
      intakeId,
      caseId: randomUUID(),
      victimId,
      profile: { ...input.profile, ...(ageBand ? { ageBand } : {}) },
      // Always an envelope (`{}` for an anonymous call): the integration event carries one, and
      // erasing the victim's key shreds whatever was said.
      personal: await this.deps.keys.encrypt(victimId, personal),
      hasIdentity: identity !== undefined,
      matchKey: this.deps.matchKeys.maybe({
        ...(identity ? { lastName: identity.lastName, firstName: identity.firstName } : {}),
        ...(birthDate ? { birthDate } : {}),
        ...(input.profile.residence.communeCode ? { communeCode: input.profile.residence.communeCode } : {}),
      }),
    };
  }

  async recordHelplineCall(
    input: RecordInput & { caller: 'victim' | 'relative'; outcome: HelplineOutcome; anonymous: boolean },
    metadata: RequestMetadata,
  ) {
    const intakeId = recordingId(metadata, 'RecordHelplineCall');
    const replay = await this.recordedBefore(intakeId);
    if (replay) return replay;
    const data = await this.prepare(input, metadata.now, intakeId);
    const command: IntakeCommand = {
      type: 'RecordHelplineCall',
      data: { ...data, caller: input.caller, outcome: input.outcome, anonymous: input.anonymous },
      metadata,
    };
    if (input.outcome !== 'callback-needed') return this.handle(data.intakeId, command, metadata);
    // The intake and its callback task commit together, or neither does.
    return this.deps.db.transaction(async (tx) => {
      const result = await this.handle(data.intakeId, command, metadata, tx);
      await this.requestCallback(
        { source: 'helpline-call', urgency: input.profile.urgency, intakeId: data.intakeId, contact: null },
        metadata,
        tx,
      );
      return result;
    });
  }

  async recordWalkIn(
    input: RecordInput & { officeId: string; officeType: OfficeType },
    metadata: RequestMetadata,
  ) {
    const intakeId = recordingId(metadata, 'RecordWalkIn');
    const replay = await this.recordedBefore(intakeId);
    if (replay) return replay;
    const data = await this.prepare(input, metadata.now, intakeId);
    return this.handle(
      data.intakeId,
      {
        type: 'RecordWalkIn',
        data: {
          ...data,
          officeId: input.officeId,
          officeType: input.officeType,
          offices: this.deps.reference.offices,
        },
        metadata,
      },
      metadata,
    );
  }

  async recordRequisition(
    input: RecordInput & {
      prosecutorReference: string;
      court: string;
      dueDate: string;
      evviRequested: boolean;
    },
    metadata: RequestMetadata,
  ) {
    const intakeId = recordingId(metadata, 'RecordRequisition');
    const replay = await this.recordedBefore(intakeId);
    if (replay) return replay;
    const data = await this.prepare(input, metadata.now, intakeId);
    const { prosecutorReference, court, dueDate, evviRequested } = input;
    return this.handle(
      data.intakeId,
      {
        type: 'RecordRequisition',
        data: { ...data, prosecutorReference, court, dueDate, evviRequested },
        metadata,
      },
      metadata,
    );
  }

  async recordPartnerIntake(
    input: RecordInput & { agreementId: string; employer: string; attackedAtWork: boolean },
    metadata: RequestMetadata,
  ) {
    const intakeId = recordingId(metadata, 'RecordPartnerIntake');
    const replay = await this.recordedBefore(intakeId);
    if (replay) return replay;
    const data = await this.prepare(input, metadata.now, intakeId);
    const { agreementId, employer, attackedAtWork } = input;
    return this.handle(
      data.intakeId,
      {
        type: 'RecordPartnerIntake',
        data: { ...data, agreementId, employer, attackedAtWork, agreements: this.deps.reference.agreements },
        metadata,
      },
      metadata,
    );
  }

  async massEvent(massEventId: string): Promise<MassEventSummary | undefined> {
    const { state } = await this.deps.store.aggregateStream(massEventStreamId(massEventId), massEventDecider);
    return summaryOf(state);
  }

  /** One victim of a mass-casualty list; `massEvent` is looked up once per import by the caller. */
  async recordMassEventIntake(
    input: RecordInput & { massEventId: string; importId?: string; row?: number },
    massEvent: MassEventSummary | undefined,
    metadata: RequestMetadata,
  ) {
    const data = await this.prepare(input, metadata.now);
    const { massEventId, importId, row } = input;
    return this.handle(
      data.intakeId,
      {
        type: 'RecordMassEventIntake',
        data: {
          ...data,
          massEventId,
          massEvent,
          ...(importId === undefined ? {} : { importId }),
          ...(row === undefined ? {} : { row }),
        },
        metadata,
      },
      metadata,
    );
  }

  recordConsent(
    intakeId: string,
    consent: { services: boolean; sharing: boolean },
    metadata: RequestMetadata,
  ) {
    return this.handle(intakeId, { type: 'RecordConsent', data: consent, metadata }, metadata);
  }

  overrideConsent(intakeId: string, reason: string, metadata: RequestMetadata) {
    return this.handle(intakeId, { type: 'OverrideConsent', data: { reason }, metadata }, metadata);
  }

  markReady(intakeId: string, metadata: RequestMetadata) {
    return this.handle(intakeId, { type: 'MarkReadyForOrientation', data: {}, metadata }, metadata);
  }

  async merge(intakeId: string, into: string, metadata: RequestMetadata) {
    const survivor = await this.load(into);
    return this.handle(
      intakeId,
      {
        type: 'MergeIntakes',
        data: { into, survivor: survivor.status === 'none' ? undefined : { status: survivor.status } },
        metadata,
      },
      metadata,
    );
  }

  /**
   * Erases the victim's personal data (GDPR art. 17) by crypto-shredding: the victim's data key, and
   * those of the callers' numbers kept for this intake's callbacks, are deleted, so every copy of the
   * data (events, read models, Kafka messages, other services) is unreadable for good; the counts
   * stay. The keys go first and the event after: a request that fails half-way is simply repeated.
   */
  async erasePersonalData(intakeId: string, reason: string, metadata: RequestMetadata) {
    const state = await this.load(intakeId);
    if (state.status === 'none') throw IntakeErrors.notFound();
    if (state.intake.erasedAt) throw IntakeErrors.alreadyErased();
    const callbacks = await this.deps.db.query<{ task_id: string }>(
      'SELECT task_id FROM callback_queue WHERE intake_id = $1',
      [intakeId],
    );
    for (const subject of [state.intake.victimId, ...callbacks.map((c) => `caller-${c.task_id}`)]) {
      await this.deps.keys.erase(subject, metadata.actor.id);
    }
    return this.handle(intakeId, { type: 'ErasePersonalData', data: { reason }, metadata }, metadata);
  }

  async load(intakeId: string, tx?: Sql): Promise<IntakeState> {
    const { state } = await this.deps.store.aggregateStream(
      intakeStreamId(intakeId),
      intakeDecider,
      tx ? { tx } : {},
    );
    return state;
  }

  async requestCallback(
    input: {
      source: CallbackSource;
      urgency: Urgency;
      intakeId?: string;
      dueAt?: string;
      contact: PersonalData['contact'] | null;
    },
    metadata: RequestMetadata,
    tx?: Sql,
  ) {
    const taskId = randomUUID();
    // A number to call back is personal data: encrypted for a subject of its own (the caller).
    const contact = input.contact ? await this.deps.keys.encrypt(`caller-${taskId}`, input.contact) : null;
    const result = await handleCommand(
      this.deps.store,
      callbackStreamId(taskId),
      callbackDecider,
      {
        type: 'RequestCallback',
        data: {
          taskId,
          source: input.source,
          urgency: input.urgency,
          contact,
          ...(input.intakeId ? { intakeId: input.intakeId } : {}),
          ...(input.dueAt ? { dueAt: input.dueAt } : {}),
        },
        metadata,
      },
      { metadata: eventMetadata(metadata), ...(tx ? { tx } : {}) },
    );
    return { taskId, events: result.events };
  }

  completeCallback(
    taskId: string,
    outcome: 'reached' | 'unreachable' | 'cancelled',
    metadata: RequestMetadata,
  ) {
    return handleCommand(
      this.deps.store,
      callbackStreamId(taskId),
      callbackDecider,
      { type: 'CompleteCallback', data: { outcome }, metadata },
      { metadata: eventMetadata(metadata) },
    );
  }

  async handle(intakeId: string, command: IntakeCommand, metadata: RequestMetadata, tx?: Sql) {
    const result = await handleCommand(this.deps.store, intakeStreamId(intakeId), intakeDecider, command, {
      metadata: eventMetadata(metadata),
      outbox: (events, state) => readyForOrientationOutbox(this.deps.topic, events, state, metadata),
      // A recording command opens a stream whose id was minted for it: nothing to read first.
      expectNew: command.type.startsWith('Record') && command.type !== 'RecordConsent',
      ...(tx ? { tx } : {}),
    });
    const { state } = result;
    return {
      intakeId,
      caseId: state.status === 'none' ? '' : state.intake.caseId,
      status: state.status,
      events: result.events.map((e) => e.type),
    };
  }
}

/**
 * Maps the domain's IntakeReadyForOrientation to the integration event: ids, area, category,
 * needs, urgency, consent and safe-contact flags in clear; the personal data only as the envelope.
 * Validated strictly here, so nothing undeclared (a name in clear) can reach the outbox.
 */
/**
 * A recording's intake id: from the request's Idempotency-Key when it has one (per actor and
 * command, a UUID's shape), so that every try of the same request opens the same stream; random
 * otherwise. A mass-event import shares one request among its rows and keeps random ids.
 */
export function recordingId(metadata: RequestMetadata, command: IntakeCommand['type']): string {
  if (!metadata.idempotencyKey) return randomUUID();
  const h = createHash('sha256')
    .update(`${metadata.actor.id}\n${command}\n${metadata.idempotencyKey}`)
    .digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function readyForOrientationOutbox(
  topic: string,
  events: IntakeEvent[],
  state: IntakeState,
  metadata: RequestMetadata,
): OutboxMessage[] {
  const ready = events.find((e) => e.type === 'IntakeReadyForOrientation');
  if (!ready || state.status === 'none') return [];
  const { intake } = state;
  // Every intake has an envelope (`{}` when anonymous): one without is a bug, never a silent drop.
  if (!intake.personal) throw new Error(`intake ${intake.intakeId} has no personal-data envelope`);
  const { residence, consent, safeContact, offenceCategory, needs, urgency, vulnerabilities, ageBand } =
    intake.profile;
  const details = intake.details;
  // Annotated, so that a property the contract does not declare fails to compile.
  const data: ReadyContract['data'] = {
    caseId: intake.caseId,
    intakeId: intake.intakeId,
    channel: intake.details.channel,
    residence: {
      ...(residence.postcode ? { postcode: residence.postcode } : {}),
      countryCode: residence.countryCode,
      ...(residence.communeCode ? { communeCode: residence.communeCode } : {}),
    },
    offenceCategory,
    needs,
    urgency,
    consent: {
      services: consent.services,
      sharing: consent.sharing,
      ...(intake.consentOverride
        ? { override: { reason: intake.consentOverride.reason, by: intake.consentOverride.by } }
        : {}),
    },
    safeContact,
    ...(vulnerabilities.length > 0 ? { vulnerabilities } : {}),
    ...(ageBand ? { ageBand } : {}),
    ...(details.channel === 'walk-in'
      ? { origin: { officeId: details.officeId, associationId: details.associationId } }
      : {}),
    ...(details.channel === 'partner' ? { origin: { agreementId: details.agreementId } } : {}),
    ...(details.channel === 'mass-event' ? { origin: { massEventId: details.massEventId } } : {}),
    ...(details.channel === 'requisition'
      ? { requisition: { dueDate: details.dueDate, evviRequested: details.evviRequested } }
      : {}),
    personal: intake.personal,
  };
  return [
    toOutboxMessage(ReadyContract, {
      topic,
      subject: intake.caseId,
      time: ready.data.at,
      data,
      traceparent: metadata.traceparent,
    }),
  ];
}

export { IntakeErrors };
