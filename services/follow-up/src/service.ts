import { toOutboxMessage } from '@parcours/contracts';
import {
  AggregateCache,
  type Checkpoint,
  type Database,
  type EventStore,
  type HandleResult,
  handleCommand,
  handleCommands,
  handleNewStreams,
  type OutboxMessage,
  type Sql,
  type SubjectKeys,
  schedule,
} from '@parcours/eventstore';
import { type CaseCommand, type CaseState, caseDecider, caseStreamId } from './case/case.ts';
import { type FileReaction, type ReactionContext, reactToCase } from './case/reactions.ts';
import type { CommandMetadata } from './command.ts';
import { type FileCommand, fileDecider } from './file/decide.ts';
import type { FileEvent, FileState } from './file/file.ts';
import { fileStreamId } from './file/file.ts';
import { integrationEventFor } from './file/integration.ts';
import type { FilePolicy } from './file/lifecycle.ts';
import { reactToFile } from './file/reactions.ts';
import { newId } from './ids.ts';
import { type RosterCommand, type RosterState, rosterDecider, rosterStreamId } from './roster/roster.ts';
import { jobsFor, type ScheduleSettings } from './tasks/schedule.ts';

/** Who acts when the service acts on its own (consumers, reactions, scheduler): never in a user's token. */
export const systemActor = { id: 'system:follow-up', roles: ['system'] } as const;

/** What a command carries besides who and when: the conversation and trace it continues. */
export interface Metadata extends CommandMetadata {
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
}

export const systemMetadata = (now: Date, cause?: { id: string; traceparent?: string }): Metadata => ({
  now,
  actor: { ...systemActor, roles: [...systemActor.roles] },
  ...(cause ? { causationId: cause.id } : {}),
  ...(cause?.traceparent ? { traceparent: cause.traceparent } : {}),
});

/** The job kind of the file's reminders, claim tasks and inactivity checks on the shared schedule. */
export const FILE_JOB = 'followup-file-command';

export interface FileResult {
  fileId: string;
  status: FileState['status'];
  events: string[];
  checkpoint?: Checkpoint;
}

export interface FollowUpDeps {
  db: Database<any>;
  store: EventStore;
  keys: SubjectKeys;
  topic: string;
  policy: FilePolicy;
  settings: ScheduleSettings;
  /** Files whose folded state is kept after a read (AggregateCache); none when absent. */
  fileStateCache?: number;
}

// A reaction's command causes further reactions (an EVVI request makes its task): bounded, never a loop.
const MAX_REACTION_DEPTH = 5;

const eventMetadataOf = (m: Metadata) => ({
  actor: {
    id: m.actor.id,
    roles: [...m.actor.roles],
    ...(m.actor.association ? { association: m.actor.association } : {}),
    ...(m.actor.office ? { office: m.actor.office } : {}),
  },
  ...(m.correlationId ? { correlationId: m.correlationId } : {}),
  ...(m.causationId ? { causationId: m.causationId } : {}),
  ...(m.traceparent ? { traceparent: m.traceparent } : {}),
});

/**
 * Runs the case's and the files' commands: decide, append with the integration events in the outbox,
 * then, in the same transaction, the reactions' commands and the scheduler's jobs. One transaction:
 * a file never exists without its tasks and reminders.
 */
export class FollowUpService {
  readonly deps: FollowUpDeps;
  readonly decider: ReturnType<typeof fileDecider>;
  readonly #files: AggregateCache<FileEvent, FileState>;

  constructor(deps: FollowUpDeps) {
    this.deps = deps;
    this.decider = fileDecider(deps.policy);
    this.#files = new AggregateCache(deps.store, this.decider, deps.fileStateCache ?? 0);
  }

  /** A file as it stands now (its state kept after the read: the next read folds only what came since). */
  async loadFile(fileId: string, tx?: Sql): Promise<FileState> {
    const { state } = await this.#files.load(fileStreamId(fileId), tx ? { tx } : {});
    return state;
  }

  async loadRoster(officeId: string, tx?: Sql): Promise<RosterState> {
    const { state } = await this.deps.store.aggregateStream(
      rosterStreamId(officeId),
      rosterDecider,
      tx ? { tx } : {},
    );
    return state;
  }

  async executeRoster(officeId: string, command: RosterCommand, metadata: Metadata): Promise<RosterState> {
    const result = await handleCommand(this.deps.store, rosterStreamId(officeId), rosterDecider, command, {
      metadata: eventMetadataOf(metadata),
    });
    return result.state;
  }

  /** The caseworker's caseload: the files they hold that are not closed (the lists' read model). */
  async openFiles(caseworkerId: string): Promise<number> {
    const [row] = await this.deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM followup_files
       WHERE caseworker_id = $1 AND status IN ('open', 'closure-requested')`,
      [caseworkerId],
    );
    return row?.n ?? 0;
  }

  async loadCase(caseId: string, tx?: Sql): Promise<CaseState> {
    const { state } = await this.deps.store.aggregateStream(
      caseStreamId(caseId),
      caseDecider,
      tx ? { tx } : {},
    );
    return state;
  }

  async execute(fileId: string, command: FileCommand, metadata: Metadata, tx?: Sql): Promise<FileResult> {
    if (!tx) return this.deps.db.transaction((t) => this.execute(fileId, command, metadata, t));
    return this.run(fileId, command, metadata, tx, 0);
  }

  /** A fact the service learnt from intake or referral, and the files it opens or closes. */
  async recordOnCase(caseId: string, command: CaseCommand, metadata: Metadata, tx: Sql): Promise<void> {
    await this.recordOnCases([{ caseId, command, metadata }], tx);
  }

  /**
   * The facts of a consumer's batch, in order: the cases' streams read in one statement and appended
   * in one per round (handleCommands), the files they open opened together (handleNewStreams) with
   * their jobs in one `schedule`. A batch of 20 acceptances was 104 statements one by one, 5.2 per
   * acceptance (bench/followup). All or nothing: if anything fails, the consumer goes back to one
   * message at a time, each its own call here.
   */
  async recordOnCases(
    items: readonly { caseId: string; command: CaseCommand; metadata: Metadata }[],
    tx: Sql,
  ): Promise<void> {
    if (items.length === 0) return;
    const results =
      items.length === 1
        ? [
            await handleCommand(
              this.deps.store,
              caseStreamId(items[0]!.caseId),
              caseDecider,
              items[0]!.command,
              {
                tx,
                metadata: eventMetadataOf(items[0]!.metadata),
              },
            ),
          ]
        : await handleCommands(
            this.deps.store,
            caseDecider,
            items.map(({ caseId, command, metadata }) => ({
              streamId: caseStreamId(caseId),
              command,
              metadata: eventMetadataOf(metadata),
            })),
            { tx },
          );
    const reactions = results.flatMap((result, i) => {
      const cause = items[i]!.metadata;
      const context = this.context(cause);
      return result.events.flatMap((event) =>
        reactToCase(event, result.state, context).map((reaction) => ({ reaction, cause })),
      );
    });
    // The files opened are new streams, decided together; any other reaction runs in its turn.
    let opening: { reaction: FileReaction; cause: Metadata }[] = [];
    const open = async () => {
      if (opening.length > 0) await this.openNewFiles(opening, tx);
      opening = [];
    };
    for (const item of reactions) {
      const { reaction } = item;
      if (reaction.command.type === 'OpenFile' && !opening.some((o) => o.reaction.fileId === reaction.fileId))
        opening.push(item);
      else {
        await open();
        await this.react(reaction, item.cause, tx, 0);
      }
    }
    await open();
  }

  private context(metadata: Metadata): ReactionContext {
    return { newId, metadata: { now: metadata.now, actor: systemMetadata(metadata.now).actor } };
  }

  private reactionMetadata(cause: Metadata): Metadata {
    return { ...systemMetadata(cause.now), ...pick(cause) };
  }

  private async react(reaction: FileReaction, cause: Metadata, tx: Sql, depth: number): Promise<void> {
    const metadata = this.reactionMetadata(cause);
    await this.run(
      reaction.fileId,
      { ...reaction.command, metadata } as FileCommand,
      metadata,
      tx,
      depth + 1,
    );
  }

  /** Files opened by a batch's reactions: one append for all, then their jobs and reactions. */
  private async openNewFiles(
    reactions: { reaction: FileReaction; cause: Metadata }[],
    tx: Sql,
  ): Promise<void> {
    if (reactions.length === 1) return this.react(reactions[0]!.reaction, reactions[0]!.cause, tx, 0);
    const opened = reactions.map(({ reaction, cause }) => {
      const metadata = this.reactionMetadata(cause);
      return { fileId: reaction.fileId, metadata, command: { ...reaction.command, metadata } as FileCommand };
    });
    const results = await handleNewStreams(
      this.deps.store,
      this.decider,
      opened.map(({ fileId, metadata, command }) => ({
        streamId: fileStreamId(fileId),
        command,
        metadata: eventMetadataOf(metadata),
        outbox: (events: FileEvent[], state: FileState) => this.outbox(events, state, metadata),
      })),
      { tx },
    );
    await this.after(
      opened.map(({ fileId, metadata }, i) => ({ fileId, metadata, result: results[i]! })),
      tx,
      1,
    );
  }

  private async run(
    fileId: string,
    command: FileCommand,
    metadata: Metadata,
    tx: Sql,
    depth: number,
  ): Promise<FileResult> {
    const result = await handleCommand(this.deps.store, fileStreamId(fileId), this.decider, command, {
      tx,
      metadata: eventMetadataOf(metadata),
      outbox: (events, state) => this.outbox(events, state, metadata),
      expectNew: command.type === 'OpenFile',
    });
    await this.after([{ fileId, metadata, result }], tx, depth);
    return {
      fileId,
      status: result.state.status,
      events: result.events.map((e) => e.type),
      ...(result.checkpoint ? { checkpoint: result.checkpoint } : {}),
    };
  }

  /** What decided file commands bring in the same transaction: their jobs on the schedule, then their reactions. */
  private async after(
    decided: readonly { fileId: string; metadata: Metadata; result: HandleResult<FileEvent, FileState> }[],
    tx: Sql,
    depth: number,
  ): Promise<void> {
    const jobs = decided.flatMap(({ result }) =>
      result.events.flatMap((event) =>
        jobsFor(event, result.state, this.deps.settings, newId).map((job) => ({
          // The run time is part of the key: a task moved schedules anew, and the job left behind is a no-op.
          key: `${FILE_JOB}:${job.key}@${job.runAt}`,
          kind: FILE_JOB,
          dueAt: job.runAt,
          group: fileStreamId(job.fileId),
          payload: { fileId: job.fileId, command: job.command },
        })),
      ),
    );
    await schedule(tx, jobs);
    if (depth >= MAX_REACTION_DEPTH) return;
    for (const { metadata, result } of decided) {
      const context = this.context(metadata);
      for (const event of result.events)
        for (const reaction of reactToFile(event, result.state, context))
          await this.react(reaction, metadata, tx, depth);
    }
  }

  private outbox(events: FileEvent[], state: FileState, metadata: Metadata): OutboxMessage[] {
    return events.flatMap((event) => {
      const mapped = integrationEventFor(event, state);
      if (!mapped) return [];
      return [
        toOutboxMessage(mapped.contract, {
          topic: this.deps.topic,
          subject: mapped.data.caseId,
          time: event.data.at,
          data: mapped.data as never,
          traceparent: metadata.traceparent,
        }),
      ];
    });
  }
}

const pick = (m: Metadata) => ({
  ...(m.correlationId ? { correlationId: m.correlationId } : {}),
  ...(m.causationId ? { causationId: m.causationId } : {}),
  ...(m.traceparent ? { traceparent: m.traceparent } : {}),
});
