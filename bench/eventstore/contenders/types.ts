import type { Scenario } from '../workload.ts';

/** One prepared cell: a pool of its own, and the streams it appends to. */
export interface Cell {
  /** One command of the scenario by `worker` (its `seq`-th). */
  command(worker: number, seq: number): Promise<void>;
  close(): Promise<void>;
}

export interface Contender {
  name: string;
  /** Opens a pool of `poolSize` connections; for an existing-stream scenario, creates its streams. */
  prepare(scenario: Scenario, writers: number, poolSize: number): Promise<Cell>;
}

/** Streams for the existing-stream scenarios: each worker cycles through its own (no conflicts). */
export function streamsFor(writers: number, total: number): string[][] {
  const perWorker = Math.max(1, Math.ceil(total / writers));
  return Array.from({ length: writers }, (_, w) =>
    Array.from({ length: perWorker }, (_, i) => `case-${crypto.randomUUID()}-${w}-${i}`),
  );
}

/** Runs `create` for every stream, `concurrency` at a time. */
export async function seed(
  streams: string[][],
  concurrency: number,
  create: (streamId: string) => Promise<void>,
): Promise<void> {
  const all = streams.flat();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < all.length) {
        const streamId = all[next++] as string;
        await create(streamId);
      }
    }),
  );
}
