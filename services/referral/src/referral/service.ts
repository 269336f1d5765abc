import type { IntakeReadyForOrientation } from '@parcours/contracts';
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
import { eventMetadata, type RequestMetadata } from '@parcours/service-kit';
import type { DirectoryIndex } from '../directory/index.ts';
import type { RoutingDecision } from '../routing/route.ts';
import { type ReferralCommand, ReferralErrors, referralDecider } from './decide.ts';
import { toIntegrationEvent } from './integration.ts';
import { nameBasedId, orientation, referralIdFor } from './orientation.ts';
import { reactToReferral } from './reactions.ts';
import { type ReferralEvent, type ReferralState, referralStreamId } from './referral.ts';
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

type Proposal = Extract<ReferralEvent, { type: 'ReferralProposed' }>['data'];

/**
 * Runs the referral's commands: decide, append with the integration events in the outbox, and in the
 * same transaction write the proposal's deadlines (the scheduler's schedule) and the commands its
 * events imply for other referrals (reactions.ts). One transaction: a proposal never exists without
 * its deadlines, a redirection never without its new proposal.
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
    await this.schedule(tx, proposalsStillOpen(result.events));
    let newReferralId: string | undefined;
    let reacted: CommandResult | undefined;
    const context = { newId: nameBasedId, metadata: command.metadata };
    for (const event of result.events) {
      for (const reaction of reactToReferral(event, result.state, context)) {
        newReferralId = reaction.referralId;
        reacted = await this.execute(reaction.referralId, reaction.command, metadata, tx);
      }
    }
    // The referral a reaction opened was appended last, in the same transaction.
    const checkpoint = reacted?.checkpoint ?? result.checkpoint;
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
      results.flatMap(({ events: decided }) => proposalsStillOpen(decided)),
    );
  }

  private orientation(event: IntakeReadyForOrientation, metadata: RequestMetadata) {
    return orientation(event, this.deps.directory(), this.deps.geography, metadata);
  }

  /** The proposals' reminders and expiry, on the schedule: one statement for them all. */
  private async schedule(tx: Sql, proposals: Proposal[]) {
    if (proposals.length > 0) await schedule(tx, deadlineJobs(proposals));
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

/** The proposals a command made that still wait for an answer (a walk-in kept is accepted at once). */
function proposalsStillOpen(events: readonly ReferralEvent[]): Proposal[] {
  const accepted = new Set(events.flatMap((e) => (e.type === 'ReferralAccepted' ? [e.data.referralId] : [])));
  return events.flatMap((e) =>
    e.type === 'ReferralProposed' && !accepted.has(e.data.referralId) ? [e.data] : [],
  );
}

export { ReferralErrors, referralIdFor };
