/**
 * Top self-time functions of a V8 .cpuprofile: `node bench/eventstore/profile.ts <file> [top]`.
 * Also used by run.ts to summarise the Parcours contender's profile in the report.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface HotFunction {
  name: string;
  where: string;
  selfPercent: number;
  selfMs: number;
}

/** Where a script lives, shortened: a package name for node_modules, a repo path otherwise. */
function shortUrl(url: string): string {
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const pnpm = path.lastIndexOf('/node_modules/');
  if (pnpm >= 0) return path.slice(pnpm + '/node_modules/'.length);
  if (path.startsWith('/')) return relative(process.cwd(), path);
  return path;
}

export function hotFunctions(file: string, top = 20): { total: number; functions: HotFunction[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
  };
  const totalHits = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const msPerHit = (profile.endTime - profile.startTime) / 1000 / Math.max(1, totalHits);
  const byFunction = new Map<string, { name: string; where: string; hits: number }>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : shortUrl(url);
    const key = `${name}@${where}`;
    const entry = byFunction.get(key) ?? { name, where, hits: 0 };
    entry.hits += node.hitCount ?? 0;
    byFunction.set(key, entry);
  }
  const functions = [...byFunction.values()]
    .sort((a, b) => b.hits - a.hits)
    .slice(0, top)
    .map((f) => ({
      name: f.name,
      where: f.where,
      selfPercent: (100 * f.hits) / Math.max(1, totalHits),
      selfMs: f.hits * msPerHit,
    }));
  return { total: (profile.endTime - profile.startTime) / 1000, functions };
}

/** Self time grouped by package (or by repo directory for workspace code). */
export function hotPackages(file: string, top = 12): { name: string; selfPercent: number }[] {
  const { functions } = hotFunctions(file, Number.POSITIVE_INFINITY);
  const groups = new Map<string, number>();
  for (const f of functions) {
    const where = f.where;
    let group: string;
    if (where.startsWith('(')) group = f.name.startsWith('(') ? f.name : where;
    else if (where.startsWith('node:')) group = where.split(':').slice(0, 2).join(':').replace(/\/.*$/, '');
    else if (where.startsWith('.pnpm/'))
      group = (where.split('/node_modules/')[1] ?? where)
        .split('/')
        .slice(0, where.includes('/@') ? 2 : 1)
        .join('/');
    else group = where.split('/').slice(0, 3).join('/');
    groups.set(group, (groups.get(group) ?? 0) + f.selfPercent);
  }
  return [...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, selfPercent]) => ({ name, selfPercent }));
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node profile.ts <file.cpuprofile> [top]');
  const { total, functions } = hotFunctions(file, Number(process.argv[3] ?? 25));
  console.log(`profile: ${total.toFixed(1)} ms`);
  for (const f of functions) {
    console.log(
      `${f.selfPercent.toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(7)} ms  ${f.name}  ${f.where}`,
    );
  }
  console.log('\nby package:');
  for (const p of hotPackages(file)) console.log(`${p.selfPercent.toFixed(1).padStart(5)}%  ${p.name}`);
}
