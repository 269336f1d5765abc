// What the service benches share: a service in its own process, started as scripts/up.sh starts it,
// its readiness, and its resident memory sampled while the load runs.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_AUDIENCE, DEV_ISSUER } from '@parcours/service-kit';
import { helplineCall } from '../services/intake/src/intake/test-builders.ts';
import { SERVICE_ENV, SERVICE_NODE_FLAGS } from './node-flags.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Node flags services run with (bench/node-flags.ts); BENCH_SERVICE_FLAGS tries others. */
export const serviceNodeFlags = (process.env['BENCH_SERVICE_FLAGS'] ?? SERVICE_NODE_FLAGS)
  .split(' ')
  .filter(Boolean);

export interface RunningService {
  process: ChildProcess;
  base: string;
  stop(): Promise<void>;
}

/**
 * Starts `services/<name>/src/server.ts` (or `script`, a path from the repository root) with the
 * development issuer and `env`, and waits until /health/ready answers. BENCH_PROFILE=dir writes a
 * CPU profile of the service there; BENCH_TELEMETRY=off leaves the telemetry preload out, to price it.
 */
export async function startService(
  name: string,
  port: number,
  env: Record<string, string>,
  script?: string,
): Promise<RunningService> {
  const child = spawn(
    process.execPath,
    [
      ...serviceNodeFlags,
      ...(process.env['BENCH_PROFILE']
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}`]
        : []),
      ...(process.env['BENCH_TELEMETRY'] === 'off' ? [] : ['--import', '@parcours/service-kit/telemetry']),
      script ? resolve(root, script) : 'src/server.ts',
    ],
    {
      cwd: script ? resolve(root, dirname(script)) : resolve(root, 'services', name),
      env: {
        ...process.env,
        SERVICE_NAME: name,
        PORT: String(port),
        HOST: '127.0.0.1',
        REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
        KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
        AUTH_DEV_ISSUER: 'true',
        AUTH_ISSUER: DEV_ISSUER,
        AUTH_AUDIENCE: DEV_AUDIENCE,
        LOG_LEVEL: 'warn',
        ...SERVICE_ENV,
        // A bench is one user at full speed: the per-user limit would be all it measured.
        RATE_LIMIT_MAX: '100000000',
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not become ready`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    process: child,
    base,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** Highest resident memory of a process, sampled every 100 ms from /proc. */
export function sampleRss(pid: number) {
  let max = 0;
  const timer = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      max = Math.max(max, kb);
    } catch {
      // process gone
    }
  }, 100);
  return {
    reset: () => {
      max = 0;
    },
    maxMiB: () => Math.round(max / 1024),
    stop: () => clearInterval(timer),
  };
}

export function machine(): string {
  const model = cpus()[0]?.model ?? 'unknown';
  return `${cpus().length} cores (${model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * The body of helpline call number `i`: the intake tests' complete call, a different victim each
 * time (name, birth date, address), so duplicate flagging does real work.
 */
export function helplineCallBody(
  i: number,
  residence: { countryCode: string; postcode: string; communeCode: string } = {
    countryCode: 'FR',
    postcode: '75011',
    communeCode: '75111',
  },
): string {
  const call = helplineCall() as { profile: object; personal: object };
  const day = String((i % 28) + 1).padStart(2, '0');
  return JSON.stringify({
    ...call,
    profile: { ...call.profile, residence },
    personal: {
      ...call.personal,
      identity: { lastName: `Victime${i}`, firstName: 'Élodie' },
      birthDate: `1990-04-${day}`,
      address: { lines: [`${i} rue de la Roquette`], city: 'Paris' },
    },
  });
}

// Residences across the country: Paris, Lyon, Marseille, Ajaccio, Saint-Denis (Réunion), Bordeaux, Lille.
const residences = [
  ['75011', '75111'],
  ['69003', '69383'],
  ['13008', '13208'],
  ['20000', '2A004'],
  ['97400', '97411'],
  ['33000', '33063'],
  ['59000', '59350'],
] as const;

/** Helpline call number `i`, its residence one of seven across the country (each routes elsewhere). */
export function nationwideCallBody(i: number): string {
  const [postcode, communeCode] = residences[i % residences.length]!;
  return helplineCallBody(i, { countryCode: 'FR', postcode, communeCode });
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * POSTs JSON and resolves with the status and parsed body. Plain node:http on a keep-alive agent:
 * fetch cost the referral driver about a quarter of a core at 200 requests/s, on the same 2 cores
 * as the services it measures.
 */
export function postJson(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolvePost, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: keepAlive,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolvePost({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
