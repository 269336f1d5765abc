// Over 300 lines: the intake's application service, one method per command of one aggregate (each
// recording's preparation, encryption and keys included), read best as the list of what intake does.
import { createHash, randomUUID } from 'node:crypto';
import {
  type EventStore,
  handleCommand,
  type KeysWithEvents,
  type NewKeys,
  type Sql,
  type SubjectKeys,
  type Tx,
} from '@parcours/eventstore';
import type { Geography } from '@parcours/geography';
import { eventMetadata, type RequestMetadata } from '@parcours/service-kit';
import {
  type CallbackSource,
  callbackDecider,
  callbackStreamId,
  callerSubject,
} from '../callbacks/callback.ts';
import type { Reference } from '../directory/copy.ts';
import type { MatchKeys } from '../duplicates/match-key.ts';
import type { IntakeDb } from '../entities.ts';
import { massEventDecider, massEventStreamId, summaryOf } from '../mass-events/mass-event.ts';
import { type IntakeCommand, intakeDecider, type MassEventSummary, type RecordingData } from './decide.ts';
import { IntakeErrors } from './errors.ts';
import {
  type AgeBand,
  dataSubjects,
  type HelplineOutcome,
  type IntakeEvent,
  type IntakeProfile,
  type IntakeState,
  intakeStreamId,
  missingForOrientation,
  type OfficeType,
  type PersonalData,
  type ProfileChanges,
  type Urgency,
} from './intake.ts';
import { readyForOrientationOutbox } from './ready-outbox.ts';
import { type CommuneCandidate, resolveResidence } from './residence.ts';

export interface IntakeDeps {
  db: IntakeDb;
  store: EventStore;
  keys: SubjectKeys;
  matchKeys: MatchKeys;
  reference: Reference;
  /** The official geography: a residence's commune found from its postcode. */
  geography: Geography;
  /** Where IntakeReadyForOrientation goes (intake.events.v1; tests use a topic of their own). */
  topic: string;
}

/** A recording's data, its new keys (stored with it) and the communes to choose from, if any. */
interface Prepared {
  data: RecordingData;
  keys: NewKeys;
  candidates: CommuneCandidate[];
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
      missingForOrientation: state.status === 'open' ? missingForOrientation(state.intake) : [],
    };
  }

  /**
   * Ids, encryption and match key: everything a recording command needs that decide may not do.
   * The victim's data key is made in memory (`keys`) and stored only with the command (`record`).
   */
  prepare(input: RecordInput, now: Date, intakeId: string = randomUUID()): Prepared {
    const { residence, candidates } = resolveResidence(this.deps.geography, input.profile.residence);
    const keys = this.deps.keys.newKeys();
    const victimId = randomUUID();
    const personal = input.personal ?? {};
    const { identity, birthDate } = personal;
    const ageBand = birthDate ? ageBandOf(birthDate, now) : input.profile.ageBand;
    const data: RecordingData = {
      intakeId,
      caseId: randomUUID(),
      victimId,
      profile: { ...input.profile, residence, ...(ageBand ? { ageBand } : {}) },
      // Always an envelope (`{}` for an anonymous call): the integration event carries one, and
      // erasing the victim's key shreds whatever was said.
      personal: keys.encrypt(victimId, personal),
      hasIdentity: identity !== undefined,
      matchKey: this.matchKeyOf(personal, residence.communeCode),
    };
    return { data, keys, candidates };
  }

  /** The pseudonym duplicates are found by: name, birth date and commune, when all are known. */
  private matchKeyOf(personal: PersonalData, communeCode: string | undefined) {
    const { identity, birthDate } = personal;
    return this.deps.matchKeys.maybe({
      ...(identity ? { lastName: identity.lastName, firstName: identity.firstName } : {}),
      ...(birthDate ? { birthDate } : {}),
      ...(communeCode ? { communeCode } : {}),
    });
  }

  /**
   * Corrects profile facts before orientation (a commune chosen among the candidates, an offence
   * better understood); the intake becomes ready in the same decision when that completes it. A
   * new commune changes the match key, computed here from the personal data (the decider cannot).
   */
  async correctProfile(intakeId: string, input: ProfileChanges, metadata: RequestMetadata) {
    let changes = input;
    let candidates: CommuneCandidate[] = [];
    let matchKey: string | null | undefined;
    if (input.residence) {
      const resolved = resolveResidence(this.deps.geography, input.residence, '/body/residence');
      changes = { ...input, residence: resolved.residence };
      candidates = resolved.candidates;
      const state = await this.load(intakeId);
      const before = state.status === 'none' ? undefined : state.intake;
      if (before?.personal && before.profile.residence.communeCode !== resolved.residence.communeCode) {
        const personal = await this.deps.keys.tryDecrypt<PersonalData>(before.personal);
        if (personal) matchKey = this.matchKeyOf(personal, resolved.residence.communeCode);
      }
    }
    const data = { changes, ...(matchKey === undefined ? {} : { matchKey }) };
    const answer = await this.handle(intakeId, { type: 'CorrectProfile', data, metadata }, metadata);
    return candidates.length > 0 ? { ...answer, communeCandidates: candidates } : answer;
  }

  /**
   * Decides and appends a recording with its new keys: both are stored, or neither (a recording
   * its decider refuses leaves no key behind). `more` runs in the same transaction (a callback).
   */
  private async record(
    prepared: Prepared,
    command: IntakeCommand & { data: RecordingData },
    metadata: RequestMetadata,
    more?: (tx: Tx) => Promise<unknown>,
  ) {
    const { keys, candidates } = prepared;
    const { intakeId } = command.data;
    const answer = more
      ? await this.deps.db.transaction((tx) =>
          keys.commit(
            this.deps.db,
            async (_, withEvents) => {
              const result = await this.handle(intakeId, command, metadata, tx, withEvents);
              await more(tx);
              return result;
            },
            tx,
          ),
        )
      : await keys.commit(this.deps.db, (tx, withEvents) =>
          this.handle(intakeId, command, metadata, tx, withEvents),
        );
    return candidates.length > 0 ? { ...answer, communeCandidates: candidates } : answer;
  }

  async recordHelplineCall(
    input: RecordInput & { caller: 'victim' | 'relative'; outcome: HelplineOutcome; anonymous: boolean },
    metadata: RequestMetadata,
  ) {
    const intakeId = recordingId(metadata, 'RecordHelplineCall');
    const replay = await this.recordedBefore(intakeId);
    if (replay) return replay;
    const prepared = this.prepare(input, metadata.now, intakeId);
    const { data } = prepared;
    const command = {
      type: 'RecordHelplineCall' as const,
      data: { ...data, caller: input.caller, outcome: input.outcome, anonymous: input.anonymous },
      metadata,
    };
    if (input.outcome !== 'callback-needed') return this.record(prepared, command, metadata);
    // The intake and its callback task commit together, or neither does.
    return this.record(prepared, command, metadata, (tx) =>
      this.requestCallback(
        { source: 'helpline-call', urgency: input.profile.urgency, intakeId: data.intakeId, contact: null },
        metadata,
        tx,
      ),
    );
  }

  async recordWalkIn(
    input: RecordInput & { officeId: string; officeType: OfficeType },
    metadata: RequestMetadata,
  ) {
    const intakeId = recordingId(metadata, 'RecordWalkIn');
    const replay = await this.recordedBefore(intakeId);
    if (replay) return replay;
    const prepared = this.prepare(input, metadata.now, intakeId);
    const { data } = prepared;
    return this.record(
      prepared,
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
    const prepared = this.prepare(input, metadata.now, intakeId);
    const { data } = prepared;
    const { prosecutorReference, court, dueDate, evviRequested } = input;
    return this.record(
      prepared,
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
    const prepared = this.prepare(input, metadata.now, intakeId);
    const { data } = prepared;
    const { agreementId, employer, attackedAtWork } = input;
    return this.record(
      prepared,
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
    const prepared = this.prepare(input, metadata.now);
    const { data } = prepared;
    const { massEventId, importId, row } = input;
    return this.record(
      prepared,
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
   * those of the callers' numbers kept for this intake's callbacks (linked on its stream), are
   * deleted, so every copy of the data (events, read models, Kafka messages, other services) is
   * unreadable for good; the counts stay. The event goes first, the keys after: a crash between the
   * two leaves the event, and the request repeated deletes the keys (idempotent) before its 409.
   */
  async erasePersonalData(intakeId: string, reason: string, metadata: RequestMetadata) {
    const state = await this.load(intakeId);
    if (state.status === 'none') throw IntakeErrors.notFound();
    if (state.intake.erasedAt) {
      await this.deps.keys.erase(dataSubjects(state.intake), metadata.actor.id);
      throw IntakeErrors.alreadyErased();
    }
    const result = await handleCommand(
      this.deps.store,
      intakeStreamId(intakeId),
      intakeDecider,
      { type: 'ErasePersonalData', data: { reason }, metadata },
      { metadata: eventMetadata(metadata) },
    );
    // The subjects as the decision saw them: a callback linked meanwhile is among them.
    if (result.state.status !== 'none')
      await this.deps.keys.erase(dataSubjects(result.state.intake), metadata.actor.id);
    return this.response(intakeId, result);
  }

  async load(intakeId: string, tx?: Sql): Promise<IntakeState> {
    const { state } = await this.deps.store.aggregateStream(
      intakeStreamId(intakeId),
      intakeDecider,
      tx ? { tx } : {},
    );
    return state;
  }

  /**
   * Queues a callback; one for an intake is linked on the intake's stream in the same transaction,
   * so that erasing the intake finds its caller's key without waiting for any read model.
   */
  async requestCallback(
    input: {
      source: CallbackSource;
      urgency: Urgency;
      intakeId?: string;
      dueAt?: string;
      contact: PersonalData['contact'] | null;
    },
    metadata: RequestMetadata,
    tx?: Tx,
  ) {
    const taskId = randomUUID();
    const keys = this.deps.keys.newKeys();
    // A number to call back is personal data: encrypted for a subject of its own (the caller).
    const contact = input.contact ? keys.encrypt(callerSubject(taskId), input.contact) : null;
    const run = async (tx: Tx, withEvents: KeysWithEvents | undefined) => {
      if (input.intakeId) {
        await this.handle(input.intakeId, { type: 'LinkCallback', data: { taskId }, metadata }, metadata, tx);
      }
      return handleCommand(
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
        { metadata: eventMetadata(metadata), tx, ...(withEvents ? { keys: withEvents } : {}) },
      );
    };
    const result = tx
      ? await keys.commit(this.deps.db, (_, withEvents) => run(tx, withEvents), tx)
      : await this.deps.db.transaction((own) =>
          keys.commit(this.deps.db, (_, withEvents) => run(own, withEvents), own),
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

  async handle(
    intakeId: string,
    command: IntakeCommand,
    metadata: RequestMetadata,
    tx?: Sql,
    keys?: KeysWithEvents,
  ) {
    const result = await handleCommand(this.deps.store, intakeStreamId(intakeId), intakeDecider, command, {
      ...(keys ? { keys } : {}),
      metadata: eventMetadata(metadata),
      outbox: (events, state) => readyForOrientationOutbox(this.deps.topic, events, state, metadata),
      // A recording command opens a stream whose id was minted for it: nothing to read first.
      expectNew: command.type.startsWith('Record') && command.type !== 'RecordConsent',
      ...(tx ? { tx } : {}),
    });
    return this.response(intakeId, result);
  }

  private response(intakeId: string, result: { state: IntakeState; events: { type: string }[] }) {
    const { state } = result;
    return {
      intakeId,
      caseId: state.status === 'none' ? '' : state.intake.caseId,
      status: state.status,
      events: result.events.map((e) => e.type),
      missingForOrientation: state.status === 'open' ? missingForOrientation(state.intake) : [],
    };
  }
}

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

export { IntakeErrors };
