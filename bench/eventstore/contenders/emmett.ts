import { randomUUID } from 'node:crypto';
import { CommandHandler } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import { type BenchEvent, commandEvents, type Scenario } from '../workload.ts';
import { type Cell, type Contender, seed, streamsFor } from './types.ts';

interface CaseState {
  version: number;
  urgency: unknown;
}

const handle = CommandHandler<CaseState, BenchEvent>({
  initialState: () => ({ version: 0, urgency: undefined }),
  evolve: (state, event) => ({ version: state.version + 1, urgency: event.data['urgency'] ?? state.urgency }),
});

/** Emmett on PostgreSQL, on a pg.Pool of the cell's size handed to it (its default would be 10). */
export function emmett(url: string): Contender {
  return {
    name: 'emmett',
    async prepare(scenario: Scenario, writers: number, poolSize: number): Promise<Cell> {
      const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'bench-emmett' });
      const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
      // The first append creates (or checks) the schema.
      const warm = `case-${randomUUID()}`;
      await store.appendToStream(warm, commandEvents(warm, 1), { expectedStreamVersion: 0n });
      const close = async () => {
        await store.close();
        await pool.end();
      };
      const create = async (caseId: string) => {
        await store.appendToStream(caseId, commandEvents(caseId, scenario.events), {
          expectedStreamVersion: 0n,
        });
      };
      if (!scenario.existing) return { command: () => create(`case-${randomUUID()}`), close };
      const streams = streamsFor(writers, Number(process.env['BENCH_STREAMS'] ?? 1024));
      await seed(streams, poolSize, create);
      return {
        async command(worker, seq) {
          const own = streams[worker] as string[];
          const caseId = own[seq % own.length] as string;
          await handle(store, caseId, () => commandEvents(caseId, scenario.events));
        },
        close,
      };
    },
  };
}
