import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { commandEvents, type Scenario } from '../workload.ts';
import { type Cell, type Contender, seed, streamsFor } from './types.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS raw_events (
  position        bigserial PRIMARY KEY,
  stream_id       text      NOT NULL,
  stream_version  integer   NOT NULL,
  event_id        uuid      NOT NULL,
  type            text      NOT NULL,
  data            jsonb     NOT NULL,
  metadata        jsonb     NOT NULL,
  UNIQUE (stream_id, stream_version)
)`;

/** `count` rows of placeholders: ($1,$2,...,$6),($7,...) */
function valuesSql(count: number): string {
  return Array.from({ length: count }, (_, r) => {
    const b = r * 6;
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::jsonb, $${b + 6}::jsonb)`;
  }).join(', ');
}

/**
 * The limit: the same event rows with plain INSERTs on a raw pg.Pool, autocommit. One event is a
 * single-row INSERT, ten events one multi-row INSERT. Existing streams: SELECT the stream's rows,
 * then INSERT at the next version (no transaction; the unique key is the concurrency check).
 */
export function raw(url: string): Contender {
  let created = false;
  return {
    name: 'raw',
    async prepare(scenario: Scenario, writers: number, poolSize: number): Promise<Cell> {
      const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'bench-raw' });
      if (!created) await pool.query(SCHEMA);
      created = true;
      const insertSql = `INSERT INTO raw_events (stream_id, stream_version, event_id, type, data, metadata) VALUES ${valuesSql(scenario.events)}`;
      const append = async (caseId: string, version: number) => {
        const params: unknown[] = [];
        commandEvents(caseId, scenario.events).forEach((event, i) => {
          params.push(
            caseId,
            version + i + 1,
            randomUUID(),
            event.type,
            JSON.stringify(event.data),
            JSON.stringify(event.metadata),
          );
        });
        await pool.query(insertSql, params);
      };
      const close = () => pool.end();
      if (!scenario.existing) return { command: () => append(`case-${randomUUID()}`, 0), close };
      const streams = streamsFor(writers, Number(process.env['BENCH_STREAMS'] ?? 1024));
      await seed(streams, poolSize, (caseId) => append(caseId, 0));
      return {
        async command(worker, seq) {
          const own = streams[worker] as string[];
          const caseId = own[seq % own.length] as string;
          const { rows } = await pool.query<{ stream_version: number; data: unknown }>(
            'SELECT stream_version, data FROM raw_events WHERE stream_id = $1 ORDER BY stream_version',
            [caseId],
          );
          await append(caseId, rows.at(-1)?.stream_version ?? 0);
        },
        close,
      };
    },
  };
}
