// Mediation: an office's month view (20 mediators, 10 rooms, 2,000 sessions) p50/p99 at one and
// at eight users (and eight asking gzip), its size (JSON and gzip), its first view's time (built
// from PostgreSQL, as after any change; then served from the cache while the month's versions
// hold) and its 304 for an unchanged month (ETag), and bookings under contention per second
// (concurrent requests racing for the slots of 20 mediators and 10 rooms: won, refused with 409,
// and whether any booking overlaps).
//
//   node bench/mediation/run.ts   (MEDIATION_BENCH_SECONDS=10, MEDIATION_BENCH_CONNECTIONS=16,
//                                  BENCH_REPORT=path instead of bench/mediation/REPORT.md)
//
// The service runs in its own process, started as scripts/up.sh starts it. The month's 2,000
// sessions are written straight into its read model (the month view reads nothing else); the
// contention phase goes through the HTTP API, the slot check and the exclusion constraint.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_AUDIENCE, DEV_ISSUER, DevIssuer } from '@parcours/service-kit';
import { createTestDatabase, uniqueTopic } from '@parcours/testing';
import autocannon from 'autocannon';
import pg from 'pg';
import { machine, percentile, postJson, sampleRss, startService } from '../support.ts';

const seconds = Number(process.env['MEDIATION_BENCH_SECONDS'] ?? 10);
const connections = Number(process.env['MEDIATION_BENCH_CONNECTIONS'] ?? 16);
const port = 3904;
process.env['DATABASE_URL'] ??= 'postgres://postgres@127.0.0.1:5432/postgres';

const database = await createTestDatabase('bench_mediation');
const issuer = await DevIssuer.shared({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
const bearer = async (user: Parameters<DevIssuer['sign']>[0]) => ({
  authorization: `Bearer ${await issuer.sign(user, { expiresIn: '1h' })}`,
});
const service = await startService('mediation', port, {
  DATABASE_URL: database.url,
  KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  MEDIATION_TOPIC: uniqueTopic('bench-mediation'),
  FOLLOWUP_TOPIC: uniqueTopic('bench-followup'),
  FOLLOWUP_CONSUMER_GROUP: `bench-mediation-${randomBytes(4).toString('hex')}`,
  ARRIVAL_GAP_MINUTES: '0',
});
const rss = sampleRss(service.process.pid!);
const sql = new pg.Client({ connectionString: database.url });
await sql.connect();

async function post(user: Parameters<DevIssuer['sign']>[0], path: string, body: unknown) {
  const response = await postJson(`${service.base}${path}`, await bearer(user), JSON.stringify(body));
  return response as {
    status: number;
    body: { id: string; created?: string; code?: string; errors?: { message: string }[] };
  };
}
async function must(user: Parameters<DevIssuer['sign']>[0], path: string, body: unknown) {
  const response = await post(user, path, body);
  if (response.status !== 200)
    throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
/** Runs `work` for 0..n-1, `width` at a time. */
async function pool<T>(n: number, width: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) {
        const i = next++;
        results[i] = await work(i);
      }
    }),
  );
  return results;
}

/** 2,000 sessions of 20 mediators in 10 rooms over March 2027, two parties each, in the read model. */
async function seedMonth() {
  const mediators = Array.from({ length: 20 }, (_, i) => `bench-mediator-${i}`);
  const rooms = Array.from({ length: 10 }, (_, i) => `bench-room-${i}`);
  const rows = Array.from({ length: 2_000 }, (_, i) => {
    const day = (i % 31) + 1;
    const hour = 8 + (Math.floor(i / 31) % 10);
    const start = new Date(Date.UTC(2027, 2, day, hour, (i % 2) * 30));
    const sessionId = `bench-session-${i}`;
    const mandateId = `bench-mandate-${i % 700}`;
    const parties = [`${sessionId}-v`, `${sessionId}-r`];
    return {
      sessionId,
      mandateId,
      mediatorId: mediators[i % 20]!,
      roomId: rooms[i % 10]!,
      start,
      end: new Date(start.getTime() + 3_600_000),
      parties,
      convocations: JSON.stringify(
        parties.map((partyId, k) => ({
          partyId,
          role: k === 0 ? 'victim' : 'respondent',
          arriveAt: start.toISOString(),
        })),
      ),
    };
  });
  await sql.query(
    `INSERT INTO mediation_sessions (session_id, mandate_id, association_id, office_id, mediator_id, room_id, kind, status,
       starts_at, ends_at, convocations, sequence)
     SELECT s, m, 'asso-75', 'office-75-bav', med, room, 'joint', 'scheduled', st, en, c::jsonb, 0
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[])
       AS t(s, m, med, room, st, en, c)`,
    [
      rows.map((r) => r.sessionId),
      rows.map((r) => r.mandateId),
      rows.map((r) => r.mediatorId),
      rows.map((r) => r.roomId),
      rows.map((r) => r.start),
      rows.map((r) => r.end),
      rows.map((r) => r.convocations),
    ],
  );
  const parties = rows.flatMap((r) =>
    r.parties.map((partyId, k) => ({
      partyId,
      mandateId: r.mandateId,
      role: k === 0 ? 'victim' : 'respondent',
    })),
  );
  await sql.query(
    `INSERT INTO mediation_parties (party_id, mandate_id, role, minor)
     SELECT p, m, r, false FROM unnest($1::text[], $2::text[], $3::text[]) AS t(p, m, r)`,
    [parties.map((p) => p.partyId), parties.map((p) => p.mandateId), parties.map((p) => p.role)],
  );
  await sql.query('ANALYZE mediation_sessions; ANALYZE mediation_parties');
}

/** CPU seconds the service has used (user + system, from /proc): a figure the machine's load moves little. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * The month asked by `users` at once for `seconds`; `gzip`: as a browser asks it (Accept-Encoding);
 * `changesPerSecond`: a session of the month moved that often meanwhile (straight in the read model,
 * whose trigger bumps the month's version), each change making the next view build it again.
 */
async function monthView(users: number, { gzip = false, changesPerSecond = 0 } = {}) {
  const headers = {
    ...(await bearer('office-manager')),
    ...(gzip ? { 'accept-encoding': 'gzip, deflate, br' } : {}),
  };
  const run = () =>
    autocannon({
      url: `${service.base}/offices/office-75-bav/calendar?month=2027-03`,
      connections: users,
      duration: seconds,
      headers,
    });
  await autocannon({
    url: `${service.base}/offices/office-75-bav/calendar?month=2027-03`,
    connections: users,
    duration: 2,
    headers,
  });
  let changing = changesPerSecond > 0;
  const changes = (async () => {
    for (let minute = 0; changing; minute = (minute + 1) % 30) {
      await sql.query(
        `UPDATE mediation_sessions SET starts_at = date_trunc('hour', starts_at) + $1 * interval '1 minute'
         WHERE session_id = 'bench-session-0'`,
        [minute],
      );
      await new Promise((resolve) => setTimeout(resolve, 1000 / changesPerSecond));
    }
  })();
  const cpu = cpuSeconds(service.process.pid!);
  const result = await run();
  const cpuMsPerRequest = ((cpuSeconds(service.process.pid!) - cpu) * 1000) / result.requests.total;
  changing = false;
  await changes;
  return {
    users,
    ...(gzip ? { gzip } : {}),
    ...(changesPerSecond ? { changesPerSecond } : {}),
    cpuMsPerRequest: Math.round(cpuMsPerRequest * 10) / 10,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
  };
}

/** Concurrent requests, each for a fresh mandate, racing for 40 hourly slots of 20 mediators and 10 rooms. */
async function contention() {
  const today = new Date().toISOString().slice(0, 10);
  const deadline = new Date(Date.now() + 80 * 86_400_000).toISOString().slice(0, 10);
  const mediators = await pool(20, 4, async () => {
    const { id } = await must('association-manager', '/mediators', { birthDate: '1970-01-01' });
    await must('association-manager', `/mediators/${id}/authorisations`, {
      court: 'tj-paris',
      from: today,
      minors: false,
      decisionReference: 'PR-B',
    });
    await must('association-manager', `/mediators/${id}/exceptions`, {
      kind: 'extra',
      start: new Date(Date.now()).toISOString(),
      end: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    return id;
  });
  const rooms = await pool(
    10,
    4,
    async (i) =>
      (await must('office-manager', '/offices/office-75-bav/rooms', { name: `Salle ${i}`, capacity: 4 }))
        .created!,
  );
  const requests = Number(process.env['MEDIATION_BENCH_BOOKINGS'] ?? 600);
  const mandates = await pool(requests, 8, async () => {
    const { id } = await must('mediator', '/mandates', {
      officeId: 'office-75-bav',
      court: 'tj-paris',
      prosecutorReference: `PR-${randomUUID().slice(0, 8)}`,
      offence: { category: 'robbery-theft' },
      orderedOn: today,
      deadline,
    });
    const victim = await must('mediator', `/mandates/${id}/parties`, {
      role: 'victim',
      minor: false,
      identity: { name: 'Victime' },
      safeContact: { safeNumber: false, safeEmail: false, noVoicemail: true, hours: [] },
    });
    return { mandateId: id, victim: victim.created! };
  });
  const firstHour = Math.ceil(Date.now() / 3_600_000) + 2;
  const latencies: number[] = [];
  const outcomes = { won: 0, conflict: 0, other: 0 };
  const codes: Record<string, number> = {};
  // mulberry32: the same picks at every run.
  let seed = 7;
  const random = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const started = performance.now();
  const cpu = cpuSeconds(service.process.pid!);
  await pool(requests, connections, async (i) => {
    const { mandateId, victim } = mandates[i]!;
    const start = new Date((firstHour + random(40)) * 3_600_000).toISOString();
    const body = {
      kind: 'individual',
      start,
      end: new Date(Date.parse(start) + 3_600_000).toISOString(),
      mediatorId: mediators[random(20)],
      roomId: rooms[random(10)],
      convocations: [{ partyId: victim, arriveAt: start }],
    };
    const t0 = performance.now();
    const response = await post('mediator', `/mandates/${mandateId}/sessions`, body);
    latencies.push(performance.now() - t0);
    if (response.status === 200) outcomes.won++;
    else if (response.status === 409 && response.body.code === 'slot_conflict') {
      outcomes.conflict++;
      for (const code of new Set(response.body.errors?.map((e) => e.message)))
        codes[code] = (codes[code] ?? 0) + 1;
    } else outcomes.other++;
  });
  const elapsed = (performance.now() - started) / 1000;
  const cpuMsPerRequest = Math.round(((cpuSeconds(service.process.pid!) - cpu) * 1000) / requests);
  const overlaps = (
    await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mediation_bookings a JOIN mediation_bookings b
         ON a.resource_kind = b.resource_kind AND a.resource_id = b.resource_id
        AND a.session_id < b.session_id AND a.during && b.during`,
    )
  ).rows[0]!.n;
  latencies.sort((a, b) => a - b);
  return {
    requests,
    connections,
    seconds: Math.round(elapsed * 10) / 10,
    decidedPerSecond: Math.round(requests / elapsed),
    cpuMsPerRequest,
    wonPerSecond: Math.round(outcomes.won / elapsed),
    ...outcomes,
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
    conflictCodes: codes,
    overlappingBookings: overlaps,
  };
}

/**
 * The month's size on the wire (as JSON and gzip), whether asking again with its ETag gets a 304
 * without a body, and the first view's time (built from PostgreSQL, as after every change).
 */
async function monthPayload() {
  const url = `${service.base}/offices/office-75-bav/calendar?month=2027-03`;
  const headers = await bearer('office-manager');
  const t0 = performance.now();
  const first = await fetch(url, { headers });
  const body = await first.text();
  const firstMs = Math.round(performance.now() - t0);
  const etag = first.headers.get('etag');
  const again = etag ? await fetch(url, { headers: { ...headers, 'if-none-match': etag } }) : undefined;
  const zipped = await new Promise<number>((done, fail) =>
    request(url, { headers: { ...headers, 'accept-encoding': 'gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () => done(response.headers['content-encoding'] === 'gzip' ? bytes : -1));
    })
      .on('error', fail)
      .end(),
  );
  return {
    firstMs,
    bytes: Buffer.byteLength(body),
    gzipBytes: zipped,
    sessions: (JSON.parse(body) as { sessions: unknown[] }).sessions.length,
    unchangedStatus: again?.status ?? null,
  };
}

try {
  await seedMonth();
  rss.reset();
  const payload = await monthPayload();
  const month = [
    await monthView(1),
    await monthView(8),
    await monthView(8, { gzip: true }),
    await monthView(8, { changesPerSecond: 2 }),
  ];
  const bookings = await contention();
  const report = {
    date: new Date().toISOString(),
    machine: machine(),
    loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
    seconds,
    payload,
    month,
    bookings,
    maxRssMiB: rss.maxMiB(),
  };
  console.log(JSON.stringify(report, null, 2));
  const path = process.env['BENCH_REPORT'] ?? resolve(dirname(fileURLToPath(import.meta.url)), 'REPORT.md');
  writeFileSync(
    path,
    `# Mediation bench\n\n\`node bench/mediation/run.ts\`, ${report.date}, ${report.machine}.\n\n\`\`\`json\n${JSON.stringify(report, null, 2)}\n\`\`\`\n`,
  );
} finally {
  await sql.end();
  await service.stop();
  rss.stop();
  await database.drop();
}
