import { describe, expect, it } from 'vitest';
import { benches } from './benches.ts';
import { compare, type SeriesRun, verdicts, withSection } from './report.ts';

const [eventstore, intake, referral] = benches({
  eventstoreSeconds: 3,
  intakeSeconds: 3,
  referralSeconds: 3,
  referralRates: [50, 200],
});

const run = (
  side: 'before' | 'after',
  pair: number,
  value: number,
  better: 'higher' | 'lower' = 'higher',
): SeriesRun => ({
  bench: 'intake',
  side,
  pair,
  startedAt: '2026-11-30T23:00:00.000Z',
  figures: [{ name: 'helpline calls/s', value, unit: '/s', better }],
  problems: [],
});

/** Two pairs, the first run before then after, the second after then before, as a series runs them. */
const twoPairs = (before: [number, number], after: [number, number], better: 'higher' | 'lower' = 'higher') =>
  compare([
    run('before', 1, before[0], better),
    run('after', 1, after[0], better),
    run('after', 2, after[1], better),
    run('before', 2, before[1], better),
  ])[0];

describe('a series compares each pair against the spread of the same code', () => {
  it('takes a ratio inside the runs of the same code as within the spread', () => {
    const c = twoPairs([1000, 1100], [950, 1050]);
    expect(c?.ratios.map((r) => Number(r.toFixed(3)))).toEqual([0.95, 0.955]);
    expect(c?.spread).toBeCloseTo(0.105, 3);
    expect(c?.verdict).toBe('within spread');
  });

  it('calls a rate that falls below what the same code gave of itself a loss', () => {
    expect(twoPairs([1000, 1020], [800, 820])?.verdict).toBe('loss beyond spread');
  });

  it('reads a higher latency as the loss, not a lower one', () => {
    expect(twoPairs([10, 11], [20, 21], 'lower')?.verdict).toBe('loss beyond spread');
    expect(twoPairs([20, 21], [10, 10], 'lower')?.verdict).toBe('gain beyond spread');
  });

  it('names the losses beyond the spread first', () => {
    const loss = twoPairs([1000, 1020], [800, 820])!;
    expect(verdicts([loss], { intake: 'Intake' })).toBe(
      '**Losses beyond the spread: Intake: helpline calls/s 0.80 (spread ±2 %).** Gains beyond the spread: none.',
    );
  });

  it('gives no verdict from a single pair', () => {
    expect(compare([run('before', 1, 1000), run('after', 1, 500)])[0]?.verdict).toBe('one run per side');
  });
});

describe("the series reads each bench's output", () => {
  it("reads the event store's contender lines and Parcours' ratio to Emmett in the same run", () => {
    const stderr = [
      '  parcours new-1        x32    1339 cmd/s    1339 ev/s  p50 21.87 ms  p99 50.00 ms',
      '  parcours new-10       x32     415 cmd/s    4146 ev/s  p50 71.96 ms  p99 126.59 ms',
      '  parcours existing-1   x32     502 cmd/s     502 ev/s  p50 53.77 ms  p99 263.21 ms',
      'emmett:',
      '  emmett   new-1        x32     500 cmd/s     500 ev/s  p50 60.00 ms  p99 90.00 ms',
      '  emmett   new-10       x32     200 cmd/s    2000 ev/s  p50 150.00 ms  p99 200.00 ms',
      '  emmett   existing-1   x32     251 cmd/s     251 ev/s  p50 100.00 ms  p99 300.00 ms',
    ].join('\n');
    expect(eventstore!.figures('', stderr).map((f) => [f.name, Number(f.value.toFixed(3))])).toEqual([
      ['new-1 commands/s', 1339],
      ['new-1 Parcours ÷ Emmett', 2.678],
      ['new-1 p99', 50],
      ['new-10 events/s', 4146],
      ['new-10 Parcours ÷ Emmett', 2.073],
      ['new-10 p99', 126.59],
      ['existing-1 commands/s', 502],
      ['existing-1 Parcours ÷ Emmett', 2],
      ['existing-1 p99', 263.21],
    ]);
    expect(() => eventstore!.figures('', stderr.split('emmett:')[0]!)).toThrow(/Emmett rate/);
  });

  it("reads the intake report, its contender's rate, and the problems it shows", () => {
    const stdout = `| helpline calls recorded per second | 188 | ≥ 1,000/s: missed |
| latency p50 / p90 / p99 / max | 140 / 282 / 540 / 540 ms | p99 < 50 ms: missed |
| requests, non-2xx, errors | 563, 0, 0 | |
| outbox backlog after the run, time to drain | 0, 583 ms | relay keeps up |
| service max resident memory during the run | 193 MiB | ≤ 256 MiB: met |
| CSV import of 1,000 rows | 4223 ms, 1000 imported, 0 failed | < 5 s: met |

of the body per request; same load, same flags): 247 requests/s, p50
104 ms, p99 639 ms, 0 non-2xx, 146 MiB.`;
    const figures = Object.fromEntries(intake!.figures(stdout, '').map((f) => [f.name, f.value]));
    expect(figures['helpline calls/s']).toBe(188);
    expect(figures['calls/s ÷ contender']).toBeCloseTo(188 / 247);
    expect(figures['p99']).toBe(540);
    expect(figures['CSV import, 1,000 rows']).toBe(4223);
    expect(intake!.problems(stdout, '')).toEqual([]);
    expect(intake!.problems(stdout.replace('563, 0, 0', '563, 3, 0'), '')).toEqual([
      'non-2xx or errors: 3, 0',
    ]);
    expect(() => intake!.figures(stdout.replace('247 requests/s', 'n/a'), '')).toThrow(/contender rate/);
  });

  it('reads the referral lines and finds a missing referral or a driver that fell behind', () => {
    const line = (rate: number, over: object = {}) =>
      JSON.stringify({
        rate,
        seconds: 3,
        sent: rate * 3,
        achievedRate: rate,
        failed: 0,
        visible: rate * 3,
        missing: 0,
        doubled: 0,
        p50: 7,
        p99: 17,
        max: 20,
        ...over,
      });
    const stdout = `${line(50)}\n${line(200, { missing: 4, achievedRate: 120 })}\n# Referral: …`;
    expect(referral!.figures(stdout, '').map((f) => [f.name, f.value])).toEqual([
      ['50/s p50', 7],
      ['50/s p99', 17],
      ['200/s p50', 7],
      ['200/s p99', 17],
    ]);
    expect(referral!.problems(stdout, '')).toEqual([
      '200/s: 0 failed, 4 missing, 0 doubled',
      '200/s: the driver sent 120/s',
    ]);
  });
});

describe("the series' section of bench/README.md", () => {
  it('replaces what lies between its markers and nothing else', () => {
    const readme = '# Benchmarks\n\n<!-- series:start -->\n_Not run yet._\n<!-- series:end -->\n\n## Web\n';
    const once = withSection(readme, '| pairs |');
    expect(once).toBe('# Benchmarks\n\n<!-- series:start -->\n| pairs |\n<!-- series:end -->\n\n## Web\n');
    expect(withSection(once, '| again |')).toContain(
      '<!-- series:start -->\n| again |\n<!-- series:end -->\n\n## Web',
    );
  });
});
