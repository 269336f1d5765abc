// Times a rebuild of the case views on a database the bench kept (BENCH_KEEP=1), with the CPU time
// it took here and in PostgreSQL's backends (a figure a loaded machine moves less than the wall time)
// and the time this process spent in the garbage collector; `chunk` is the rebuild's chunk size:
//   node bench/projections/rebuild-only.ts postgres://postgres@127.0.0.1:5432/parcours_projections_bench_… [chunk]
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { Database } from '@parcours/eventstore';
import { loadGeography } from '@parcours/geography';
import { projectionEntities } from '../../services/projections/src/entities.ts';
import { projectionsMigrations } from '../../services/projections/src/migrations.ts';
import { Rebuilds } from '../../services/projections/src/rebuild/rebuild.ts';
import { withCpu } from './cpu.ts';

const url = process.argv[2];
if (!url) throw new Error('usage: rebuild-only.ts <database url> [chunk]');
const chunk = process.argv[3] ? Number(process.argv[3]) : undefined;
const db = await Database.connect({
  url,
  migrations: projectionsMigrations,
  entities: projectionEntities,
  poolSize: 10,
});
try {
  const geography = loadGeography();
  const [count] = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM pj_event_log WHERE case_key <> 'directory'`,
  );
  // Pauses and their count by kind (a count the machine's load does not move): scavenges of the
  // young generation, full mark-compacts of the old one.
  let gcMs = 0;
  let scavenges = 0;
  let markCompacts = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges++;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) markCompacts++;
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const started = performance.now();
  const cpu = await withCpu(db, 10, () => new Rebuilds(db, geography, { chunk }).run('cases'));
  const ms = performance.now() - started;
  gc.disconnect();
  const events = Number(count?.n);
  console.log(
    `rebuild: ${events.toLocaleString('en')} events in ${(ms / 1000).toFixed(2)} s = ${Math.round(events / (ms / 1000)).toLocaleString('en')} events/s; CPU here ${cpu.here.toFixed(2)} s, in PostgreSQL ${cpu.postgres.toFixed(2)} s; GC ${(gcMs / 1000).toFixed(2)} s (${scavenges} scavenges, ${markCompacts} mark-compacts); peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
  );
} finally {
  await db.close();
}
