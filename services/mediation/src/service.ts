import { toOutboxMessage } from '@parcours/contracts';
import {
  type EventStore,
  handleCommand,
  type Job,
  type KeysWithEvents,
  type OutboxMessage,
  retryDeadlocks,
  type Sql,
  type SubjectKeys,
  schedule,
  type Tx,
} from '@parcours/eventstore';
import { eventMetadata, type RequestMetadata } from '@parcours/service-kit';
import { book, bookingsAround, release } from './bookings.ts';
import { addMinutes } from './calendar/time.ts';
import { reactionsIdentity } from './identities.ts';
import { firstConvocationJob, reactionJob, reminderJobs } from './jobs.ts';
import type { MandateCommand } from './mandate/commands.ts';
import { mandateDecider } from './mandate/decide.ts';
import { publicationsOf } from './mandate/integration.ts';
import { hasMediation, type MandateEvent, type MandateState, mandateStreamId } from './mandate/mandate.ts';
import { react } from './mandate/reactions.ts';
import type { Slot } from './mandate/sessions.ts';
import { type MediatorCommand, mediatorDecider } from './mediator/decide.ts';
import { type MediatorState, mediatorStreamId } from './mediator/mediator.ts';
import type { MediationPolicy } from './policy.ts';
import type { MediationDatabase } from './read-models.ts';
import { type RoomsCommand, roomsDecider } from './rooms/decide.ts';
import { type OfficeRooms, roomsStreamId } from './rooms/rooms.ts';
import type { SchedulingContext } from './scheduling/check-slot.ts';

export interface MediationServiceDeps {
  db: MediationDatabase;
  store: EventStore;
  keys: SubjectKeys;
  topic: string;
  policy: MediationPolicy;
}

export interface CommandResult {
  id: string;
  status: string;
  events: string[];
}

/**
 * Runs the mediation's commands: decide, append with the integration events in the outbox, and in
 * the same transaction write the sessions' bookings (the exclusion constraint's rows), run the
 * reactions due at once and schedule the others, the reminders and the deadlines.
 */
export class MediationService {
  readonly deps: MediationServiceDeps;
  readonly mandates: ReturnType<typeof mandateDecider>;
  readonly mediators: ReturnType<typeof mediatorDecider>;

  constructor(deps: MediationServiceDeps) {
    this.deps = deps;
    this.mandates = mandateDecider(deps.policy);
    this.mediators = mediatorDecider(deps.policy);
  }

  get policy() {
    return this.deps.policy;
  }

  async mandate(mandateId: string, tx?: Sql): Promise<MandateState> {
    const options = tx ? { tx } : {};
    return (await this.deps.store.aggregateStream(mandateStreamId(mandateId), this.mandates, options)).state;
  }

  async mediator(mediatorId: string, tx?: Sql): Promise<MediatorState> {
    const options = tx ? { tx } : {};
    return (await this.deps.store.aggregateStream(mediatorStreamId(mediatorId), this.mediators, options))
      .state;
  }

  async rooms(officeId: string, tx?: Sql): Promise<OfficeRooms> {
    const options = tx ? { tx } : {};
    return (await this.deps.store.aggregateStream(roomsStreamId(officeId), roomsDecider, options)).state;
  }

  /** What the slot check compares against: the mediator's and room's records and the bookings around. */
  async schedulingContext(slot: Slot, tx?: Sql): Promise<SchedulingContext> {
    const sql = tx ?? this.deps.db;
    const [mediator, rooms] = await Promise.all([
      this.mediator(slot.mediatorId, tx),
      this.rooms(slot.officeId, tx),
    ]);
    // The arrival gap and party bookings look a little before the session starts.
    const around = { start: addMinutes(slot.start, -24 * 60).toISOString(), end: slot.end };
    const bookings = await bookingsAround(
      sql,
      [
        { kind: 'mediator', id: slot.mediatorId },
        { kind: 'room', id: slot.roomId },
        ...slot.convocations.map((c) => ({ kind: 'party' as const, id: c.partyId })),
      ],
      around,
    );
    return {
      mediator: mediator.status === 'registered' ? mediator.mediator : undefined,
      room: rooms.rooms[slot.roomId],
      bookings,
    };
  }

  async executeMandate(
    mandateId: string,
    command: MandateCommand,
    metadata: RequestMetadata,
    tx?: Tx,
    keys?: KeysWithEvents,
  ): Promise<CommandResult> {
    // Sessions written in one transaction bump their months' calendar versions in the order of the
    // rows (read-models.ts): two such transactions can deadlock, and the one PostgreSQL aborts runs again.
    if (!tx)
      return retryDeadlocks(() =>
        this.deps.db.transaction((t) => this.executeMandate(mandateId, command, metadata, t, keys)),
      );
    const result = await handleCommand(this.deps.store, mandateStreamId(mandateId), this.mandates, command, {
      tx,
      metadata: eventMetadata(metadata),
      outbox: (events, state) => this.outbox(events, state, metadata),
      ...(keys ? { keys } : {}),
    });
    let status: string = result.state.status;
    for (const event of result.events)
      status = (await this.after(tx, event, result.state, metadata)) ?? status;
    return { id: mandateId, status, events: result.events.map((e) => e.type) };
  }

  async executeMediator(mediatorId: string, command: MediatorCommand, metadata: RequestMetadata) {
    const result = await handleCommand(
      this.deps.store,
      mediatorStreamId(mediatorId),
      this.mediators,
      command,
      {
        metadata: eventMetadata(metadata),
      },
    );
    return { id: mediatorId, status: result.state.status, events: result.events.map((e) => e.type) };
  }

  async executeRooms(officeId: string, command: RoomsCommand, metadata: RequestMetadata) {
    const result = await handleCommand(this.deps.store, roomsStreamId(officeId), roomsDecider, command, {
      metadata: eventMetadata(metadata),
    });
    return { id: officeId, status: 'ok', events: result.events.map((e) => e.type) };
  }

  /**
   * Bookings, reminders, reactions and deadlines of one event, in the command's transaction; the
   * mandate's status once its reactions ran (a refusal returns the file at once).
   */
  private async after(
    tx: Tx,
    event: MandateEvent,
    state: MandateState,
    metadata: RequestMetadata,
  ): Promise<string | undefined> {
    if (!hasMediation(state)) return undefined;
    let status: string | undefined;
    const jobs: Job[] = [];
    switch (event.type) {
      case 'MandateOrdered':
        jobs.push(firstConvocationJob(state.mandate, this.policy));
        break;
      case 'SessionScheduled':
      case 'SessionRescheduled': {
        const sessionId =
          event.type === 'SessionScheduled' ? event.data.session.sessionId : event.data.sessionId;
        const session = state.sessions[sessionId];
        if (session) {
          await book(tx, state.mandate.mandateId, session);
          jobs.push(...reminderJobs(state, session, metadata.now, this.policy));
        }
        break;
      }
      case 'SessionCancelled':
        await release(tx, event.data.sessionId);
        break;
    }
    const reactionMetadata = {
      now: metadata.now,
      actor: reactionsIdentity,
      ...(metadata.correlationId ? { correlationId: metadata.correlationId } : {}),
      ...(metadata.traceparent ? { traceparent: metadata.traceparent } : {}),
    };
    for (const reaction of react(event, state, this.policy)) {
      if (reaction.at) {
        jobs.push(reactionJob(reaction));
        continue;
      }
      const command = { ...reaction.command, metadata: reactionMetadata } as MandateCommand;
      ({ status } = await this.executeMandate(reaction.mandateId, command, reactionMetadata, tx));
    }
    await schedule(tx, jobs);
    return status;
  }

  private outbox(events: MandateEvent[], state: MandateState, metadata: RequestMetadata): OutboxMessage[] {
    return events.flatMap((event) =>
      publicationsOf(event, state, this.policy).map((publication) =>
        toOutboxMessage(publication.contract, {
          topic: this.deps.topic,
          subject: publication.subject,
          time: publication.time,
          data: publication.data as never,
          traceparent: metadata.traceparent,
        }),
      ),
    );
  }
}
