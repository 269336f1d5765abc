import type { ChaosOptions, FaultName } from './harness.ts';

export const allFaults: FaultName[] = [
  'kafka-broker',
  'intake-kill',
  'referral-kill',
  'followup-kill',
  'postgres-restart',
  'redis-stop',
  'kafka-down',
];

/** The full run (bench/README.md): 10,000 calls, Redis down a minute, Kafka down five. */
export const fullRun: ChaosOptions = {
  intakes: 10_000,
  faults: allFaults,
  holdMs: {
    'kafka-broker': 30_000,
    'intake-kill': 5_000,
    'referral-kill': 5_000,
    'followup-kill': 5_000,
    'postgres-restart': 5_000,
    'redis-stop': 60_000,
    'kafka-down': 300_000,
  },
  leadMs: 10_000,
  drainTimeoutMs: 600_000,
  portBase: Number(process.env['CHAOS_PORT_BASE'] ?? 27_000),
};

/** The form CI runs: the same faults, shortened, in a few minutes. */
export const shortRun: ChaosOptions = {
  intakes: 300,
  faults: allFaults,
  holdMs: {
    'kafka-broker': 5_000,
    'intake-kill': 2_000,
    'referral-kill': 2_000,
    'followup-kill': 2_000,
    'postgres-restart': 1_000,
    'redis-stop': 5_000,
    'kafka-down': 20_000,
  },
  leadMs: 3_000,
  drainTimeoutMs: 120_000,
  portBase: Number(process.env['CHAOS_PORT_BASE'] ?? 27_000),
};
