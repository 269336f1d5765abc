// End-to-end latency from an accepted intake command (201 from POST /intakes/helpline-calls) to the
// referral visible in the office inbox (its row in the referral service's inbox read model), at a
// steady rate, on the real stack: intake's outbox relay → Kafka → referral's consumer group →
// routing → append → inbox projection. Intake and referral run as the services they are, each in
// its own process on its own database (as scripts/up.sh runs them); this process drives intake over
// HTTP and watches the inbox. Afterwards every intake must have exactly one referral.
//
//   node bench/referral/run.ts [rate seconds]...      (default: 50 20 200 20; BENCH_REPORT=path
//                                                     instead of bench/referral/REPORT.md)
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_AUDIENCE, DEV_ISSUER, DevIssuer } from '@parcours/service-kit';
import { createTestDatabase, uniqueTopic } from '@parcours/testing';
import pg from 'pg';
import { machine, nationwideCallBody, percentile, postJson, sampleRss, startService } from '../support.ts';

process.env['DATABASE_URL'] ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const args = process.argv.slice(2).map(Number);
const runs: [number, number][] = [];
for (let i = 0; i + 1 < args.length; i += 2) runs.push([args[i]!, args[i + 1]!]);
if (runs.length === 0) runs.push([50, 20], [200, 20]);

const issuer = await DevIssuer.shared({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
const helpline = { authorization: `Bearer ${await issuer.sign('helpline', { expiresIn: '1h' })}` };
const call = nationwideCallBody;

interface Result {
  rate: number;
  seconds: number;
  sent: number;
  achievedRate: number;
  failed: number;
  visible: number;
  missing: number;
  doubled: number;
  p50: number;
  p99: number;
  max: number;
  intakeRssMiB: number;
  referralRssMiB: number;
}
const results: Result[] = [];

for (const [rate, seconds] of runs) {
  const intakeDb = await createTestDatabase('bench_flow_intake');
  const referralDb = await createTestDatabase('bench_flow_referral');
  const intakeTopic = uniqueTopic('bench-intake');
  const directoryTopic = uniqueTopic('bench-directory');
  const intake = await startService('intake', 3911, {
    DATABASE_URL: intakeDb.url,
    KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MATCH_KEY_SECRET: randomBytes(32).toString('hex'),
    INTAKE_TOPIC: intakeTopic,
    DIRECTORY_TOPIC: directoryTopic,
    DIRECTORY_CONSUMER_GROUP: `bench-directory-${randomBytes(4).toString('hex')}`,
  });
  const referral = await startService('referral', 3912, {
    DATABASE_URL: referralDb.url,
    INTAKE_TOPIC: intakeTopic,
    DIRECTORY_TOPIC: directoryTopic,
    REFERRAL_TOPIC: uniqueTopic('bench-referral'),
    ROUTING_CONSUMER_GROUP: `bench-routing-${randomBytes(4).toString('hex')}`,
  });
  const rss = [sampleRss(intake.process.pid!), sampleRss(referral.process.pid!)];
  const inbox = new pg.Client({ connectionString: referralDb.url });
  await inbox.connect();
  try {
    // Warm-up: a few calls through the whole path (consumer group joined, JIT, pools).
    for (let i = 0; i < 20; i++) {
      await postJson(`${intake.base}/intakes/helpline-calls`, helpline, call(i));
    }
    await waitFor(
      async () => (await inbox.query('SELECT count(*)::int AS n FROM referral_inbox')).rows[0].n >= 20,
    );
    for (const r of rss) r.reset();

    const accepted = new Map<string, number>();
    const latencies: number[] = [];
    let failed = 0;
    let sending = true;
    const watcher = (async () => {
      let idleSince = performance.now();
      while (sending || accepted.size > 0) {
        const pending = [...accepted.keys()];
        if (pending.length > 0) {
          // By case id: the inbox's index for a case's referrals keeps this poll cheap.
          const { rows } = await inbox.query<{ case_id: string }>(
            'SELECT case_id FROM referral_inbox WHERE case_id = ANY($1)',
            [pending],
          );
          const now = performance.now();
          for (const { case_id } of rows) {
            const t0 = accepted.get(case_id);
            if (t0 === undefined) continue;
            latencies.push(now - t0);
            accepted.delete(case_id);
            idleSince = now;
          }
        }
        if (!sending && performance.now() - idleSince > 30_000) break; // the rest is missing
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    const total = rate * seconds;
    const started = performance.now();
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const wait = started + (i * 1000) / rate - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inflight.push(
        (async () => {
          const res = await postJson(`${intake.base}/intakes/helpline-calls`, helpline, call(1000 + i));
          const t = performance.now();
          if (res.status !== 201) {
            failed++;
            return;
          }
          const { caseId } = res.body as { caseId: string };
          accepted.set(caseId, t);
        })(),
      );
    }
    await Promise.all(inflight);
    const sendSeconds = (performance.now() - started) / 1000;
    sending = false;
    await watcher;

    const { rows } = await inbox.query<{ doubled: number }>(
      'SELECT count(*)::int AS doubled FROM (SELECT case_id FROM referral_inbox GROUP BY case_id HAVING count(*) > 1) d',
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    const result: Result = {
      rate,
      seconds,
      sent: total,
      achievedRate: Math.round(total / sendSeconds),
      failed,
      visible: latencies.length,
      missing: accepted.size,
      doubled: rows[0]!.doubled,
      p50: Math.round(percentile(sorted, 50)),
      p99: Math.round(percentile(sorted, 99)),
      max: Math.round(sorted.at(-1) ?? 0),
      intakeRssMiB: rss[0]!.maxMiB(),
      referralRssMiB: rss[1]!.maxMiB(),
    };
    console.log(JSON.stringify(result));
    results.push(result);
  } finally {
    for (const r of rss) r.stop();
    await inbox.end();
    await referral.stop();
    await intake.stop();
    await referralDb.drop();
    await intakeDb.drop();
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('warm-up did not reach the inbox');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const met = (ok: boolean) => (ok ? 'met' : 'missed');
const at200 = results.find((r) => r.rate === 200);
const report = `# Referral: accepted intake → referral in the office inbox

Run: ${new Date().toISOString()} — \`node bench/referral/run.ts ${runs.flat().join(' ')}\`
Machine: ${machine()}. Intake and referral each in its own process (as \`scripts/up.sh\` runs them),
PostgreSQL, Redis and a single Kafka 3.9.1 broker on the same machine; this driver sends helpline
calls over HTTP at a steady rate and watches the referral inbox read model every 5 ms.

| rate | sent | achieved | failed | visible | missing | doubled | p50 | p99 | max | intake RSS | referral RSS |
|---|---|---|---|---|---|---|---|---|---|---|---|
${results
  .map(
    (r) =>
      `| ${r.rate}/s × ${r.seconds} s | ${r.sent} | ${r.achievedRate}/s | ${r.failed} | ${r.visible} | ${r.missing} | ${r.doubled} | ${r.p50} ms | ${r.p99} ms | ${r.max} ms | ${r.intakeRssMiB} MiB | ${r.referralRssMiB} MiB |`,
  )
  .join('\n')}

Targets at 200/s: p50 < 30 ms: ${at200 ? met(at200.p50 < 30) : 'not run'}; p99 < 150 ms: ${at200 ? met(at200.p99 < 150) : 'not run'};
no referral missing or doubled: ${met(results.every((r) => r.missing === 0 && r.doubled === 0 && r.failed === 0))}.
`;
console.log(report);
writeFileSync(
  process.env['BENCH_REPORT'] ?? resolve(dirname(fileURLToPath(import.meta.url)), 'REPORT.md'),
  report,
);
process.exit(0);
