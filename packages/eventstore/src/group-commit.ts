import type { AppendRequest, AppendResult } from './append-statements.ts';

export interface PendingAppend extends AppendRequest {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

const MAX_BATCH_COMMANDS = 64;
const MAX_BATCHES_IN_FLIGHT = 2;

/**
 * Takes the next commands of the queue that touch distinct streams with nothing in flight (a stream
 * twice, or busy, waits its turn).
 */
function takeBatch(queue: PendingAppend[], busy: ReadonlySet<string>): PendingAppend[] {
  const streams = new Set<string>(busy);
  const batch: PendingAppend[] = [];
  for (let i = 0; i < queue.length && batch.length < MAX_BATCH_COMMANDS; ) {
    const item = queue[i]!;
    if (streams.has(item.streamId)) {
      i++;
      continue;
    }
    streams.add(item.streamId);
    batch.push(item);
    queue.splice(i, 1);
  }
  return batch;
}

/**
 * Group commit: appends of the same moment queue while two statements are in flight, and go out
 * together when one returns. `send` writes a batch and settles each of its appends.
 */
export class GroupCommit {
  private readonly send: (batch: PendingAppend[]) => Promise<void>;
  /** Appends on the pool waiting for a statement in flight to return. */
  private readonly pending: PendingAppend[] = [];
  private scheduled = false;
  private inFlight = 0;
  /** Streams with an append in flight: a later command on one waits, so each stream keeps its order. */
  private readonly busyStreams = new Set<string>();

  constructor(send: (batch: PendingAppend[]) => Promise<void>) {
    this.send = send;
  }

  append(request: AppendRequest): Promise<AppendResult> {
    const result = new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ ...request, resolve, reject });
    });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.pump();
      });
    }
    return result;
  }

  /**
   * Sends the queue as batches, at most two at once: one in flight would leave PostgreSQL's second
   * core idle while it runs (a batch with inline projections is a short transaction of its own).
   */
  private pump(): void {
    while (this.inFlight < MAX_BATCHES_IN_FLIGHT && this.pending.length > 0) {
      const batch = takeBatch(this.pending, this.busyStreams);
      if (batch.length === 0) return; // only streams in flight wait: their batch's end pumps again
      this.inFlight++;
      for (const item of batch) this.busyStreams.add(item.streamId);
      void this.send(batch).finally(() => {
        this.inFlight--;
        for (const item of batch) this.busyStreams.delete(item.streamId);
        this.pump();
      });
    }
  }
}
