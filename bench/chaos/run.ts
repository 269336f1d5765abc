// The fault harness by hand (bench/README.md): the full run, or the short one CI runs.
//
//   node bench/chaos/run.ts [--short] [--intakes N] [--faults a,b] [--hold fault=seconds]... [--keep]
//
// Prints one line per fault as it ends and writes bench/chaos/REPORT.md (the full run only,
// unless --report).
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine } from '../support.ts';
import { type ChaosOptions, type FaultName, type PhaseResult, runChaos } from './harness.ts';
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
const { results, accepted } = await runChaos(options);
const seconds = (ms: number | null) => (ms === null ? 'not drained' : `${(ms / 1000).toFixed(1)} s`);
const retries = (r: PhaseResult) =>
  Object.entries(r.retries)
    .map(([kind, n]) => `${n} × ${kind}`)
    .join(', ') || 'none';
const table = `| fault | held | calls | retried answers | ready after | backlog at restore | peak | drained after | checks |
|---|--:|--:|---|--:|--:|--:|--:|---|
${results
  .map(
    (r) =>
      `| ${r.fault} | ${seconds(r.downMs)} | ${r.sent} | ${retries(r)} | ${seconds(r.readyAfterMs)} | ${r.backlogAtRestore} | ${r.peakBacklog} | ${seconds(r.recoverMs)} | ${r.failures.length === 0 ? 'all passed' : r.failures.join('; ')} |`,
  )
  .join('\n')}`;
console.log(table);
const failed = results.some((r) => r.failures.length > 0);

if (!values.short || values.report) {
  const last = results.at(-1)!;
  const report = `# Fault harness: a surge through intake → referral under faults

Run: ${started.toISOString()} — \`node bench/chaos/run.ts ${process.argv.slice(2).join(' ')}\`
Machine: ${machine()}; a private PostgreSQL, Redis and three-broker Kafka (replication 3, min ISR 2)
on the same machine, intake and referral each in its own process.

${accepted} calls accepted in all; after the last fault: ${last.counts.recordedEvents} intakes recorded,
${last.counts.referredCases} cases referred (${last.counts.inboxRows} inbox rows), ${last.scanned} Kafka
messages scanned, ${last.clear} with personal data in clear, ${last.dlq.length} dead letters.

${table}

Held: how long the fault lasted, from its start until the server or service was back. Ready after:
from then until every service's /health/ready answered 200. Backlog: calls still waiting for intake
plus accepted calls without their referral. Drained after: from the fault's end until every call was
accepted, recorded once and referred once, and both outboxes were empty.
`;
  writeFileSync(resolve(dirname(fileURLToPath(import.meta.url)), 'REPORT.md'), report);
}
process.exit(failed ? 1 : 0);
