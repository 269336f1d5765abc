import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/** What one command does: how many events, on a new stream or on one that exists. */
export interface Scenario {
  id: string;
  label: string;
  events: 1 | 10;
  existing: boolean;
}

export const scenarios: Scenario[] = [
  { id: 'new-1', label: '1 event, new stream', events: 1, existing: false },
  { id: 'new-10', label: '10 events, new stream', events: 10, existing: false },
  { id: 'existing-1', label: '1 event, existing stream (read + decide + append)', events: 1, existing: true },
  {
    id: 'existing-10',
    label: '10 events, existing stream (read + decide + append)',
    events: 10,
    existing: true,
  },
];

export interface BenchEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** Measured numbers of one cell (contender × scenario × writers). */
export interface CellResult {
  contender: string;
  scenario: string;
  writers: number;
  poolSize: number;
  seconds: number;
  commands: number;
  events: number;
  commandsPerSecond: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

// A few pre-made "encrypted" blobs: the payload looks like a sealed envelope without paying for
// random bytes on every command.
const blobs = Array.from({ length: 16 }, () => randomBytes(180).toString('base64'));
const offences = ['violence.domestic', 'violence.sexual', 'theft.aggravated', 'fraud.online', 'harassment'];
const channels = ['phone', 'walk-in', 'referral.police', 'web'];
const urgencies = ['low', 'normal', 'high', 'immediate'];
let counter = 0;

/** An intake-like domain event of ~400 bytes of JSON. */
export function intakeEvent(caseId: string, index: number): BenchEvent {
  const n = counter++;
  return {
    type: index === 0 ? 'IntakeRecorded' : 'IntakeNoteAdded',
    data: {
      caseId,
      intakeId: randomUUID(),
      office: `fr-75-${String(n % 20).padStart(2, '0')}`,
      channel: channels[n % channels.length],
      offenceCategory: offences[n % offences.length],
      urgency: urgencies[n % urgencies.length],
      needs: ['legal.information', 'psychological.support'],
      receivedAt: '2025-03-14T09:26:53.589Z',
      victim: {
        alg: 'A256GCM',
        kid: 'subject-key-v1',
        iv: 'q1w2e3r4t5y6u7i8',
        ciphertext: blobs[n % blobs.length],
      },
    },
    metadata: {
      actor: { id: 'counsellor-0042', roles: ['counsellor'], office: 'fr-75-01' },
      correlationId: caseId,
    },
  };
}

export function commandEvents(caseId: string, count: number): BenchEvent[] {
  return Array.from({ length: count }, (_, i) => intakeEvent(caseId, i));
}

/** The integration event a command publishes through the outbox. */
export function integrationEvent(caseId: string) {
  return {
    id: randomUUID(),
    type: 'fr.parcours.intake.ready-for-orientation.v1',
    source: '/parcours/intake',
    subject: caseId,
    time: new Date().toISOString(),
    data: { caseId, urgency: 'high', offenceCategory: 'violence.domestic', needs: ['legal.information'] },
  };
}

export function envNumber(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a number, got ${value}`);
  return parsed;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Runs `writers` async workers, each calling `command(worker, seq)` back to back. */
export async function drive(
  writers: number,
  seconds: number,
  command: (worker: number, seq: number) => Promise<void>,
): Promise<{
  commands: number;
  elapsed: number;
  latencies: Float64Array;
  errors: number;
  firstError?: unknown;
}> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, worker) => {
      for (let seq = 0; performance.now() < end; seq++) {
        const t0 = performance.now();
        try {
          await command(worker, seq);
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= error;
          if (errors > 100) throw error;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return { commands: latencies.length, elapsed, latencies: sorted, errors, firstError };
}
