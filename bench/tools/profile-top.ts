// Summarises V8 CPU profiles (`--cpu-prof`, or BENCH_PROFILE=dir in the benches): the functions
// with the most self time, and the packages/files where the time goes.
//
//   node bench/tools/profile-top.ts <file.cpuprofile> [rows=30] [pattern...]
//
// Each pattern (a regular expression over "function file") also gets its inclusive time: the
// samples with a matching frame anywhere on their stack.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArg, ...patterns] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/tools/profile-top.ts <file.cpuprofile> [rows]');
  process.exit(2);
}
const rows = Number(rowsArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

function where(url: string): string {
  if (!url) return '(native)';
  const pkg = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return url;
  const local = url.match(/\/(packages|services|bench)\/([^/]+)/);
  return local ? `${local[1]}/${local[2]}` : url;
}

const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const name = `${functionName || '(anonymous)'} ${where(url)}${url ? `:${lineNumber + 1}` : ''}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  byPlace.set(where(url), (byPlace.get(where(url)) ?? 0) + us);
}
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const frameName = (id: number) => {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  return `${functionName || '(anonymous)'} ${where(url)}${url ? `:${lineNumber + 1}` : ''}`;
};
const inclusive = patterns.map((pattern) => {
  const regex = new RegExp(pattern);
  let us = 0;
  for (const [id, self] of selfUs) {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (regex.test(frameName(at))) {
        us += self;
        break;
      }
    }
  }
  return [pattern, us] as const;
});

const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
const top = (map: Map<string, number>) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(([name, us]) => `${pct(us)}  ${name}`);
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
console.log('\nself time by function:');
console.log(top(byFunction).join('\n'));
console.log('\nself time by package or file:');
console.log(top(byPlace).join('\n'));
if (inclusive.length > 0) {
  console.log('\ninclusive time:');
  for (const [pattern, us] of inclusive) console.log(`${pct(us)}  ${pattern}`);
}
