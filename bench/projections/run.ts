// The projections bench: a year of network activity loaded into the log, the views rebuilt from
// it, then the reads timed (dashboards, the federation, the annual reports, the victim's path).
//   node bench/projections/run.ts [victims=110000] [rounds=200]
// ≈9 integration events per victim: 110,000 victims ≈ 1,000,000 events; 320,000 ≈ a year of the network.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Database } from '@parcours/eventstore';
import { loadGeography } from '@parcours/geography';
import { createTestDatabase } from '@parcours/testing';
import { annualReport } from '../../services/projections/src/annual/report.ts';
import { dashboard } from '../../services/projections/src/dashboards/queries.ts';
import { loadDemo, progressBar } from '../../services/projections/src/demo/load.ts';
import { projectionEntities } from '../../services/projections/src/entities.ts';
import { federationCube } from '../../services/projections/src/federation/figures.ts';
import { eventsOfCases } from '../../services/projections/src/log/log.ts';
import { projectionsMigrations } from '../../services/projections/src/migrations.ts';
import { Rebuilds } from '../../services/projections/src/rebuild/rebuild.ts';
import { SERVICE_ENV } from '../node-flags.ts';
import { machine, serviceNodeFlags } from '../support.ts';
import { withCpu } from './cpu.ts';

const victims = Number(process.argv[2] ?? 110_000);
const rounds = Number(process.argv[3] ?? 200);
const year = 2025;
process.env['DATABASE_URL'] ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const database = await createTestDatabase('projections_bench');
const db = await Database.connect({
  url: database.url,
  migrations: projectionsMigrations,
  entities: projectionEntities,
  poolSize: 10,
});
const geography = loadGeography();
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};

try {
  let started = performance.now();
  const events = await loadDemo(db, geography, { victims, year }, (p) =>
    process.stderr.write(`\r${progressBar(p)}   `),
  );
  process.stderr.write('\n');
  say(
    `demo year: ${victims.toLocaleString('en')} victims, ${events.toLocaleString('en')} integration events, logged and folded in ${seconds(performance.now() - started)} s`,
  );

  const rebuilds = new Rebuilds(db, geography);
  started = performance.now();
  const cpu = await withCpu(db, 10, () => rebuilds.run('cases'));
  const rebuildMs = performance.now() - started;
  const [count] = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM pj_event_log WHERE case_key <> 'directory'`,
  );
  say(
    `rebuild of the case views, in this process: ${Number(count?.n).toLocaleString('en')} events in ${seconds(rebuildMs)} s = ${Math.round(Number(count?.n) / (rebuildMs / 1000)).toLocaleString('en')} events/s (CPU: ${cpu.here.toFixed(1)} s here, ${cpu.postgres.toFixed(1)} s in PostgreSQL)`,
  );
  // The same rebuild as the service runs it: its memory flags (a young generation of 8 MiB makes
  // the fold's garbage cost about twice the CPU of this process's defaults).
  const asService = execFileSync(
    process.execPath,
    [...serviceNodeFlags, fileURLToPath(new URL('rebuild-only.ts', import.meta.url)), database.url],
    { env: { ...process.env, ...SERVICE_ENV }, encoding: 'utf8' },
  );
  say(`rebuild of the case views, with the service's flags: ${asService.trim().replace(/^rebuild: /, '')}`);

  const offices = (
    await db.query<{ office_id: string; association_id: string }>(
      'SELECT office_id, association_id FROM pj_offices ORDER BY office_id',
    )
  ).map((row) => row);
  const cases = (
    await db.query<{ case_key: string }>('SELECT case_key FROM pj_cases ORDER BY random() LIMIT 500')
  ).map((row) => row.case_key);
  const asOf = new Date(`${year}-12-31T12:00:00.000Z`);
  const from = new Date(asOf.getTime() - 90 * 86_400_000);
  const time = async (name: string, run: (i: number) => Promise<unknown>, n = rounds) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await run(i);
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) =>
      samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
    say(
      `${name.padEnd(34)} n=${n} p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${samples.at(-1)!.toFixed(1)} ms`,
    );
  };
  const office = (i: number) => offices[(i * 7919) % offices.length]!;
  await time('office dashboard', (i) =>
    dashboard(db, { scope: { kind: 'office', id: office(i).office_id }, asOf, from, inactiveWeeks: 8 }),
  );
  await time('association dashboard', (i) =>
    dashboard(db, {
      scope: { kind: 'association', id: office(i).association_id },
      asOf,
      from,
      inactiveWeeks: 8,
    }),
  );
  await time('victim path (log read)', (i) => eventsOfCases(db, [cases[i % cases.length]!]));
  await time('association annual report', (i) => annualReport(db, year, office(i).association_id), 50);
  await time(
    'federation cube (uncached)',
    () => federationCube(db, { year, asOf, threshold: 11, inactiveWeeks: 8 }),
    5,
  );
  await time('national annual report', () => annualReport(db, year), 5);
  say(`machine: ${machine()}`);
  writeFileSync(new URL('./last-run.txt', import.meta.url), `${lines.join('\n')}\n`);
} finally {
  await db.close();
  if (!process.env['BENCH_KEEP']) await database.drop();
}
