import { createHash, randomUUID } from 'node:crypto';
import type { DataOf, IntakeReadyForOrientation, IntegrationEventContract } from '@parcours/contracts';
import {
  ReferralAcceptedV1,
  ReferralDeclinedV1,
  ReferralDoneV1,
  ReferralExpiredV1,
  ReferralProposedV1,
  ReferralQueuedV1,
  ReferralRedirectedV1,
  ReferralRevokedV1,
  toOutboxMessage,
} from '@parcours/contracts';
import {
  type Checkpoint,
  type Database,
  type EventStore,
  handleCommand,
  handleNewStreams,
  type OutboxMessage,
  type Sql,
  schedule,
} from '@parcours/eventstore';
import type { Geography } from '@parcours/geography';
import { type CommandMetadata, eventMetadata, type RequestMetadata } from '@parcours/service-kit';
import type { TSchema } from '@sinclair/typebox';
import type { DirectoryIndex } from '../directory/index.ts';
import { type RoutingDecision, route } from '../routing/route.ts';
import { type ReferralCommand, ReferralErrors, referralDecider } from './decide.ts';
import {
  type CaseFacts,
  officeOf,
  type ReferralEvent,
  type ReferralState,
  referralStreamId,
  type Target,
  type Urgency,
  withReason,
} from './referral.ts';
import { deadlineJobs } from './scheduler.ts';

export interface ReferralServiceDeps {
  db: Database;
  store: EventStore;
  topic: string;
  directory: () => DirectoryIndex;
  geography: Geography;
}

export interface CommandResult {
  referralId: string;
  status: ReferralState['status'];
  events: string[];
  /** Where the last event appended stands in the global order (for read-your-writes), when any was. */
  checkpoint?: Checkpoint;
  newReferralId?: string;
}

type IntakeData = IntakeReadyForOrientation['data'];

/**
 * Runs the referral's commands: decide, append with the integration events in the outbox, and in the
 * same transaction write the proposal's deadlines (the scheduler's schedule) and, for a redirection,
 * the new proposal. One transaction: a proposal never exists without its deadlines.
 */
export class ReferralService {
  readonly deps: ReferralServiceDeps;

  constructor(deps: ReferralServiceDeps) {
    this.deps = deps;
  }

  async load(referralId: string, tx?: Sql): Promise<ReferralState> {
    const { state } = await this.deps.store.aggregateStream(
      referralStreamId(referralId),
      referralDecider,
      tx ? { tx } : {},
    );
    return state;
  }

  async execute(
    referralId: string,
    command: ReferralCommand,
    metadata: RequestMetadata,
    tx?: Sql,
  ): Promise<CommandResult> {
    if (!tx) return this.deps.db.transaction((t) => this.execute(referralId, command, metadata, t));
    const result = await handleCommand(
      this.deps.store,
      referralStreamId(referralId),
      referralDecider,
      command,
      {
        tx,
        metadata: eventMetadata(metadata),
        outbox: (events, state) => this.outbox(events, state, metadata),
        // A proposal opens the stream of a referral id minted for it: nothing to read first.
        expectNew: command.type === 'ProposeReferral',
      },
    );
    let newReferralId: string | undefined;
    let redirected: CommandResult | undefined;
    for (const event of result.events) {
      if (event.type === 'ReferralProposed') await this.schedule(tx, [event.data]);
      const next = followUp(referralId, event, result.state, command.metadata);
      if (next) {
        newReferralId = next.data.referralId;
        redirected = await this.execute(next.data.referralId, next, metadata, tx);
      }
    }
    // The referral it opened (see followUp) was appended last, in the same transaction.
    const checkpoint = redirected?.checkpoint ?? result.checkpoint;
    return {
      referralId,
      status: result.state.status,
      events: result.events.map((e) => e.type),
      ...(checkpoint ? { checkpoint } : {}),
      ...(newReferralId ? { newReferralId } : {}),
    };
  }

  /** Routes an intake and proposes (or queues) its referral, inside the consumer's inbox transaction. */
  async orient(
    event: IntakeReadyForOrientation,
    metadata: RequestMetadata,
    tx: Sql,
  ): Promise<CommandResult & { decision: RoutingDecision }> {
    const { referralId, command, decision } = this.orientation(event, metadata);
    const result = await this.execute(referralId, command, metadata, tx);
    return { ...result, decision };
  }

  /**
   * `orient` for a batch of intakes in one transaction: every referral opens a stream of its own,
   * so they are decided together and appended in one statement, their deadlines in one more.
   * Throws (nothing kept) if a referral exists already: the caller goes back to `orient` one by one.
   */
  async orientMany(
    events: { event: IntakeReadyForOrientation; metadata: RequestMetadata }[],
    tx: Sql,
  ): Promise<void> {
    const orientations = events.map(({ event, metadata }) => ({
      ...this.orientation(event, metadata),
      metadata,
    }));
    const results = await handleNewStreams(
      this.deps.store,
      referralDecider,
      orientations.map(({ referralId, command, metadata }) => ({
        streamId: referralStreamId(referralId),
        command,
        metadata: eventMetadata(metadata),
        // Each referral's integration events carry its own command's trace and correlation.
        outbox: (decided: ReferralEvent[], state: ReferralState) => this.outbox(decided, state, metadata),
      })),
      { tx },
    );
    await this.schedule(
      tx,
      results.flatMap(({ events: decided }) =>
        decided.flatMap((e) => (e.type === 'ReferralProposed' ? [e.data] : [])),
      ),
    );
  }

  /** The command an intake event becomes: routed, then proposed, or queued for the national platform. */
  private orientation(event: IntakeReadyForOrientation, metadata: RequestMetadata) {
    const data = event.data as IntakeData;
    const decision = route(
      data,
      this.deps.directory(),
      this.deps.geography,
      metadata.now.toISOString().slice(0, 10),
    );
    // One referral per intake event: the id is derived from the event id, so even a replay past the
    // inbox would find the referral already proposed (a no-op) instead of making a second one.
    const referralId = referralIdFor(event.id);
    const facts: CaseFacts = {
      caseId: data.caseId,
      intakeId: data.intakeId,
      urgency: data.urgency as Urgency,
      offenceCategory: data.offenceCategory,
      needs: [...data.needs],
      consent: {
        sharing: data.consent.sharing,
        ...(data.consent.override ? { override: data.consent.override } : {}),
      },
      ...(data.origin?.associationId ? { originAssociationId: data.origin.associationId } : {}),
    };
    const from =
      data.origin?.officeId && data.origin.associationId
        ? {
            kind: 'office' as const,
            associationId: data.origin.associationId,
            officeId: data.origin.officeId,
          }
        : { kind: 'national-platform' as const };
    const command: ReferralCommand =
      decision.kind === 'national-queue' || decision.kind === 'ask-commune'
        ? {
            type: 'QueueReferral',
            data: {
              ...facts,
              referralId,
              why:
                decision.kind === 'ask-commune'
                  ? 'ask-commune'
                  : decision.reasons.some((r) => r.startsWith('consent gate'))
                    ? 'consent-missing'
                    : 'no-coverage',
              ...(decision.kind === 'ask-commune' ? { candidates: decision.candidates } : {}),
              reasons: decision.reasons,
            },
            metadata,
          }
        : {
            type: 'ProposeReferral',
            data: {
              ...facts,
              referralId,
              mode: 'transfer',
              from,
              target: targetOf(decision),
              reasons: decision.reasons,
            },
            metadata,
          };
    return { referralId, command, decision };
  }

  /** The proposals' reminders and expiry, on the schedule: one statement for them all. */
  private async schedule(tx: Sql, proposals: Extract<ReferralEvent, { type: 'ReferralProposed' }>['data'][]) {
    await schedule(tx, deadlineJobs(proposals));
  }

  private outbox(events: ReferralEvent[], state: ReferralState, metadata: RequestMetadata): OutboxMessage[] {
    return events.flatMap(
      (event) =>
        toIntegrationEvent(event, state, {
          topic: this.deps.topic,
          time: event.data.at,
          traceparent: metadata.traceparent,
        }) ?? [],
    );
  }
}

/** A UUID-shaped id derived from the intake event id. */
export function referralIdFor(eventId: string): string {
  const h = createHash('sha256').update(`referral:${eventId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function targetOf(decision: Exclude<RoutingDecision, { kind: 'national-queue' | 'ask-commune' }>): Target {
  switch (decision.kind) {
    case 'office':
      return { kind: 'office', associationId: decision.associationId, officeId: decision.officeId };
    case 'partner-association':
      return {
        kind: 'partner-association',
        associationId: decision.associationId,
        officeId: decision.officeId,
        agreementId: decision.agreementId,
      };
    case 'foreign-organisation':
      return {
        kind: 'foreign-organisation',
        organisationId: decision.organisationId,
        countryCode: decision.countryCode,
      };
  }
}

/**
 * The referral an event opens in the same transaction: a redirection's new proposal, an added
 * service's proposal (mode 'referral', the holder keeps the case), or, for a transfer declined or
 * expired (the case left with nobody), its place back in the national platform's queue.
 */
function followUp(
  referralId: string,
  event: ReferralEvent,
  state: ReferralState,
  metadata: CommandMetadata,
): Extract<ReferralCommand, { type: 'ProposeReferral' | 'QueueReferral' }> | undefined {
  if (state.status === 'none' || state.status === 'queued') return undefined;
  const { proposal } = state;
  const facts = caseFacts(proposal);
  if (event.type === 'ReferralRedirected' && state.status === 'redirected') {
    return {
      type: 'ProposeReferral',
      data: {
        ...facts,
        referralId: event.data.newReferralId,
        mode: proposal.mode,
        from: proposal.from,
        target: event.data.to,
        reasons: withReason([], `redirected from ${referralId} by ${event.data.by}: ${event.data.reason}`),
        redirectedFrom: referralId,
      },
      metadata,
    };
  }
  if (event.type === 'ReferralServiceAdded' && state.status === 'accepted') {
    const holder = proposal.target.kind === 'office' ? proposal.target : undefined;
    return {
      type: 'ProposeReferral',
      data: {
        ...facts,
        ...(holder ? { originAssociationId: holder.associationId } : {}),
        referralId: event.data.newReferralId,
        mode: 'referral',
        from: holder
          ? { kind: 'office', associationId: holder.associationId, officeId: holder.officeId }
          : { kind: 'national-platform' },
        target: event.data.to,
        reasons: withReason([], `service added from ${referralId} by ${event.data.by}: ${event.data.reason}`),
      },
      metadata,
    };
  }
  // A transfer declined or left unanswered leaves the case with nobody: back to the national queue.
  // (An added service that expires or is declined leaves the case with its holder.)
  if (proposal.mode !== 'transfer') return undefined;
  const where = officeOf(proposal.target) ?? 'organisation';
  const requeue = (why: 'declined' | 'expired', reason: string) =>
    ({
      type: 'QueueReferral',
      data: { ...facts, referralId: randomUUID(), why, reasons: withReason(proposal.reasons, reason) },
      metadata,
    }) as const;
  if (event.type === 'ReferralDeclined' && state.status === 'declined')
    return requeue('declined', `declined by ${event.data.by} (${where}): ${event.data.reason}`);
  if (event.type === 'ReferralExpired' && state.status === 'expired')
    return requeue('expired', `unanswered by ${where} before ${proposal.deadlines.dueAt}`);
  return undefined;
}

const caseFacts = (p: CaseFacts): CaseFacts => ({
  caseId: p.caseId,
  intakeId: p.intakeId,
  urgency: p.urgency,
  offenceCategory: p.offenceCategory,
  needs: p.needs,
  consent: p.consent,
  ...(p.originAssociationId ? { originAssociationId: p.originAssociationId } : {}),
});

/**
 * Domain event → integration event, as its outbox row: ids and routing facts only, each `data`
 * checked against its contract by the compiler. Reminders stay inside the service.
 */
function toIntegrationEvent(
  event: ReferralEvent,
  state: ReferralState,
  envelope: { topic: string; time: string; traceparent: string | undefined },
): OutboxMessage | undefined {
  const message = <Type extends string, Schema extends TSchema>(
    contract: IntegrationEventContract<Type, Schema>,
    data: DataOf<Schema> & { caseId: string },
  ) => toOutboxMessage(contract, { ...envelope, subject: data.caseId, data });
  if (event.type === 'ReferralQueued') {
    const d = event.data;
    return message(ReferralQueuedV1, {
      referralId: d.referralId,
      caseId: d.caseId,
      intakeId: d.intakeId,
      why: d.why,
      ...(d.candidates ? { candidates: d.candidates } : {}),
      reasons: d.reasons,
      at: d.at,
    });
  }
  if (state.status === 'none' || state.status === 'queued') return undefined;
  const p = state.proposal;
  const base = { referralId: p.referralId, caseId: p.caseId, at: event.data.at };
  switch (event.type) {
    case 'ReferralProposed':
      return message(ReferralProposedV1, {
        ...base,
        intakeId: p.intakeId,
        mode: p.mode,
        from: p.from,
        target: p.target,
        urgency: p.urgency,
        offenceCategory: p.offenceCategory,
        dueAt: p.deadlines.dueAt,
        reasons: p.reasons,
        ...(p.redirectedFrom ? { redirectedFrom: p.redirectedFrom } : {}),
      });
    case 'ReferralAccepted':
      return message(ReferralAcceptedV1, { ...base, target: p.target, mode: p.mode, by: event.data.by });
    case 'ReferralDeclined':
      return message(ReferralDeclinedV1, {
        ...base,
        target: p.target,
        reason: event.data.reason,
        by: event.data.by,
      });
    case 'ReferralRedirected':
      return message(ReferralRedirectedV1, {
        ...base,
        to: event.data.to,
        newReferralId: event.data.newReferralId,
        reason: event.data.reason,
        by: event.data.by,
      });
    case 'ReferralRevoked':
      return message(ReferralRevokedV1, { ...base, reason: event.data.reason, by: event.data.by });
    case 'ReferralExpired':
      return message(ReferralExpiredV1, { ...base, target: p.target, escalatedTo: event.data.escalatedTo });
    case 'ReferralDone':
      return message(ReferralDoneV1, { ...base, outcome: event.data.outcome, by: event.data.by });
    case 'ReferralReminderSent':
    case 'ReferralServiceAdded': // the new referral's own ReferralProposed tells the network
      return undefined;
  }
}

export { ReferralErrors };
