// The rebuild's chunk size, side by side: each size timed by rebuild-only.ts in a child process with
// the service's flags (bench/node-flags.ts), sizes alternating round after round on one database.
//   node bench/projections/chunks.ts [victims=60000] [sizes=2500,5000,10000,20000] [rounds=2]
// BENCH_DB=<url> times them on a database a bench kept (BENCH_KEEP=1) instead of loading a demo year;
// BENCH_CHECKOUTS=<dir>,<dir> alternates the rebuild-only.ts of these checkouts too (code against code).
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '@parcours/eventstore';
import { loadGeography } from '@parcours/geography';
import { createTestDatabase } from '@parcours/testing';
import { loadDemo, progressBar } from '../../services/projections/src/demo/load.ts';
import { projectionEntities } from '../../services/projections/src/entities.ts';
import { projectionsMigrations } from '../../services/projections/src/migrations.ts';
import { SERVICE_ENV } from '../node-flags.ts';
import { machine, serviceNodeFlags } from '../support.ts';

const victims = Number(process.argv[2] ?? 60_000);
const sizes = (process.argv[3] ?? '2500,5000,10000,20000').split(',').map(Number);
const rounds = Number(process.argv[4] ?? 2);
const here = fileURLToPath(new URL('rebuild-only.ts', import.meta.url));
const checkouts = process.env['BENCH_CHECKOUTS']
  ? process.env['BENCH_CHECKOUTS'].split(',').map((dir) => ({
      name: basename(resolve(dir)),
      script: resolve(dir, 'bench/projections/rebuild-only.ts'),
    }))
  : [{ name: '', script: here }];
const variants = checkouts.flatMap((checkout) =>
  sizes.map((size) => ({
    ...checkout,
    size,
    label: `${checkout.name ? `${checkout.name} ` : ''}chunk ${size}`,
  })),
);
process.env['DATABASE_URL'] ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

interface Run {
  rate: number;
  node: number;
  postgres: number;
  gc: number;
  scavenges: number;
  markCompacts: number;
  rss: number;
}

const kept = process.env['BENCH_DB'];
const database = kept ? undefined : await createTestDatabase('projections_bench');
const url = kept ?? database!.url;
try {
  if (database) {
    const db = await Database.connect({
      url,
      migrations: projectionsMigrations,
      entities: projectionEntities,
      poolSize: 10,
    });
    try {
      const events = await loadDemo(db, loadGeography(), { victims, year: 2025 }, (p) =>
        process.stderr.write(`\r${progressBar(p)}   `),
      );
      process.stderr.write('\n');
      console.log(
        `demo year: ${victims.toLocaleString('en')} victims, ${events.toLocaleString('en')} events (${url})`,
      );
    } finally {
      await db.close();
    }
  }
  console.log(`load average at the start: ${load()}`);
  const runs = new Map<string, Run[]>();
  for (let round = 0; round < rounds; round++) {
    // Every other round backwards: no variant always right after the same one.
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      const line = execFileSync(
        process.execPath,
        [...serviceNodeFlags, variant.script, url, String(variant.size)],
        { env: { ...process.env, ...SERVICE_ENV }, encoding: 'utf8' },
      ).trim();
      const figures =
        /= ([\d,]+) events\/s; CPU here ([\d.]+) s, in PostgreSQL ([\d.]+) s; GC ([\d.]+) s \((\d+) scavenges, (\d+) mark-compacts\)(?:; peak RSS (\d+) MiB)?/.exec(
          line,
        );
      if (!figures) throw new Error(`rebuild-only.ts said: ${line}`);
      const [rate, node, postgres, gc, scavenges, markCompacts, rss] = figures
        .slice(1)
        .map((n) => Number((n ?? 'NaN').replaceAll(',', ''))) as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      runs.set(variant.label, [
        ...(runs.get(variant.label) ?? []),
        { rate, node, postgres, gc, scavenges, markCompacts, rss },
      ]);
      console.log(`${variant.label}: ${line.replace(/^rebuild: /, '')} (load ${load()})`);
    }
  }
  const mean = (of: Run[], key: keyof Run) => of.reduce((sum, run) => sum + run[key], 0) / of.length;
  const width = Math.max(...variants.map((variant) => variant.label.length));
  console.log(
    `${'means'.padEnd(width)}   events/s  CPU Node  CPU PostgreSQL  GC pauses  scavenges  mark-compacts  peak RSS`,
  );
  for (const { label } of variants) {
    const of = runs.get(label)!;
    console.log(
      `${label.padEnd(width)} ${Math.round(mean(of, 'rate')).toLocaleString('en').padStart(10)} ${mean(of, 'node').toFixed(2).padStart(8)} s ${mean(of, 'postgres').toFixed(2).padStart(13)} s ${mean(of, 'gc').toFixed(2).padStart(8)} s ${Math.round(mean(of, 'scavenges')).toString().padStart(10)} ${Math.round(mean(of, 'markCompacts')).toString().padStart(14)} ${Math.round(mean(of, 'rss')).toString().padStart(5)} MiB`,
    );
  }
  console.log(`load average at the end: ${load()}`);
  console.log(`machine: ${machine()}`);
} finally {
  if (database && !process.env['BENCH_KEEP']) await database.drop();
}
