// The follow-up service's two figures, side by side in one run, on the real stack (the service in
// its own process, as scripts/up.sh runs it; PostgreSQL and Kafka on this machine):
// 1. accepted referral → file visible: intake's and referral's events for N cases are on Kafka
//    first (as they are long before an office accepts), then the acceptances at a steady rate; the
//    time from sending an acceptance to its file's row in the office's list (polled every 5 ms).
// 2. reading a file with 200 support actions (notes decrypted, the read logged): GET /files/:id.
// Each beside a contender run in the same conditions, to divide the machine out: for 1, a bare
// kafkajs consumer in its own process that INSERTs one row per acceptance (contender.ts), fed the
// same acceptances at the same rate; for 2, a bare SELECT of the same rows (the file's events and
// its actions) from this driver. The report gives the service's figures over the contender's.
//
//   node bench/followup/run.ts [rate seconds reads]   (default: 200 15 1000; BENCH_REPORT=path
//                                                     instead of bench/followup/REPORT.md)
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IntegrationEvent } from '@parcours/contracts';
import { Database, SubjectKeys } from '@parcours/eventstore';
import { createMessaging, toKafkaMessage } from '@parcours/messaging';
import { DEV_AUDIENCE, DEV_ISSUER, DevIssuer } from '@parcours/service-kit';
import { createTestDatabase } from '@parcours/testing';
import {
  bav,
  intakeReady,
  referralAccepted,
  referralProposed,
} from '../../services/follow-up/src/test-events.ts';
import { machine, percentile, postJson, sampleRss, serviceNodeFlags, startService } from '../support.ts';

process.env['DATABASE_URL'] ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const [rate = 200, seconds = 15, reads = 1000] = process.argv.slice(2).map(Number);
const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

// Not uniqueTopic's names: a test run's teardown on the shared broker deletes those, in use or not.
const benchTopic = (name: string) => `bench-${name}-${randomBytes(4).toString('hex')}.v1`;
const database = await createTestDatabase('bench_followup');
const kek = randomBytes(32).toString('base64');
const topics = { intake: benchTopic('intake'), referral: benchTopic('referral') };
const service = await startService('follow-up', 3913, {
  DATABASE_URL: database.url,
  KEY_ENCRYPTION_KEY: kek,
  FOLLOWUP_TOPIC: benchTopic('followup'),
  INTAKE_TOPIC: topics.intake,
  REFERRAL_TOPIC: topics.referral,
  MEDIATION_TOPIC: benchTopic('mediation'),
  CONSUMER_GROUP: `bench-followup-${randomUUID().slice(0, 8)}`,
});
const rss = sampleRss(service.process.pid!);
// The driver's own connection: it encrypts as intake would (same key store) and watches the list.
const db = await Database.connect({ url: database.url, poolSize: 4 });
const keys = new SubjectKeys(db, { kek: Buffer.from(kek, 'base64') });
const messaging = createMessaging({ brokers, clientId: 'bench-followup' });
const send = (topic: string, events: IntegrationEvent[]) =>
  messaging.publishRaw(events.map((event) => ({ topic, ...toKafkaMessage(event) })));
const issuer = await DevIssuer.shared({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
const caseworker = { authorization: `Bearer ${await issuer.sign('caseworker', { expiresIn: '1h' })}` };

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const count = async (sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(sql, params))[0]!.n;

type Case = { caseId: string; accepted: IntegrationEvent };
/**
 * Sends the cases' acceptances on `topic` at `rate`/s in small batches every 20 ms (4 at 200/s): one
 * producer request in flight at a time, as the outbox relay sends; each is timed from when it was
 * due, not when it left, to when its row is in `table` (polled every 5 ms).
 */
async function openAt(topic: string, table: string, list: Case[]) {
  const pending = new Map<string, number>();
  const latencies: number[] = [];
  let sending = true;
  const watcher = (async () => {
    let idleSince = performance.now();
    while (sending || pending.size > 0) {
      if (pending.size > 0) {
        const rows = await db
          .query<{ case_id: string }>(`SELECT case_id FROM ${table} WHERE case_id = ANY($1)`, [
            [...pending.keys()],
          ])
          // The run failed elsewhere and closed the pool: the error that matters is printed below.
          .catch(() => []);
        const now = performance.now();
        for (const { case_id } of rows) {
          const t0 = pending.get(case_id);
          if (t0 === undefined) continue;
          latencies.push(now - t0);
          pending.delete(case_id);
          idleSince = now;
        }
      }
      if (!sending && performance.now() - idleSince > 30_000) break;
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  let next = 0;
  while (next < list.length) {
    const now = performance.now();
    const due: Case[] = [];
    while (next < list.length && started + (next * 1000) / rate <= now) {
      const c = list[next]!;
      pending.set(c.caseId, started + (next * 1000) / rate);
      due.push(c);
      next++;
    }
    if (due.length > 0)
      inflight.push(
        send(
          topic,
          due.map((c) => c.accepted),
        ),
      );
    await new Promise((r) => setTimeout(r, 20));
  }
  await Promise.all(inflight);
  const achieved = Math.round(list.length / ((performance.now() - started) / 1000));
  sending = false;
  await watcher;
  return { latencies: latencies.sort((a, b) => a - b), pending, achieved };
}

/** The contender's process (contender.ts): resolves once its consumer joined its group. */
async function startContender(topic: string, table: string) {
  const child = spawn(
    process.execPath,
    [
      ...serviceNodeFlags,
      resolve(dirname(fileURLToPath(import.meta.url)), 'contender.ts'),
      database.url,
      brokers.join(','),
      topic,
      table,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((ready, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) ready();
    });
    child.on('exit', (code) => fail(new Error(`contender exited with ${code}`)));
  });
  return {
    stop: () =>
      new Promise<void>((done) => {
        child.removeAllListeners('exit');
        child.on('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

let contender: Awaited<ReturnType<typeof startContender>> | undefined;
try {
  // 1. Accepted referral → file visible.
  const total = rate * seconds;
  const warmUp = 20;
  const cases = await Promise.all(
    Array.from({ length: total + warmUp }, async () => {
      const intake = await intakeReady(keys);
      const proposed = referralProposed(intake.data.caseId, bav);
      return { caseId: intake.data.caseId, intake, proposed, accepted: referralAccepted(proposed) };
    }),
  );
  for (let i = 0; i < cases.length; i += 500) {
    const batch = cases.slice(i, i + 500);
    await send(
      topics.intake,
      batch.map((c) => c.intake),
    );
    await send(
      topics.referral,
      batch.map((c) => c.proposed),
    );
  }
  // Each case has its facts and its proposal before the acceptances start.
  const recording = performance.now();
  await waitFor(
    async () => {
      const n = await count('SELECT count(*)::int AS n FROM es_inbox');
      if (Math.random() < 0.02) console.log(`cases recorded: ${n} of ${2 * cases.length} messages`);
      return n >= 2 * cases.length;
    },
    'the cases recorded',
    600_000,
  );
  const recordedPerSecond = Math.round((2 * cases.length) / ((performance.now() - recording) / 1000));
  await send(
    topics.referral,
    cases.slice(0, warmUp).map((c) => c.accepted),
  );
  await waitFor(
    async () => (await count('SELECT count(*)::int AS n FROM followup_files')) >= warmUp,
    'the warm-up files',
  );
  rss.reset();

  const opened = await openAt(topics.referral, 'followup_files', cases.slice(warmUp));
  const { latencies, pending, achieved } = opened;
  const doubled = await count(
    'SELECT count(*)::int AS n FROM (SELECT case_id FROM followup_files GROUP BY case_id HAVING count(*) > 1) d',
  );
  const sorted = latencies;
  const opening = {
    rate,
    seconds,
    sent: total,
    achieved,
    visible: latencies.length,
    missing: pending.size,
    doubled,
    p50: Math.round(percentile(sorted, 50)),
    p99: Math.round(percentile(sorted, 99)),
    max: Math.round(sorted.at(-1) ?? 0),
    rssMiB: rss.maxMiB(),
    recordedPerSecond,
  };
  console.log(JSON.stringify({ opening }));

  // 1'. The contender: the same acceptances at the same rate, a bare consumer INSERTing one row each.
  const contenderTopic = benchTopic('contender');
  const contenderTable = `bench_contender_${randomBytes(4).toString('hex')}`;
  // As many partitions as the referral topic the service read (the service made it at its start).
  const [referralTopic] = await messaging.describeTopics([topics.referral]);
  await messaging.ensureTopics([
    { topic: contenderTopic, partitions: referralTopic?.partitions ?? 3, replicationFactor: 1 },
  ]);
  await send(
    contenderTopic,
    cases.slice(0, warmUp).map((c) => c.accepted),
  );
  contender = await startContender(contenderTopic, contenderTable);
  await waitFor(
    async () => (await count(`SELECT count(*)::int AS n FROM ${contenderTable}`)) >= warmUp,
    'the contender warmed up',
  );
  const bare = await openAt(contenderTopic, contenderTable, cases.slice(warmUp));
  await contender.stop();
  contender = undefined;
  const bareOpening = {
    visible: bare.latencies.length,
    missing: bare.pending.size,
    achieved: bare.achieved,
    p50: Math.round(percentile(bare.latencies, 50)),
    p99: Math.round(percentile(bare.latencies, 99)),
  };
  console.log(JSON.stringify({ bareOpening }));

  // 2. Reading a file with 200 support actions.
  const [file] = await db.query<{ file_id: string }>('SELECT file_id FROM followup_files LIMIT 1');
  const fileId = file!.file_id;
  for (let i = 0; i < 200; i++) {
    const res = await postJson(
      `${service.base}/files/${fileId}/actions`,
      caseworker,
      JSON.stringify({
        kind: i % 2 ? 'legal-information' : 'psychological-support',
        on: new Date(Date.now() - (200 - i) * 60_000).toISOString(),
        durationMinutes: 30,
        channel: 'phone',
        staffIds: ['dev-caseworker'],
        note: `Entretien ${i}: the victim was told about the next steps of the procedure.`,
      }),
    );
    if (res.status !== 200) throw new Error(`action ${i}: ${res.status}`);
  }
  const read = async () => {
    const t0 = performance.now();
    const res = await fetch(`${service.base}/files/${fileId}?purpose=bench`, { headers: caseworker });
    const body = (await res.json()) as { actions: unknown[] };
    if (res.status !== 200 || body.actions.length !== 200) throw new Error(`read: ${res.status}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < 50; i++) await read();
  rss.reset();
  const times: number[] = [];
  for (let i = 0; i < reads; i++) times.push(await read());
  times.sort((a, b) => a - b);
  const reading = {
    reads,
    p50: +percentile(times, 50).toFixed(1),
    p99: +percentile(times, 99).toFixed(1),
    max: +(times.at(-1) ?? 0).toFixed(1),
    rssMiB: rss.maxMiB(),
  };
  console.log(JSON.stringify({ reading }));

  // 2'. The contender: a bare SELECT of the same rows (the file's events, its actions), one at a time.
  const streamId = `followup-file-${fileId}`;
  const select = async () => {
    const t0 = performance.now();
    const [events, actions] = await Promise.all([
      db.query('SELECT type, data, metadata FROM es_events WHERE stream_id = $1 ORDER BY stream_version', [
        streamId,
      ]),
      db.query('SELECT * FROM followup_actions WHERE file_id = $1 ORDER BY "on" DESC, action_id', [fileId]),
    ]);
    if (actions.length !== 200 || events.length < 200) throw new Error('bare select: rows missing');
    return performance.now() - t0;
  };
  for (let i = 0; i < 50; i++) await select();
  const bareTimes: number[] = [];
  for (let i = 0; i < reads; i++) bareTimes.push(await select());
  bareTimes.sort((a, b) => a - b);
  const bareReading = {
    p50: +percentile(bareTimes, 50).toFixed(1),
    p99: +percentile(bareTimes, 99).toFixed(1),
  };
  console.log(JSON.stringify({ bareReading }));
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : '–');

  const met = (ok: boolean) => (ok ? 'met' : 'missed');
  const report = `# Follow-up: accepted referral → file visible; reading a file with 200 actions

Run: ${new Date().toISOString()} — \`node bench/followup/run.ts ${rate} ${seconds} ${reads}\`
Machine: ${machine()}. The follow-up service in its own process (as \`scripts/up.sh\` runs it), PostgreSQL
and a single Kafka broker on the same machine; this driver publishes intake's and referral's events
on Kafka and watches the files' list read model every 5 ms. Load average when it ended:
${loadavg()
  .map((l) => l.toFixed(1))
  .join(', ')} (other work shared the machine).

| figure | value | target |
|---|---|---|
| intake's and referral's events consumed beforehand (${2 * (total + warmUp)} messages) | ${opening.recordedPerSecond} messages/s | |
| acceptances sent | ${opening.sent} at ${opening.achieved}/s (asked ${rate}/s × ${seconds} s) | |
| files visible / missing / doubled | ${opening.visible} / ${opening.missing} / ${opening.doubled} | all, none, none |
| accepted referral → file in the office's list | p50 ${opening.p50} ms, p99 **${opening.p99} ms**, max ${opening.max} ms | p99 < 100 ms at 200/s: ${met(opening.p99 < 100 && rate >= 200)} |
| GET /files/:id with 200 actions (${reads} reads, one at a time) | p50 ${reading.p50} ms, p99 **${reading.p99} ms**, max ${reading.max} ms | p99 < 20 ms: ${met(reading.p99 < 20)} |
| service max RSS | ${opening.rssMiB} MiB (opening), ${reading.rssMiB} MiB (reading) | |

Side by side, in the same run (the contenders right after the service, the machine as it was):

| figure | service | contender | service / contender |
|---|---|---|---|
| accepted referral → row visible, p50 | ${opening.p50} ms | ${bareOpening.p50} ms | ${ratio(opening.p50, bareOpening.p50)} |
| accepted referral → row visible, p99 | ${opening.p99} ms | ${bareOpening.p99} ms | ${ratio(opening.p99, bareOpening.p99)} |
| (contender: visible / missing, sent at) | | ${bareOpening.visible} / ${bareOpening.missing}, ${bareOpening.achieved}/s | |
| file with 200 actions read, p50 | ${reading.p50} ms | ${bareReading.p50} ms | ${ratio(reading.p50, bareReading.p50)} |
| file with 200 actions read, p99 | ${reading.p99} ms | ${bareReading.p99} ms | ${ratio(reading.p99, bareReading.p99)} |

Contenders: for the opening, a bare kafkajs consumer in its own process (\`contender.ts\`, on a topic
with as many partitions as the service's, 3 handled at once as the service does) that INSERTs one row per acceptance in autocommit: Kafka and PostgreSQL alone.
For the read, the same rows (the file's stream and its actions) selected by this driver over one
pool, without HTTP, authentication, decryption, the access log or JSON.
`;
  const out = process.env['BENCH_REPORT'] ?? resolve(dirname(fileURLToPath(import.meta.url)), 'REPORT.md');
  writeFileSync(out, report);
  console.log(report);
} catch (error) {
  console.error('bench failed:', error);
  process.exitCode = 1;
} finally {
  rss.stop();
  await contender?.stop();
  await messaging.disconnect().catch(() => undefined);
  await db.close();
  await service.stop();
  await database.drop();
}
