/**
 * End-to-end latency from an accepted intake command (201 from POST /intakes/helpline-calls) to the
 * referral visible in the office inbox (its row in referral_inbox), at a steady rate, on the real
 * stack: intake's outbox relay → Kafka → referral's consumer group → routing → append → inbox
 * projection. Both services run in this process (app.inject, no HTTP socket), each on a fresh
 * database. Afterwards it checks that every intake has exactly one referral.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/referral/run.ts 50 20 200 20
 *   (pairs of rate per second and duration in seconds)
 */
import { helplineCall, startTestService as startIntake } from '../../services/intake/src/test-support.ts';
import { startTestService as startReferral } from '../../services/referral/src/test-support.ts';

process.env['DATABASE_URL'] ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const args = process.argv.slice(2).map(Number);
const runs: [number, number][] = [];
for (let i = 0; i + 1 < args.length; i += 2) runs.push([args[i]!, args[i + 1]!]);
if (runs.length === 0) runs.push([50, 20], [200, 20]);

const postcodes = [
  ['75011', '75111'],
  ['69003', '69383'],
  ['13008', '13208'],
  ['20000', '2A004'],
  ['97400', '97411'],
  ['33000', '33063'],
  ['59000', '59350'],
] as const;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

for (const [rate, seconds] of runs) {
  const intake = await startIntake(`bench_${rate}`);
  const referral = await startReferral(`bench_${rate}`, { env: { INTAKE_TOPIC: intake.topic } });
  intake.module.relay.start();
  referral.module.projections.start();
  referral.module.relay.start();
  // As startWorkers does: one consumer member routing ROUTING_CONCURRENCY partitions at once.
  await referral.module.startConsumer();
  const auth = await intake.auth('helpline');

  const accepted = new Map<string, number>();
  const latencies: number[] = [];
  let failed = 0;
  let polling = true;
  let lastSent = performance.now();
  const poller = (async () => {
    while (polling || accepted.size > 0) {
      const pending = [...accepted.keys()];
      if (pending.length) {
        const rows = await referral.module.db.query<{ intake_id: string }>(
          'SELECT intake_id FROM referral_inbox WHERE intake_id = ANY($1)',
          [pending],
        );
        const now = performance.now();
        for (const { intake_id } of rows) {
          const t0 = accepted.get(intake_id);
          if (t0 === undefined) continue;
          latencies.push(now - t0);
          accepted.delete(intake_id);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (!polling && accepted.size > 0 && performance.now() - lastSent > 60_000) break;
    }
  })();

  const total = rate * seconds;
  const started = performance.now();
  lastSent = started;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const [postcode, communeCode] = postcodes[i % postcodes.length]!;
    inflight.push(
      (async () => {
        const res = await intake.app.inject({
          method: 'POST',
          url: '/intakes/helpline-calls',
          payload: helplineCall({
            profile: {
              ...(helplineCall().profile as object),
              residence: { countryCode: 'FR', postcode, communeCode },
            },
          }),
          headers: auth,
        });
        if (res.statusCode !== 201) {
          failed++;
          return;
        }
        accepted.set(res.json().intakeId, performance.now());
        lastSent = performance.now();
      })(),
    );
  }
  await Promise.all(inflight);
  const sendSeconds = (performance.now() - started) / 1000;
  polling = false;
  await poller;

  const [counts] = await referral.module.db.query<{ referrals: number; intakes: number; doubled: number }>(
    `SELECT count(*)::int AS referrals, count(DISTINCT intake_id)::int AS intakes,
            (SELECT count(*)::int FROM (SELECT intake_id FROM referral_inbox GROUP BY intake_id HAVING count(*) > 1) d) AS doubled
     FROM referral_inbox`,
  );
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      rate,
      seconds,
      sent: total,
      achievedRate: Math.round(total / sendSeconds),
      failedCommands: failed,
      visible: latencies.length,
      missing: accepted.size,
      referrals: counts?.referrals,
      doubled: counts?.doubled,
      p50ms: Math.round(percentile(sorted, 50)),
      p99ms: Math.round(percentile(sorted, 99)),
      maxms: Math.round(sorted.at(-1) ?? 0),
    }),
  );
  await referral.close();
  await intake.close();
}
process.exit(0);
