import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Type-only imports count: they are what made messaging ↔ consumer ↔ dead-letters a cycle.
const relativeImport = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+\.ts)'/g;

/** The relative imports of every module under `dir` (file → the files it imports). */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    const file = join(dir, entry);
    const source = readFileSync(file, 'utf8');
    const imports = [...source.matchAll(relativeImport)].map((m) =>
      relative(dir, resolve(dirname(file), m[1]!)),
    );
    graph.set(relative(dir, file), imports);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the modules on it. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push(path.slice(path.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

const packages = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('import cycles', () => {
  it('are found by the walk', () => {
    const graph = new Map([
      ['messaging.ts', ['consumer.ts']],
      ['consumer.ts', ['dead-letters.ts', 'messaging.ts']],
      ['dead-letters.ts', ['messaging.ts']],
    ]);
    expect(cyclesOf(graph)).toEqual([
      ['messaging.ts', 'consumer.ts', 'dead-letters.ts'],
      ['messaging.ts', 'consumer.ts'],
    ]);
  });

  it.each(['messaging', 'contracts'])('none in packages/%s', (name) => {
    const graph = importGraph(join(packages, name, 'src'));
    expect(graph.size).toBeGreaterThan(5);
    expect(cyclesOf(graph)).toEqual([]);
  });
});
