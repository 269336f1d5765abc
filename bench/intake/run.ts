// Intake over HTTP: helpline calls recorded per second at concurrency 32 with p50/p99 latency,
// the service's resident memory, the outbox drained to Kafka, and the 1,000-row CSV import.
//
//   node bench/intake/run.ts            (INTAKE_BENCH_SECONDS=20, INTAKE_BENCH_CONNECTIONS=32,
//                                        BENCH_REPORT=path instead of bench/intake/REPORT.md)
//
// The service runs in its own process, started as scripts/up.sh starts it (telemetry preload,
// relay and projections in process); the load generator (autocannon) runs in this one. Then, in
// the same run, the same load goes to a contender (bench/intake/contender.ts: a bare Fastify route
// with the same JWT verification that INSERTs one row), so that the intake's calls/s read as a
// ratio of what the stack allows on this machine that day.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_AUDIENCE, DEV_ISSUER, DevIssuer } from '@parcours/service-kit';
import { createTestDatabase, uniqueTopic } from '@parcours/testing';
import autocannon from 'autocannon';
import pg from 'pg';
import { helplineCallBody, machine, sampleRss, startService } from '../support.ts';

const seconds = Number(process.env['INTAKE_BENCH_SECONDS'] ?? 20);
const connections = Number(process.env['INTAKE_BENCH_CONNECTIONS'] ?? 32);
const port = 3901;
const adminUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
process.env['DATABASE_URL'] = adminUrl;

const database = await createTestDatabase('bench_intake');
const topic = uniqueTopic('bench-intake');
const issuer = await DevIssuer.shared({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
const helpline = { authorization: `Bearer ${await issuer.sign('helpline', { expiresIn: '1h' })}` };

const service = await startService('intake', port, {
  DATABASE_URL: database.url,
  KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  MATCH_KEY_SECRET: randomBytes(32).toString('hex'),
  INTAKE_TOPIC: topic,
  DIRECTORY_TOPIC: uniqueTopic('bench-directory'),
  DIRECTORY_CONSUMER_GROUP: `bench-directory-${randomBytes(4).toString('hex')}`,
  // INTAKE_BENCH_WORKERS=false prices the relay and projections (the outbox then stays full).
  RUN_WORKERS: process.env['INTAKE_BENCH_WORKERS'] ?? 'true',
});
const rss = sampleRss(service.process.pid!);
const base = service.base;
let counter = 0;
const body = () => helplineCallBody(++counter);
const load = (duration: number, url = base) =>
  autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/intakes/helpline-calls',
        headers: { ...helpline, 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: body() }),
      },
    ],
  });
try {
  await load(3); // warm-up: JIT, pools, Kafka producer
  rss.reset();
  const result = await load(seconds);
  const accepted = result['2xx'];
  const drainStarted = performance.now();
  const backlog = await waitOutboxEmpty();
  const drainMs = performance.now() - drainStarted;
  const recorded = await count(`SELECT count(*)::int AS n FROM es_events WHERE type = 'IntakeRecorded'`);

  const csv = await csvImport();
  await service.stop();
  const contender = await runContender();

  const report = {
    date: new Date().toISOString(),
    machine: machine(),
    seconds,
    connections,
    requests: result.requests.total,
    rate: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    accepted,
    recorded,
    backlogAtEnd: backlog,
    drainMs,
    maxRssMiB: rss.maxMiB(),
    csv,
    contender,
  };
  print(report);
} finally {
  await service.stop();
  rss.stop();
  await database.drop();
}

/** The same load on the contender, in its own process with the services' flags. */
async function runContender() {
  const contender = await startService(
    'contender',
    port + 1,
    { DATABASE_URL: database.url },
    'bench/intake/contender.ts',
  );
  const memory = sampleRss(contender.process.pid!);
  try {
    await load(3, contender.base);
    memory.reset();
    const result = await load(seconds, contender.base);
    return {
      rate: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      maxRssMiB: memory.maxMiB(),
    };
  } finally {
    await contender.stop();
    memory.stop();
  }
}

async function count(sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(sql)).rows[0]!.n;
  } finally {
    await client.end();
  }
}

async function waitOutboxEmpty(): Promise<number> {
  const deadline = Date.now() + 60_000;
  let backlog = await count('SELECT count(*)::int AS n FROM es_outbox');
  while (backlog > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    backlog = await count('SELECT count(*)::int AS n FROM es_outbox');
  }
  return backlog;
}

async function csvImport() {
  const headers = { ...helpline, 'content-type': 'application/json' };
  const created = await fetch(`${base}/mass-events`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      name: 'Accident de car A7',
      kind: 'collective-accident',
      occurredOn: '2025-06-01',
      communeCode: '26362',
      offenceCategory: 'road-accident',
    }),
  });
  const { massEventId } = (await created.json()) as { massEventId: string };
  const lines = [
    'last_name,first_name,birth_date,phone,email,address,postcode,commune_code,country,needs,urgency,consent_services,consent_sharing',
  ];
  for (let i = 1; i <= 1000; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      `Passager${i},"Prénom, ${i}",1980-01-${day},+33 6 00 00 ${String(i % 100).padStart(2, '0')} 00,p${i}@example.org,"${i} avenue du Test",26000,26362,FR,psychological-support|legal-information,high,yes,no`,
    );
  }
  const started = performance.now();
  const accepted = await fetch(`${base}/mass-events/${massEventId}/imports`, {
    method: 'POST',
    headers: { ...helpline, 'content-type': 'text/csv' },
    body: `${lines.join('\r\n')}\r\n`,
  });
  const location = accepted.headers.get('location')!;
  const progress: string[] = [];
  for (;;) {
    const report = (await (await fetch(`${base}${location}`, { headers: helpline })).json()) as {
      status: string;
      done: number;
      total: number;
      imported: number;
      failed: number;
    };
    const elapsed = performance.now() - started;
    if (report.status !== 'running') {
      return { ms: Math.round(elapsed), imported: report.imported, failed: report.failed, progress };
    }
    progress.push(`${Math.round(elapsed)} ms: ${report.done}/${report.total}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function print(r: {
  date: string;
  machine: string;
  seconds: number;
  connections: number;
  requests: number;
  rate: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  accepted: number;
  recorded: number;
  backlogAtEnd: number;
  drainMs: number;
  maxRssMiB: number;
  csv: { ms: number; imported: number; failed: number; progress: string[] };
  contender: { rate: number; p50: number; p99: number; non2xx: number; maxRssMiB: number };
}) {
  const met = (ok: boolean) => (ok ? 'met' : 'missed');
  const text = `# Intake over HTTP

Run: ${r.date} — \`node bench/intake/run.ts\` (${r.seconds} s at ${r.connections} connections after a 3 s warm-up)
Machine: ${r.machine}. Load generator (autocannon) and service on the same machine.

| measure | value | target |
|---|---|---|
| helpline calls recorded per second | ${r.rate.toFixed(0)} | ≥ 1,000/s: ${met(r.rate >= 1000)} |
| latency p50 / p90 / p99 / max | ${r.p50} / ${r.p90} / ${r.p99} / ${r.max} ms | p99 < 50 ms: ${met(r.p99 < 50)} |
| requests, non-2xx, errors | ${r.requests}, ${r.non2xx}, ${r.errors} | |
| accepted (2xx) vs IntakeRecorded in the store | ${r.accepted} vs ${r.recorded} (incl. warm-up) | nothing lost |
| outbox backlog after the run, time to drain | ${r.backlogAtEnd}, ${r.drainMs.toFixed(0)} ms | relay keeps up |
| service max resident memory during the run | ${r.maxRssMiB} MiB | ≤ 256 MiB: ${met(r.maxRssMiB <= 256)} |
| CSV import of 1,000 rows | ${r.csv.ms} ms, ${r.csv.imported} imported, ${r.csv.failed} failed | < 5 s: ${met(r.csv.ms < 5000)} |

Contender in the same run (bench/intake/contender.ts: Fastify, the same JWT verification, one INSERT
of the body per request; same load, same flags): ${r.contender.rate.toFixed(0)} requests/s, p50
${r.contender.p50} ms, p99 ${r.contender.p99} ms, ${r.contender.non2xx} non-2xx, ${r.contender.maxRssMiB} MiB.
**The intake records ${((r.rate / r.contender.rate) * 100).toFixed(0)} % of the contender's rate**
(a helpline call also encrypts the victim's data, computes the duplicate key, decides, appends
the event with its outbox row, and feeds the relay and projections in the same process).

Import progress as polled: ${r.csv.progress.join('; ') || '(done before the first poll)'}
`;
  console.log(text);
  writeFileSync(
    process.env['BENCH_REPORT'] ?? resolve(dirname(fileURLToPath(import.meta.url)), 'REPORT.md'),
    text,
  );
}
