// The three benches of a series: how each is run in a checkout (arguments, environment, the ports
// it takes) and the figures read from its output. The output is the text both checkouts' benches
// print (the bench scripts are the same at the start commit), so one reading serves both sides.

/** One figure of one run; `better` says which way a change is a loss. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  better: 'higher' | 'lower';
}

export interface BenchSpec {
  name: 'eventstore' | 'intake' | 'referral';
  title: string;
  args: string[];
  /** Besides BENCH_REPORT, which the series points at its own directory for every run. */
  env: Record<string, string>;
  ports: number[];
  /** Figures from the bench's stdout and stderr; throws when an expected figure is missing. */
  figures(stdout: string, stderr: string): Figure[];
  /** Correctness the run must show (nothing lost, nothing doubled): problems found, if any. */
  problems(stdout: string, stderr: string): string[];
}

export interface CellLengths {
  eventstoreSeconds: number;
  intakeSeconds: number;
  referralSeconds: number;
  referralRates: number[];
}

function number(text: string | undefined, what: string): number {
  const value = Number(text?.replaceAll(',', ''));
  if (text === undefined || !Number.isFinite(value)) throw new Error(`no ${what} in the bench's output`);
  return value;
}

export function benches(cells: CellLengths): BenchSpec[] {
  const scenarios = ['new-1', 'new-10', 'existing-1'];
  return [
    {
      name: 'eventstore',
      title: 'Event store (32 writers; Emmett in the same run)',
      args: ['bench/eventstore/run.ts'],
      env: {
        // Emmett's contender is the same code on both sides: Parcours ÷ Emmett in one run is the
        // event store's figure with that run's machine divided out, as the intake's contender is.
        BENCH_CONTENDERS: 'parcours,emmett',
        BENCH_WRITERS: '32',
        BENCH_SCENARIOS: scenarios.join(','),
        BENCH_SECONDS: String(cells.eventstoreSeconds),
        BENCH_WARMUP: '2',
        BENCH_RELAY: '0',
        BENCH_CPU_PROF: '0',
      },
      ports: [],
      figures(_stdout, stderr) {
        // A contender's line per cell: "parcours new-1 x32 10298 cmd/s 10298 ev/s p50 2.70 ms p99 8.27 ms"
        const cell = (contender: string, scenario: string) =>
          new RegExp(
            `${contender}\\s+${scenario}\\s+x32\\s+(\\d+) cmd/s\\s+(\\d+) ev/s\\s+p50 ([\\d.]+) ms\\s+p99 ([\\d.]+) ms`,
          ).exec(stderr);
        return scenarios.flatMap((scenario) => {
          const [parcours, emmett] = [cell('parcours', scenario), cell('emmett', scenario)];
          const events = scenario.endsWith('-10');
          const rate = number(parcours?.[events ? 2 : 1], `${scenario} rate`);
          return [
            {
              name: `${scenario} ${events ? 'events' : 'commands'}/s`,
              value: rate,
              unit: '/s',
              better: 'higher' as const,
            },
            {
              name: `${scenario} Parcours ÷ Emmett`,
              value: rate / number(emmett?.[events ? 2 : 1], `${scenario} Emmett rate`),
              unit: '×',
              better: 'higher' as const,
            },
            {
              name: `${scenario} p99`,
              value: number(parcours?.[4], `${scenario} p99`),
              unit: 'ms',
              better: 'lower' as const,
            },
          ];
        });
      },
      problems: (_stdout, stderr) => (/ errors/.test(stderr) ? ['append errors (see log)'] : []),
    },
    {
      name: 'intake',
      title: 'Intake over HTTP (32 connections) and its contender',
      args: ['bench/intake/run.ts'],
      env: {
        INTAKE_BENCH_SECONDS: String(cells.intakeSeconds),
      },
      ports: [3901, 3902],
      figures(stdout) {
        const rate = number(/helpline calls recorded per second \| (\d+)/.exec(stdout)?.[1], 'calls/s');
        const latency = /latency p50 \/ p90 \/ p99 \/ max \| (\d+) \/ (\d+) \/ (\d+) \/ (\d+) ms/.exec(
          stdout,
        );
        const contender = number(/same flags\): (\d+) requests\/s/.exec(stdout)?.[1], 'contender rate');
        return [
          { name: 'helpline calls/s', value: rate, unit: '/s', better: 'higher' },
          { name: 'calls/s ÷ contender', value: rate / contender, unit: '×', better: 'higher' },
          { name: 'p50', value: number(latency?.[1], 'p50'), unit: 'ms', better: 'lower' },
          { name: 'p99', value: number(latency?.[3], 'p99'), unit: 'ms', better: 'lower' },
          { name: 'contender requests/s', value: contender, unit: '/s', better: 'higher' },
          {
            name: 'CSV import, 1,000 rows',
            value: number(/CSV import of 1,000 rows \| (\d+) ms/.exec(stdout)?.[1], 'CSV import'),
            unit: 'ms',
            better: 'lower',
          },
          {
            name: 'service max RSS',
            value: number(/resident memory during the run \| (\d+) MiB/.exec(stdout)?.[1], 'RSS'),
            unit: 'MiB',
            better: 'lower',
          },
        ];
      },
      problems(stdout) {
        const found: string[] = [];
        const errors = /requests, non-2xx, errors \| \d+, (\d+), (\d+)/.exec(stdout);
        if (errors?.[1] !== '0' || errors[2] !== '0')
          found.push(`non-2xx or errors: ${errors?.slice(1).join(', ')}`);
        const backlog = /time to drain \| (\d+),/.exec(stdout);
        if (backlog?.[1] !== '0') found.push(`outbox not drained: ${backlog?.[1]}`);
        const csv = /(\d+) imported, (\d+) failed/.exec(stdout);
        if (csv?.[1] !== '1000' || csv?.[2] !== '0') found.push(`CSV import: ${csv?.[0]}`);
        return found;
      },
    },
    {
      name: 'referral',
      title: 'Intake → referral, accepted call to its row in the office inbox',
      args: [
        'bench/referral/run.ts',
        ...cells.referralRates.flatMap((r) => [String(r), String(cells.referralSeconds)]),
      ],
      env: {},
      ports: [3911, 3912],
      figures(stdout) {
        const results = referralResults(stdout);
        return cells.referralRates.flatMap((rate) => {
          const r = results.find((x) => x.rate === rate);
          return [
            {
              name: `${rate}/s p50`,
              value: number(r && String(r.p50), `${rate}/s p50`),
              unit: 'ms',
              better: 'lower' as const,
            },
            {
              name: `${rate}/s p99`,
              value: number(r && String(r.p99), `${rate}/s p99`),
              unit: 'ms',
              better: 'lower' as const,
            },
          ];
        });
      },
      problems: (stdout) => {
        const results = referralResults(stdout);
        return [
          ...results
            .filter((r) => r.failed + r.missing + r.doubled > 0)
            .map((r) => `${r.rate}/s: ${r.failed} failed, ${r.missing} missing, ${r.doubled} doubled`),
          // A driver that could not keep its rate measured a lighter load than it names.
          ...results
            .filter((r) => r.achievedRate < 0.9 * r.rate)
            .map((r) => `${r.rate}/s: the driver sent ${r.achievedRate}/s`),
        ];
      },
    },
  ];
}

interface ReferralResult {
  rate: number;
  achievedRate: number;
  p50: number;
  p99: number;
  failed: number;
  missing: number;
  doubled: number;
}

/** The referral bench prints one JSON object per rate on its own line. */
function referralResults(stdout: string): ReferralResult[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{"rate"'))
    .map((line) => JSON.parse(line) as ReferralResult);
}
