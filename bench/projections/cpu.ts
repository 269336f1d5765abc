import { readFileSync } from 'node:fs';
import type { Database } from '@parcours/eventstore';

/**
 * CPU seconds used so far by the PostgreSQL backends connected to this database (Linux /proc, in
 * clock ticks of 1/100 s; PostgreSQL on the same machine): with this process's own CPU time, a
 * figure a loaded machine moves less than the wall time. Backends that ended are not counted.
 */
export async function backendCpuSeconds(db: Database): Promise<number> {
  const rows = await db.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Not on Linux, or the backend ended meanwhile.
    }
  }
  return ticks / 100;
}

/** Runs `work` with the pool's connections open first, and tells the CPU seconds it took here and in PostgreSQL. */
export async function withCpu(db: Database, poolSize: number, work: () => Promise<void>) {
  await Promise.all(Array.from({ length: poolSize }, () => db.query('SELECT pg_sleep(0.05)')));
  const pg = await backendCpuSeconds(db);
  const here = process.cpuUsage();
  await work();
  const used = process.cpuUsage(here);
  return { here: (used.user + used.system) / 1e6, postgres: (await backendCpuSeconds(db)) - pg };
}
