import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** The package's own modules and the relative imports of each (type-only ones included). */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.includes('.spec.'));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = readFileSync(join(here, file), 'utf8');
    const imported = [...source.matchAll(/from '\.\/([\w-]+\.ts)'/g)].map((m) => m[1]!);
    graph.set(file, [...new Set(imported)]);
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const visit = (file: string, path: string[]) => {
    for (const next of graph.get(file) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) found.push([...path.slice(at), next]);
      else visit(next, [...path, next]);
    }
  };
  for (const file of graph.keys()) visit(file, [file]);
  return found;
}

describe('the event store package', () => {
  it('has no import cycle between its modules', () => {
    const graph = importGraph();
    expect(graph.get('event-store.ts')).toContain('projection.ts');
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts']],
    ]);
    expect(cycles(graph)).toContainEqual(['a.ts', 'b.ts', 'a.ts']);
  });
});
