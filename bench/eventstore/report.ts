import type { ContenderResult } from './contender.ts';
import type { RelayResult } from './relay.ts';
import { type CellResult, scenarios } from './workload.ts';

export interface Machine {
  cpus: number;
  model: string;
  memoryGiB: number;
  postgres: string;
  node: string;
  kafka: string;
  date: string;
}

export interface Settings {
  seconds: number;
  warmup: number;
  writers: number[];
  poolSizes: string;
  streams: number;
  relay: string;
}

export interface Target {
  name: string;
  wanted: string;
  got: string;
  met: boolean | undefined;
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || !Number.isFinite(n)
    ? '–'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function cell(results: ContenderResult[], contender: string, scenario: string, writers: number) {
  return results
    .find((r) => r.contender === contender)
    ?.cells.find((c) => c.scenario === scenario && c.writers === writers);
}

function describe(c: CellResult | undefined): string {
  if (!c) return '–';
  const rate =
    c.eventsPerSecond === c.commandsPerSecond
      ? fmt(c.commandsPerSecond)
      : `${fmt(c.commandsPerSecond)} (${fmt(c.eventsPerSecond)} ev)`;
  return `${rate} · ${fmt(c.p50Ms, 1)}/${fmt(c.p99Ms, 1)}`;
}

const ratio = (a: CellResult | undefined, b: CellResult | undefined) =>
  a && b && b.eventsPerSecond > 0 ? `${fmt(a.eventsPerSecond / b.eventsPerSecond, 2)}×` : '–';

/** One row per scenario × writers; each contender's rate, latency, and Parcours' ratios. */
export function throughputTable(results: ContenderResult[], writerCounts: number[]): string {
  const lines = [
    `| Scenario | Writers | Parcours cmd/s · p50/p99 ms | Emmett cmd/s · p50/p99 ms | Raw INSERT cmd/s · p50/p99 ms | Parcours / Emmett | Parcours / raw |`,
    '|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const scenario of scenarios) {
    for (const writers of writerCounts) {
      const p = cell(results, 'parcours', scenario.id, writers);
      const e = cell(results, 'emmett', scenario.id, writers);
      const r = cell(results, 'raw', scenario.id, writers);
      if (!p && !e && !r) continue;
      lines.push(
        `| ${scenario.label} | ${writers} | ${describe(p)} | ${describe(e)} | ${describe(r)} | ${ratio(p, e)} | ${ratio(p, r)} |`,
      );
    }
  }
  return lines.join('\n');
}

export function targets(results: ContenderResult[], rssLimitMiB: number): Target[] {
  const p1 = cell(results, 'parcours', 'new-1', 32);
  const e1 = cell(results, 'emmett', 'new-1', 32);
  const r1 = cell(results, 'raw', 'new-1', 32);
  const p10 = cell(results, 'parcours', 'new-10', 32);
  const e10 = cell(results, 'emmett', 'new-10', 32);
  const r10 = cell(results, 'raw', 'new-10', 32);
  const against = (
    name: string,
    a: CellResult | undefined,
    b: CellResult | undefined,
    factor: number,
    unit: string,
  ) => {
    const value = a && b ? a.eventsPerSecond / b.eventsPerSecond : undefined;
    return {
      name,
      wanted: `≥ ${factor}×`,
      got:
        value === undefined
          ? 'not measured'
          : `${fmt(value, 2)}× (${fmt(a?.eventsPerSecond)} vs ${fmt(b?.eventsPerSecond)} ${unit})`,
      met: value === undefined ? undefined : value >= factor,
    };
  };
  const relayResult = results.find((r) => r.relay)?.relay;
  const relay: Target =
    !relayResult || 'error' in relayResult
      ? {
          name: 'Relay keeps up with 32 writers (backlog bounded, drains)',
          wanted: 'bounded, drains',
          got: relayResult ? `failed: ${relayResult.error}` : 'not measured',
          met: undefined,
        }
      : relayTarget(relayResult);
  const maxRss = Math.max(...results.map((r) => r.maxRssMiB));
  return [
    against('1-event commands, 32 writers: Parcours vs Emmett', p1, e1, 1.5, 'cmd/s'),
    against('1-event commands, 32 writers: Parcours vs raw INSERT', p1, r1, 0.5, 'cmd/s'),
    against('10-event commands, 32 writers: Parcours vs Emmett (events/s)', p10, e10, 1.5, 'ev/s'),
    against(
      '10-event commands, 32 writers: Parcours vs raw multi-row INSERT (events/s)',
      p10,
      r10,
      0.7,
      'ev/s',
    ),
    relay,
    {
      name: 'Max RSS of every bench process',
      wanted: `≤ ${rssLimitMiB} MiB`,
      got: results.map((r) => `${r.contender} ${fmt(r.maxRssMiB)} MiB`).join(', '),
      met: maxRss <= rssLimitMiB,
    },
  ];
}

/**
 * Keeping up: the relay published at least as fast as the writers appended (within 10%), and the
 * backlog did not grow without bound, i.e. it drained once the writers stopped within a few seconds.
 */
function relayTarget(r: RelayResult): Target {
  const keepsUp = r.publishPerSecondDuringAppend >= 0.9 * r.appendPerSecond;
  const met = r.drained && (keepsUp || r.drainSeconds <= 5);
  return {
    name: 'Relay keeps up with 32 writers (backlog bounded, drains)',
    wanted: 'publish rate ≈ append rate, backlog bounded and drained',
    got: `append ${fmt(r.appendPerSecond)}/s, publish ${fmt(r.publishPerSecondDuringAppend)}/s meanwhile; max backlog ${fmt(r.maxBacklog)}; ${r.drained ? `drained ${fmt(r.drainSeconds, 1)} s after the writers stopped` : 'did NOT drain'}`,
    met,
  };
}

export function targetTable(list: Target[]): string {
  const mark = (met: boolean | undefined) => (met === undefined ? 'n/a' : met ? '**met**' : '**missed**');
  return [
    '| Target | Wanted | Got | |',
    '|---|---|---|---|',
    ...list.map((t) => `| ${t.name} | ${t.wanted} | ${t.got} | ${mark(t.met)} |`),
  ].join('\n');
}

export function relaySection(r: RelayResult | { error: string } | undefined): string {
  if (!r) return '_Relay phase not run._';
  if ('error' in r) return `_Relay phase failed: ${r.error}_`;
  const step = Math.max(1, Math.ceil(r.samples.length / 30));
  const sparkline = r.samples
    .filter((_, i) => i % step === 0 || i === r.samples.length - 1)
    .map((s) => `${fmt(s.t, 1)}s:${fmt(s.backlog)}`)
    .join(' ');
  return [
    `- ${r.writers} writers appending 1-event commands (one outbox row each) on one pool of ${r.poolSize}, relay batch ${r.batchSize}, publishing to Kafka with the idempotent producer (acks=all).`,
    `- Appended ${fmt(r.appended)} commands in ${fmt(r.appendSeconds, 1)} s: **${fmt(r.appendPerSecond)} cmd/s**.`,
    `- Relay published ${fmt(r.publishedDuringAppend)} messages meanwhile: **${fmt(r.publishPerSecondDuringAppend)} msg/s**; overall (until drained) ${fmt(r.publishPerSecondOverall)} msg/s.`,
    `- Backlog: max **${fmt(r.maxBacklog)}**, ${fmt(r.backlogAtAppendEnd)} when the writers stopped, ${r.drained ? `drained ${fmt(r.drainSeconds, 1)} s later` : '**not drained** within the timeout'}.`,
    `- Relay alone on a pre-filled outbox of ${fmt(r.prefilled)} rows: **${fmt(r.prefilledPublishPerSecond)} msg/s**.`,
    `- Backlog samples (every ${step * 500} ms shown): ${sparkline}`,
  ].join('\n');
}
