import { readFileSync } from 'node:fs';
import type { Database } from '@parcours/eventstore';

/**
 * CPU clock ticks (1/100 s) used so far by each PostgreSQL backend connected to this database (Linux
 * /proc; PostgreSQL on the same machine): with this process's own CPU time, a figure a loaded
 * machine moves less than the wall time.
 */
async function backendTicks(db: Database): Promise<Map<number, number>> {
  const rows = await db.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // Not on Linux, or the backend ended meanwhile.
    }
  }
  return ticks;
}

/**
 * Runs `work` with the pool's connections open first, and tells the CPU seconds it took here and in
 * PostgreSQL (the backends alive at the end: one that ended meanwhile is not counted).
 */
export async function withCpu(db: Database, poolSize: number, work: () => Promise<void>) {
  await Promise.all(Array.from({ length: poolSize }, () => db.query('SELECT pg_sleep(0.05)')));
  const before = await backendTicks(db);
  const here = process.cpuUsage();
  await work();
  const used = process.cpuUsage(here);
  let ticks = 0;
  for (const [pid, now] of await backendTicks(db)) ticks += now - (before.get(pid) ?? 0);
  return { here: (used.user + used.system) / 1e6, postgres: ticks / 100 };
}
