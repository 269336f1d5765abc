// Side by side in one series: the event store, intake and intake → referral benches of the start
// code (a git worktree of SERIES_START) and of this checkout, alternating which side runs first
// from one pair to the next so that the machine's drift and noise hit both. Each checkout runs its
// own bench scripts against its own code; the series reads their figures, computes the after/before
// ratio of every pair and the spread between runs of the same code, and writes bench/series/REPORT.md
// (ratios first, then the machine, every run, and what each run left behind).
//
//   node bench/series/run.ts                  full series; also updates bench/README.md's section
//   SERIES_SHORT=1 node bench/series/run.ts   3 s cells, one pair per bench; report in .out/ only
//
// Knobs (env): SERIES_START (7a2d536), SERIES_START_DIR ($TMPDIR/parcours-series-<start>),
// SERIES_BENCHES (eventstore,intake,referral: their order within a round),
// SERIES_PAIRS (eventstore=3,intake=4,referral=3), SERIES_EVENTSTORE_SECONDS (8),
// SERIES_INTAKE_SECONDS (10), SERIES_REFERRAL_SECONDS (10), SERIES_REFERRAL_RATES (200: each rate
// starts both services again), SERIES_MINUTES (25: a pair that would end after it, judged by the
// bench's previous pair, is left out), SERIES_PROFILE (1: CPU profiles of the services of the
// intake and referral runs, each summarised by bench/tools/profile-top.ts beside its log; a
// profiled series finds where a loss comes from, its figures are not the measure).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type BenchSpec, benches } from './benches.ts';
import {
  type Checkout,
  currentCheckout,
  runBench,
  type Side,
  startCheckout,
  waitPortsFree,
} from './checkouts.ts';
import {
  compare,
  loadSummary,
  type MachineInfo,
  pairsTable,
  runsTable,
  type SeriesRun,
  verdicts,
  withSection,
} from './report.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const short = process.env['SERIES_SHORT'] === '1';
const profile = process.env['SERIES_PROFILE'] === '1';
const env = (name: string, fallback: string) => process.env[name] || fallback;
const budgetMinutes = Number(env('SERIES_MINUTES', '25'));
const startCommit = env('SERIES_START', '7a2d536');
const startDir = env('SERIES_START_DIR', join(tmpdir(), `parcours-series-${startCommit}`));
const chosen = env('SERIES_BENCHES', 'eventstore,intake,referral').split(',');
const pairs = Object.fromEntries(
  env('SERIES_PAIRS', short ? 'eventstore=1,intake=1,referral=1' : 'eventstore=3,intake=4,referral=3')
    .split(',')
    .map((p) => p.split('=') as [string, string])
    .map(([name, n]) => [name, Number(n)]),
);
const cells = {
  eventstoreSeconds: Number(env('SERIES_EVENTSTORE_SECONDS', short ? '3' : '8')),
  intakeSeconds: Number(env('SERIES_INTAKE_SECONDS', short ? '3' : '10')),
  referralSeconds: Number(env('SERIES_REFERRAL_SECONDS', short ? '3' : '10')),
  referralRates: env('SERIES_REFERRAL_RATES', '200').split(',').map(Number),
};
const specs = chosen.map((name) => {
  const spec = benches(cells).find((b) => b.name === name);
  if (!spec) throw new Error(`SERIES_BENCHES: no bench ${name}`);
  return spec;
});
const titles = Object.fromEntries(specs.map((b) => [b.name, b.title]));
const outDir = join(here, '.out', new Date().toISOString().replaceAll(':', '-').slice(0, 19));
mkdirSync(outDir, { recursive: true });
// A short or profiled series is a check, not the measure: its report stays beside its logs.
const measure = !short && !profile;
const reportPath = measure ? join(here, 'REPORT.md') : join(outDir, 'REPORT.md');

console.error(`series: start code ${startCommit} in ${startDir}`);
const checkouts: Record<'before' | 'after', Checkout> = {
  before: startCheckout(root, startCommit, startDir),
  after: currentCheckout(root),
};
const machine = await machineInfo();
const seriesStarted = new Date();
const runs: SeriesRun[] = [];

// Rounds: pair 1 of every bench, then pair 2 of every bench, and so on, so that each bench's pairs
// are spread over the series and a series cut short by its budget still has pairs of every bench.
const rounds = Math.max(...specs.map((spec) => pairs[spec.name] ?? 1));
const lastPairSeconds = new Map<string, number>();
let skipped = 0;
for (let pair = 1; pair <= rounds; pair++) {
  for (const spec of specs.filter((b) => pair <= (pairs[b.name] ?? 1))) {
    const elapsed = (Date.now() - seriesStarted.getTime()) / 1000;
    if (elapsed + (lastPairSeconds.get(spec.name) ?? 0) > budgetMinutes * 60) {
      console.error(
        `\n${spec.name} pair ${pair} left out: it would end after the ${budgetMinutes} min budget`,
      );
      skipped++;
      continue;
    }
    const pairStarted = Date.now();
    // Which side runs first alternates from one pair to the next.
    for (const side of pair % 2 === 1 ? (['before', 'after'] as const) : (['after', 'before'] as const)) {
      await runOne(spec, pair, side);
    }
    lastPairSeconds.set(spec.name, (Date.now() - pairStarted) / 1000);
  }
}

async function runOne(spec: BenchSpec, pair: number, side: Side) {
  const checkout = checkouts[side];
  const name = `${String(runs.length + 1).padStart(2, '0')}-${spec.name}-${pair}-${side}`;
  console.error(`\n[${new Date().toISOString().slice(11, 19)}] ${name} (${checkout.commit})`);
  const entry: SeriesRun = {
    bench: spec.name,
    side,
    pair,
    startedAt: new Date().toISOString(),
    figures: [],
    problems: [],
  };
  runs.push(entry);
  try {
    if (!(await waitPortsFree(spec.ports))) throw new Error(`ports ${spec.ports.join(', ')} stayed in use`);
    const profileDir = profile && spec.ports.length > 0 ? join(outDir, `${name}-profile`) : undefined;
    const run = await runBench(
      checkout,
      spec.args,
      {
        ...spec.env,
        BENCH_REPORT: join(outDir, `${name}.md`),
        ...(profileDir ? { BENCH_PROFILE: profileDir } : {}),
      },
      join(outDir, `${name}.log`),
    );
    entry.run = run;
    if (profileDir) summariseProfiles(profileDir);
    if (run.code !== 0)
      throw new Error(`exited with ${run.code} (log: ${relative(root, join(outDir, `${name}.log`))})`);
    entry.figures = spec.figures(run.stdout, run.stderr);
    entry.problems = spec.problems(run.stdout, run.stderr);
  } catch (error) {
    entry.error = error instanceof Error ? error.message : String(error);
    console.error(`  ${name} failed: ${entry.error}`);
  }
  // Written after every run: an interrupted series still leaves its figures and report.
  writeFileSync(join(outDir, 'series.json'), JSON.stringify({ machine, checkouts, cells, runs }, null, 2));
  writeFileSync(reportPath, report());
}

const comparisons = compare(runs);
console.log(`\n${pairsTable(comparisons, titles)}`);
if (measure) updateReadme();
console.error(
  `\nreport written to ${relative(process.cwd(), reportPath)}; logs in ${relative(process.cwd(), outDir)}`,
);

function report(): string {
  const minutes = (Date.now() - seriesStarted.getTime()) / 60_000;
  const failed = runs.filter((r) => r.error || r.problems.length > 0);
  return `# Side-by-side bench series: the start code and this code

${seriesStarted.toISOString()}, ${minutes.toFixed(0)} min · \`${short ? 'SERIES_SHORT=1 ' : ''}${profile ? 'SERIES_PROFILE=1 ' : ''}node bench/series/run.ts\`${profile ? ' (services under the CPU profiler: their figures are not the measure)' : ''} · before = \`${checkouts.before.commit}\` (the start code), after = \`${checkouts.after.commit}\`

Each checkout runs its own bench scripts against its own code and dependencies, one run at a time;
pairs alternate which side runs first (before then after, then after then before, …) so that what
else the machine does falls on both sides. A figure's verdict compares the median of its pairs'
after ÷ before ratios with the spread between runs of the same code (max ÷ min − 1, the larger of
the two sides): a loss beyond the spread is a ratio below 1 ÷ (1 + spread) for a rate, above
1 + spread for a latency, a duration or memory.

## Ratios

${pairsTable(compare(runs), titles)}

${verdicts(compare(runs), titles)}

${failed.length ? `Runs that failed or showed a problem: ${failed.map((r) => `${r.bench} pair ${r.pair} ${r.side}: ${r.error ?? r.problems.join('; ')}`).join(' · ')}.` : 'Every run completed; no request failed, no outbox row stayed behind, no referral was missing or doubled.'}

## Machine

${machine.cores} × ${machine.cpu}, ${machine.memoryGiB.toFixed(0)} GiB RAM · ${machine.postgres} · Kafka ${machine.kafka} (one broker) · Node ${machine.nodes.before} (before), ${machine.nodes.after} (after) · ${loadSummary(runs)}. PostgreSQL, Redis and Kafka run on the same 2 cores as the services and the load generators, shared with other work during the series.

## Cells

- Event store: \`node bench/eventstore/run.ts\`, the Parcours and Emmett contenders (Emmett's is the same code on both sides: Parcours ÷ Emmett divides the run's machine out), 32 writers, 1-event and 10-event commands on new streams and 1-event commands on existing ones (read, decide, append), ${cells.eventstoreSeconds} s per cell after 2 s of warm-up; no relay phase, no profile.
- Intake: \`node bench/intake/run.ts\`, ${cells.intakeSeconds} s at 32 connections after 3 s of warm-up, then the same load on the contender (Fastify, the same JWT verification, one INSERT); the CSV import of 1,000 rows.
- Intake → referral: \`node bench/referral/run.ts ${cells.referralRates.map((r) => `${r} ${cells.referralSeconds}`).join(' ')}\`.

## Runs, in order

${runsTable(runs)}
${skipped ? `\n${skipped} pair(s) left out: they would have ended after the series' ${budgetMinutes}-minute budget.\n` : ''}
Collisions: each run gets databases and topics of random names from its own bench; the two sides
never run at the same time, and a service bench starts only once its ports (intake 3901-3902,
referral 3911-3912) are free. "Left behind" is what remained after a run: processes of its
process group (then ended), bench databases that appeared during it, and topics it created (the
service benches name their topics per run and do not delete them, on both sides).
`;
}

function updateReadme() {
  const readme = join(root, 'bench', 'README.md');
  const body = `${pairsTable(compare(runs), titles)}\n\n${verdicts(compare(runs), titles)}\n\n${seriesStarted.toISOString().slice(0, 16).replace('T', ' ')} UTC, before = \`${checkouts.before.commit}\`, after = \`${checkouts.after.commit}\`; ${machine.cores} × ${machine.cpu}, ${loadSummary(runs)}. Every run and the machine: [series/REPORT.md](series/REPORT.md).`;
  writeFileSync(readme, withSection(readFileSync(readme, 'utf8'), body));
}

async function machineInfo(): Promise<MachineInfo> {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const client = new pg.Client({
    connectionString: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await client.connect();
  const postgres =
    (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ??
    'unknown';
  await client.end();
  return {
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: totalmem() / 2 ** 30,
    postgres: `PostgreSQL ${postgres}`,
    kafka: kafkaVersion(),
    nodes: { before: checkouts.before.node, after: checkouts.after.node },
  };
}

/** The broker's version from its jar's name, found through the running broker's class path. */
function kafkaVersion(): string {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!args.includes('kafka.Kafka')) continue;
      const libs = args[args.indexOf('-cp') + 1]?.replace(/\/\*$/, '');
      const jar = libs && readdirSync(libs).find((f) => /^kafka_[\d.]+-[\d.]+\.jar$/.test(f));
      if (jar) return /-([\d.]+)\.jar$/.exec(jar)![1]!;
    } catch {
      // a process that ended meanwhile, or not ours to read
    }
  }
  return process.env['BENCH_KAFKA_VERSION'] ?? 'unknown';
}

/** Every CPU profile of a run summarised by bench/tools/profile-top.ts, in `<profile>.top.txt`. */
function summariseProfiles(dir: string) {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const top = execFileSync(
      process.execPath,
      [join(root, 'bench/tools/profile-top.ts'), join(dir, file), '40'],
      {
        encoding: 'utf8',
      },
    );
    writeFileSync(join(dir, `${file}.top.txt`), top);
  }
}
