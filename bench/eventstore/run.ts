/**
 * Append throughput of Parcours' event store against Emmett and plain INSERTs, plus the outbox
 * relay's publish rate. One command: `node bench/eventstore/run.ts`. Each contender runs in its own
 * child process (contender.ts), one after the other, on its own fresh database of the same server.
 *
 * Knobs (env): BENCH_SECONDS (10) per cell, BENCH_WARMUP (2), BENCH_WRITERS (1,8,32),
 * BENCH_MAX_POOL (32), BENCH_STREAMS (1024 existing streams per cell), BENCH_CONTENDERS
 * (parcours,emmett,raw), BENCH_SCENARIOS (all), BENCH_RELAY (1), BENCH_RELAY_COMMANDS (50000),
 * BENCH_RELAY_SECONDS (60), BENCH_CPU_PROF (1: profile the Parcours child), BENCH_PG (admin URL),
 * BENCH_KAFKA (127.0.0.1:9092), BENCH_REPORT (bench/eventstore/REPORT.md).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { SERVICE_ENV, SERVICE_NODE_FLAGS } from '../node-flags.ts';
import type { ContenderResult } from './contender.ts';
import { hotFunctions, hotPackages } from './profile.ts';
import {
  type Machine,
  relaySection,
  type Settings,
  targets,
  targetTable,
  throughputTable,
} from './report.ts';
import { envNumber } from './workload.ts';

const here = dirname(fileURLToPath(import.meta.url));
const adminUrl = process.env['BENCH_PG'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const brokers = (process.env['BENCH_KAFKA'] ?? '127.0.0.1:9092').split(',');
const contenderNames = (process.env['BENCH_CONTENDERS'] ?? 'parcours,emmett,raw').split(',');
// Every contender runs as a service does (bench/node-flags.ts): V8 sizes its heap for this 24 GiB
// machine otherwise, and the RSS target is about a service's process.
const nodeFlags = (process.env['BENCH_NODE_FLAGS'] ?? SERVICE_NODE_FLAGS).split(' ').filter(Boolean);
const writerCounts = (process.env['BENCH_WRITERS'] ?? '1,8,32').split(',').map(Number);
const reportPath = process.env['BENCH_REPORT'] ?? join(here, 'REPORT.md');
const wantRelay = (process.env['BENCH_RELAY'] ?? '1') === '1';
const wantProfile = (process.env['BENCH_CPU_PROF'] ?? '1') === '1';
const RSS_LIMIT_MIB = 256;
const suffix = randomBytes(4).toString('hex');

function urlFor(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function machine(): Promise<Machine> {
  const postgres = await admin(
    async (c) => (await c.query<{ version: string }>('SELECT version()')).rows[0]?.version,
  );
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  return {
    cpus: cpus().length,
    model: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    memoryGiB: totalmem() / 2 ** 30,
    postgres: postgres ?? 'unknown',
    node: process.version,
    kafka: process.env['BENCH_KAFKA_VERSION'] ?? '3.9.1',
    date: new Date().toISOString(),
  };
}

/** A Kafka topic of its own for the relay phase; undefined when Kafka cannot be reached. */
async function createTopic(): Promise<{ topic: string; drop: () => Promise<void> } | undefined> {
  const kafka = new Kafka({
    clientId: 'parcours-bench-admin',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  });
  const client = kafka.admin();
  try {
    await client.connect();
    const topic = `bench.intake.events.v1.${suffix}`;
    await client.createTopics({
      topics: [{ topic, numPartitions: 6, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    return {
      topic,
      drop: async () => {
        await client.deleteTopics({ topics: [topic] }).catch(() => undefined);
        await client.disconnect();
      },
    };
  } catch (error) {
    console.error('Kafka unreachable, relay phase skipped:', error instanceof Error ? error.message : error);
    await client.disconnect().catch(() => undefined);
    return undefined;
  }
}

/** Samples what the contender's backends wait on (pg_stat_activity) every 100 ms. */
function sampleWaits(database: string): { stop: () => Promise<{ event: string; share: number }[]> } {
  const counts = new Map<string, number>();
  let total = 0;
  let running = true;
  const loop = admin(async (client) => {
    while (running) {
      const { rows } = await client.query<{ wait: string }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait
           FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
        [database],
      );
      for (const { wait } of rows) counts.set(wait, (counts.get(wait) ?? 0) + 1);
      total += rows.length;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  let stopped: Promise<{ event: string; share: number }[]> | undefined;
  return {
    stop: () =>
      (stopped ??= (async () => {
        running = false;
        await loop;
        return [...counts]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 6)
          .map(([event, n]) => ({ event, share: n / Math.max(1, total) }));
      })()),
  };
}

interface Run {
  result: ContenderResult;
  waits: { event: string; share: number }[];
  profile?: string;
}

async function runContender(
  name: string,
  topic: string | undefined,
  options: { profileDir?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  const database = `bench_${name.replaceAll('-', '_')}_${suffix}`;
  await admin((c) => c.query(`CREATE DATABASE ${database}`));
  const profileDir = options.profileDir;
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  const waits = sampleWaits(database);
  try {
    const result = await new Promise<ContenderResult>((resolve, reject) => {
      let got: ContenderResult | undefined;
      const child = fork(join(here, 'contender.ts'), [name], {
        env: {
          ...SERVICE_ENV,
          ...process.env,
          BENCH_DB_URL: urlFor(database),
          BENCH_RELAY: wantRelay && topic && name === 'parcours' ? '1' : '0',
          ...(topic ? { BENCH_TOPIC: topic } : {}),
          ...options.env,
        },
        execArgv: [...nodeFlags, ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.on('message', (message) => {
        got = message as ContenderResult;
      });
      child.on('error', reject);
      child.on('exit', (code) =>
        got ? resolve(got) : reject(new Error(`${name} exited with ${code} without results`)),
      );
    });
    const file =
      profileDir && existsSync(profileDir)
        ? readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'))
        : undefined;
    return {
      result,
      waits: await waits.stop(),
      ...(profileDir && file ? { profile: join(profileDir, file) } : {}),
    };
  } finally {
    await waits.stop().catch(() => undefined);
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  }
}

function profileSection(file: string | undefined): string {
  if (!file) return '_No CPU profile (BENCH_CPU_PROF=0)._';
  const { total, functions } = hotFunctions(file, 15);
  return [
    `CPU profile of the Parcours process over the whole run (${(total / 1000).toFixed(0)} s wall; \`node bench/eventstore/profile.ts ${relative(process.cwd(), file)}\`). Self time by package:`,
    '',
    '| Package / area | Self time |',
    '|---|--:|',
    ...hotPackages(file).map((p) => `| ${p.name} | ${p.selfPercent.toFixed(1)}% |`),
    '',
    'Top functions by self time:',
    '',
    '| Function | Where | Self time |',
    '|---|---|--:|',
    ...functions.map((f) => `| \`${f.name}\` | ${f.where} | ${f.selfPercent.toFixed(1)}% |`),
  ].join('\n');
}

const info = await machine();
const settings: Settings = {
  seconds: envNumber('BENCH_SECONDS', 10),
  warmup: envNumber('BENCH_WARMUP', 2),
  writers: writerCounts,
  poolSizes: writerCounts
    .map((w) => `${w} writers → pool ${Math.min(w, envNumber('BENCH_MAX_POOL', 32))}`)
    .join(', '),
  streams: envNumber('BENCH_STREAMS', 1024),
  relay: `${envNumber('BENCH_RELAY_WRITERS', 32)} writers, up to ${envNumber('BENCH_RELAY_COMMANDS', 50_000)} commands or ${envNumber('BENCH_RELAY_SECONDS', 60)} s`,
};
console.error(
  `bench: ${info.cpus} × ${info.model}, ${info.postgres.split(' on ')[0]}, Node ${info.node}; ${settings.seconds} s per cell`,
);

const kafkaTopic = wantRelay ? await createTopic() : undefined;
const runs: Run[] = [];
let profiled: Run | undefined;
try {
  for (const name of contenderNames) {
    console.error(`${name}:`);
    runs.push(await runContender(name, kafkaTopic?.topic));
  }
  if (wantProfile && contenderNames.includes('parcours')) {
    // Profiled separately (the profiler's own memory would skew the RSS), on the target cells only.
    console.error('parcours (CPU profile, 32 writers):');
    const profileDir = join(here, 'profiles');
    mkdirSync(profileDir, { recursive: true });
    profiled = await runContender('parcours', undefined, {
      profileDir,
      env: { BENCH_SCENARIOS: 'new-1,new-10', BENCH_WRITERS: '32', BENCH_RELAY: '0' },
    });
  }
} finally {
  await kafkaTopic?.drop();
}

const results = runs.map((r) => r.result);
const table = throughputTable(results, writerCounts);
const targetList = targets(results, RSS_LIMIT_MIB);
const relay = results.find((r) => r.relay)?.relay;
const waits = runs
  .map(
    (r) =>
      `| ${r.result.contender} | ${r.waits.map((w) => `${w.event} ${(100 * w.share).toFixed(0)}%`).join(', ')} |`,
  )
  .join('\n');

const report = `# Event store append benchmark

${info.date} · ${info.cpus} × ${info.model}, ${info.memoryGiB.toFixed(0)} GiB · ${info.postgres} · Node ${info.node} · Kafka ${info.kafka}

Run with \`node bench/eventstore/run.ts\` (settings below; child Node flags: ${nodeFlags.join(' ') || 'none'}). Findings and what would close the gaps: [FINDINGS.md](FINDINGS.md). Each contender runs in its own Node
process, one after the other, on its own fresh database of the same PostgreSQL server, dropped at
the end. The bench process competes with PostgreSQL for the same cores.

## Settings

- ${settings.seconds} s measured per cell after ${settings.warmup} s warm-up; writers ${settings.writers.join(', ')} (async workers, back to back).
- Pools: ${settings.poolSizes}, the same for every contender (Parcours: MikroORM's pg pool via \`Database.connect({ poolSize })\`; Emmett: a \`pg.Pool({ max })\` passed as \`connectionOptions.pool\`; raw: \`pg.Pool({ max })\`).
- Events: intake-like JSON, ~450 bytes of data (ids, codes, a base64 "ciphertext") + ~110 bytes of metadata.
- **Parcours**: \`appendToStream\` with one outbox row (integration event) per command, one SQL statement; existing streams through \`handleCommand\` (read stream, fold, decide, append).
- **Emmett** 0.42.0: \`getPostgreSQLEventStore().appendToStream(..., { expectedStreamVersion })\` (BEGIN, \`emt_append_to_stream()\`, COMMIT); existing streams through Emmett's \`CommandHandler\`. No outbox.
- **Raw INSERT** (the limit): the same event rows into one comparable table, autocommit: 1 event = single-row INSERT, 10 events = one multi-row INSERT; existing streams = SELECT the stream, then INSERT. No outbox.
- Existing-stream cells: ${settings.streams} streams created first (one command each), each writer cycling over its own share (no version conflicts).
- Relay: ${settings.relay}.

## Append throughput

Cells: commands/s (events/s for 10-event commands) · p50/p99 command latency in ms. Ratios compare events/s.

${table}

## Targets

${targetTable(targetList)}

## Outbox relay

${relaySection(relay)}

## Memory

${results.map((r) => `- ${r.contender}: max RSS ${r.maxRssMiB.toFixed(0)} MiB`).join('\n')}

## Where PostgreSQL backends waited (pg_stat_activity, sampled every 100 ms, active backends)

| Contender | Top waits (CPU = running) |
|---|---|
${waits}

## Profile

${profiled ? `Separate run of the Parcours contender, 1- and 10-event commands on new streams at 32 writers, with \`--cpu-prof\` (PostgreSQL waits during it: ${profiled.waits.map((w) => `${w.event} ${(100 * w.share).toFixed(0)}%`).join(', ')}).\n\n` : ''}${profileSection(profiled?.profile)}
`;

console.log(`\n${table}\n\n${targetTable(targetList)}\n\n${relaySection(relay)}`);
writeFileSync(reportPath, report);
console.error(`\nreport written to ${relative(process.cwd(), reportPath)}`);
