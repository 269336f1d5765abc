// The fault harness by hand (bench/README.md): the full run, or the short one CI runs.
//
//   node bench/chaos/run.ts [--short] [--intakes N] [--faults a,b] [--hold fault=seconds]... [--keep]
//
// Prints one line per fault as it ends and writes bench/chaos/REPORT.md (the full run only,
// unless --report).
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine } from '../support.ts';
import { type ChaosOptions, type FaultName, runChaos } from './harness.ts';
import { fullRun, shortRun } from './presets.ts';

const { values } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    intakes: { type: 'string' },
    faults: { type: 'string' },
    hold: { type: 'string', multiple: true },
    keep: { type: 'boolean', default: false },
    report: { type: 'boolean', default: false },
  },
});
const preset = values.short ? shortRun : fullRun;
const options: ChaosOptions = {
  ...preset,
  holdMs: { ...preset.holdMs },
  keepDir: values.keep,
  ...(values.intakes ? { intakes: Number(values.intakes) } : {}),
  ...(values.faults ? { faults: values.faults.split(',') as FaultName[] } : {}),
};
for (const hold of values.hold ?? []) {
  const [fault, seconds] = hold.split('=');
  options.holdMs[fault as FaultName] = Number(seconds) * 1000;
}

const started = new Date();
const { results, accepted, referralsAccepted } = await runChaos(options);
const seconds = (ms: number | null) => (ms === null ? 'not drained' : `${(ms / 1000).toFixed(1)} s`);
const retries = (kinds: Record<string, number>) =>
  Object.entries(kinds)
    .map(([kind, n]) => `${n} × ${kind}`)
    .join(', ') || 'none';
const table = `| fault | held | calls | retried answers (calls; acceptances) | 5xx not 503 | ready after | backlog at restore | peak | drained after | files | checks |
|---|--:|--:|---|--:|--:|--:|--:|--:|--:|---|
${results
  .map(
    (r) =>
      `| ${r.fault} | ${seconds(r.downMs)} | ${r.sent} | ${retries(r.retries)}; ${retries(r.acceptRetries)} | ${r.errors5xx} | ${seconds(r.readyAfterMs)} | ${r.backlogAtRestore} | ${r.peakBacklog} | ${seconds(r.recoverMs)} | ${r.counts.fileRows} | ${r.failures.length === 0 ? 'all passed' : r.failures.join('; ')} |`,
  )
  .join('\n')}`;
console.log(table);
const failed = results.some((r) => r.failures.length > 0);

if (!values.short || values.report) {
  const last = results.at(-1)!;
  const report = `# Fault harness: a surge through intake → referral → follow-up under faults

Run: ${started.toISOString()} — \`node bench/chaos/run.ts ${process.argv.slice(2).join(' ')}\`
Machine: ${machine()}; a private PostgreSQL, Redis and three-broker Kafka (replication 3, min ISR 2)
on the same machine, intake, referral and follow-up each in its own process. Load average at the end:
${loadavg()
  .map((l) => l.toFixed(1))
  .join(', ')}.

${accepted} calls accepted in all; after the last fault: ${last.counts.recordedEvents} intakes recorded,
${last.counts.referredCases} cases referred (${last.counts.inboxRows} inbox rows), ${referralsAccepted} referrals
accepted by their office, ${last.counts.fileRows} files open in follow-up (${last.counts.openedEvents} FileOpened),
${last.scanned} Kafka messages scanned, ${last.clear} with personal data in clear, ${last.dlq.length} dead letters;
${results.reduce((n, r) => n + r.errors5xx, 0)} answers 5xx other than 503 during the faults.

${table}

Held: how long the fault lasted, from its start until the server or service was back. Retried
answers: what the helpline's calls and the offices' acceptances met before their 201/200 (5xx not
503: answers that were neither 201/200 nor a 503 with Retry-After). Ready after: from then until
every service's /health/ready answered 200. Backlog: calls still waiting for intake, accepted calls
without their referral, referrals not yet accepted and accepted referrals without their file.
Drained after: from the fault's end until every call was accepted, recorded once and referred once,
every referral accepted and its file open in the accepting office, and the three outboxes were
empty. Files: files open in follow-up after the phase (one per accepted referral).
`;
  writeFileSync(resolve(dirname(fileURLToPath(import.meta.url)), 'REPORT.md'), report);
}
process.exit(failed ? 1 : 0);
