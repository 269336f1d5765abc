// What a series concludes: per bench and figure, the after/before ratio of every pair, the spread
// between repeated runs of the same code, and whether the ratio lies beyond it; then the report.
import type { Figure } from './benches.ts';
import type { BenchRun, Side } from './checkouts.ts';

export interface SeriesRun {
  bench: string;
  side: Side;
  pair: number;
  startedAt: string;
  run?: BenchRun;
  figures: Figure[];
  problems: string[];
  error?: string;
}

export interface Comparison {
  bench: string;
  figure: string;
  unit: string;
  better: 'higher' | 'lower';
  before: number[];
  after: number[];
  ratios: number[];
  ratio: number;
  spread: number;
  verdict: 'loss beyond spread' | 'gain beyond spread' | 'within spread' | 'one run per side';
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** How far apart runs of the same code fell: max / min − 1 (0 with a single run). */
const spreadOf = (values: number[]) =>
  values.length < 2 ? 0 : Math.max(...values) / Math.min(...values) - 1;

export function compare(runs: SeriesRun[]): Comparison[] {
  const comparisons: Comparison[] = [];
  const keys = new Map<string, Figure>();
  for (const r of runs) for (const f of r.figures) keys.set(`${r.bench}\u0000${f.name}`, f);
  for (const [key, figure] of keys) {
    const [bench] = key.split('\u0000') as [string];
    const value = (side: Side, pair: number) =>
      runs
        .find((r) => r.bench === bench && r.side === side && r.pair === pair)
        ?.figures.find((f) => f.name === figure.name)?.value;
    const pairs = [...new Set(runs.filter((r) => r.bench === bench).map((r) => r.pair))].sort(
      (a, b) => a - b,
    );
    const before = pairs.map((p) => value('before', p)).filter((v) => v !== undefined);
    const after = pairs.map((p) => value('after', p)).filter((v) => v !== undefined);
    const ratios = pairs.flatMap((p) => {
      const [a, b] = [value('after', p), value('before', p)];
      return a !== undefined && b !== undefined && b > 0 ? [a / b] : [];
    });
    if (ratios.length === 0) continue;
    const ratio = median(ratios);
    const spread = Math.max(spreadOf(before), spreadOf(after));
    const worse = figure.better === 'higher' ? ratio < 1 / (1 + spread) : ratio > 1 + spread;
    const better = figure.better === 'higher' ? ratio > 1 + spread : ratio < 1 / (1 + spread);
    comparisons.push({
      bench,
      figure: figure.name,
      unit: figure.unit,
      better: figure.better,
      before,
      after,
      ratios,
      ratio,
      spread,
      verdict:
        before.length < 2 && after.length < 2
          ? 'one run per side'
          : worse
            ? 'loss beyond spread'
            : better
              ? 'gain beyond spread'
              : 'within spread',
    });
  }
  return comparisons;
}

const fmt = (n: number, unit: string) =>
  unit === '×'
    ? n.toFixed(2)
    : n >= 100
      ? Math.round(n).toLocaleString('en-US')
      : String(Number(n.toFixed(1)));

/** The pairs table: the report's first section and bench/README.md's. */
export function pairsTable(comparisons: Comparison[], titles: Record<string, string>): string {
  const lines = [
    '| bench | figure | before (start code) | after | after ÷ before, per pair | median | same-code spread | |',
    '|---|---|--:|--:|---|--:|--:|---|',
  ];
  for (const c of comparisons) {
    lines.push(
      `| ${titles[c.bench] ?? c.bench} | ${c.figure} (${c.unit}, ${c.better} is better) | ${c.before.map((v) => fmt(v, c.unit)).join(', ')} | ${c.after.map((v) => fmt(v, c.unit)).join(', ')} | ${c.ratios.map((r) => r.toFixed(2)).join(', ')} | **${c.ratio.toFixed(2)}** | ±${(100 * c.spread).toFixed(0)} % | ${c.verdict} |`,
    );
  }
  return lines.join('\n');
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  postgres: string;
  kafka: string;
  nodes: Record<Side, string>;
}

export function runsTable(runs: SeriesRun[]): string {
  const lines = [
    '| # | bench | pair | side | started (UTC) | wall | load avg before → after (1 min) | figures | left behind |',
    '|--:|---|--:|---|---|--:|---|---|---|',
  ];
  runs.forEach((r, i) => {
    const left = r.run
      ? [
          r.run.processesLeft ? `${r.run.processesLeft} processes` : '',
          r.run.databasesLeft.length ? `databases ${r.run.databasesLeft.join(', ')}` : '',
          r.run.topicsLeft ? `${r.run.topicsLeft} topics` : '',
        ]
          .filter(Boolean)
          .join('; ') || 'nothing'
      : '–';
    const figures = r.error
      ? `**failed**: ${r.error}`
      : r.figures.map((f) => `${f.name} ${fmt(f.value, f.unit)}`).join(' · ') +
        (r.problems.length ? ` · **${r.problems.join('; ')}**` : '');
    lines.push(
      `| ${i + 1} | ${r.bench} | ${r.pair} | ${r.side} | ${r.startedAt.slice(11, 19)} | ${r.run ? `${r.run.seconds.toFixed(0)} s` : '–'} | ${r.run ? `${r.run.load.before[0]!.toFixed(2)} → ${r.run.load.after[0]!.toFixed(2)}` : '–'} | ${figures} | ${left} |`,
    );
  });
  return lines.join('\n');
}

export function loadSummary(runs: SeriesRun[]): string {
  const loads = runs.flatMap((r) => (r.run ? [r.run.load.before[0]!, r.run.load.after[0]!] : []));
  if (loads.length === 0) return 'not measured';
  return `1-minute load average ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} (median ${median(loads).toFixed(2)}) at the starts and ends of the runs`;
}

/** `text` with what lies between the series' markers replaced by `body` (appended when absent). */
export function withSection(text: string, body: string): string {
  const [open, close] = ['<!-- series:start -->', '<!-- series:end -->'];
  const section = `${open}\n${body}\n${close}`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  return start >= 0 && end > start
    ? text.slice(0, start) + section + text.slice(end + close.length)
    : `${text}\n${section}\n`;
}

/** One line per verdict that counts: the losses beyond the spread first, then the gains. */
export function verdicts(comparisons: Comparison[], titles: Record<string, string>): string {
  const named = (verdict: Comparison['verdict']) =>
    comparisons
      .filter((c) => c.verdict === verdict)
      .map(
        (c) =>
          `${titles[c.bench] ?? c.bench}: ${c.figure} ${c.ratio.toFixed(2)} (spread ±${(100 * c.spread).toFixed(0)} %)`,
      );
  const losses = named('loss beyond spread');
  const gains = named('gain beyond spread');
  return [
    `**Losses beyond the spread: ${losses.length ? losses.join('; ') : 'none'}.**`,
    `Gains beyond the spread: ${gains.length ? gains.join('; ') : 'none'}.`,
  ].join(' ');
}
