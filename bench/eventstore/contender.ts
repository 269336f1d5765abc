/**
 * One contender in its own process: `node bench/eventstore/contender.ts <parcours|emmett|raw>`,
 * spawned by run.ts with BENCH_DB_URL set to a fresh database. Runs every cell, then (Parcours
 * with BENCH_RELAY=1) the relay phase, and sends its results to the parent over IPC.
 */
import { emmett } from './contenders/emmett.ts';
import { parcours } from './contenders/parcours.ts';
import { raw } from './contenders/raw.ts';
import type { Contender } from './contenders/types.ts';
import { type RelayResult, relayBench } from './relay.ts';
import { type CellResult, drive, envNumber, percentile, scenarios } from './workload.ts';

export interface ContenderResult {
  contender: string;
  cells: CellResult[];
  relay?: RelayResult | { error: string };
  maxRssMiB: number;
}

const name = process.argv[2];
const url = process.env['BENCH_DB_URL'];
if (!name || !url) throw new Error('usage: BENCH_DB_URL=... node contender.ts <parcours|emmett|raw>');
const topic = process.env['BENCH_TOPIC'] ?? 'bench.intake.events.v1';
const seconds = envNumber('BENCH_SECONDS', 10);
const warmup = envNumber('BENCH_WARMUP', 2);
const writerCounts = (process.env['BENCH_WRITERS'] ?? '1,8,32').split(',').map(Number);
const only = process.env['BENCH_SCENARIOS']?.split(',');
const maxPool = envNumber('BENCH_MAX_POOL', 32);

const contenders: Record<string, (url: string) => Contender> = {
  parcours: (u) => parcours(u, topic),
  emmett,
  raw,
};
const make = contenders[name];
if (!make) throw new Error(`unknown contender ${name}`);
const contender = make(url);

const cells: CellResult[] = [];
for (const scenario of scenarios.filter((s) => !only || only.includes(s.id))) {
  for (const writers of writerCounts) {
    const poolSize = Math.min(writers, maxPool);
    const cell = await contender.prepare(scenario, writers, poolSize);
    try {
      if (warmup > 0) await drive(writers, warmup, cell.command);
      const run = await drive(writers, seconds, cell.command);
      if (run.errors > 0)
        console.error(`${name} ${scenario.id} x${writers}: ${run.errors} errors`, run.firstError);
      const result: CellResult = {
        contender: name,
        scenario: scenario.id,
        writers,
        poolSize,
        seconds: run.elapsed,
        commands: run.commands,
        events: run.commands * scenario.events,
        commandsPerSecond: run.commands / run.elapsed,
        eventsPerSecond: (run.commands * scenario.events) / run.elapsed,
        p50Ms: percentile(run.latencies, 50),
        p99Ms: percentile(run.latencies, 99),
        errors: run.errors,
      };
      cells.push(result);
      console.error(
        `  ${name.padEnd(8)} ${scenario.id.padEnd(12)} x${String(writers).padEnd(3)} ${result.commandsPerSecond.toFixed(0).padStart(6)} cmd/s ${result.eventsPerSecond.toFixed(0).padStart(7)} ev/s  p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms`,
      );
    } finally {
      await cell.close();
    }
  }
}

let relay: ContenderResult['relay'];
if (name === 'parcours' && process.env['BENCH_RELAY'] === '1') {
  try {
    relay = await relayBench({
      url,
      brokers: (process.env['BENCH_KAFKA'] ?? '127.0.0.1:9092').split(','),
      topic,
      writers: envNumber('BENCH_RELAY_WRITERS', 32),
      commands: envNumber('BENCH_RELAY_COMMANDS', 50_000),
      maxSeconds: envNumber('BENCH_RELAY_SECONDS', 60),
      drainTimeoutSeconds: envNumber('BENCH_RELAY_DRAIN_SECONDS', 60),
      batchSize: envNumber('BENCH_RELAY_BATCH', 500),
    });
    console.error(
      `  relay: appended ${relay.appended} at ${relay.appendPerSecond.toFixed(0)}/s, published ${relay.publishPerSecondDuringAppend.toFixed(0)}/s meanwhile, max backlog ${relay.maxBacklog}, drained ${relay.drained} in ${relay.drainSeconds.toFixed(1)} s; alone ${relay.prefilledPublishPerSecond.toFixed(0)}/s`,
    );
  } catch (error) {
    relay = { error: error instanceof Error ? error.message : String(error) };
    console.error('  relay phase failed:', error);
  }
}

const result: ContenderResult = {
  contender: name,
  cells,
  ...(relay ? { relay } : {}),
  maxRssMiB: process.resourceUsage().maxRSS / 1024,
};
if (process.send) process.send(result, () => process.exit(0));
else console.log(JSON.stringify(result));
