import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { integrationEvents } from './registry.ts';

/**
 * A schema once published never changes (packages/contracts/README.md): what a schema accepts is
 * fingerprinted (descriptions and titles left out, so wording can improve) and compared with
 * published-schemas.json. A new event type, or a new version of one, adds its line there.
 */
const recorded: Record<string, string> = JSON.parse(
  readFileSync(new URL('./published-schemas.json', import.meta.url), 'utf8'),
);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'description' && key !== 'title')
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, item]) => [key, canonical(item)]),
  );
}
const fingerprint = (schema: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(canonical(schema)))
    .digest('hex')
    .slice(0, 16);

describe('published contracts', () => {
  it('carry their schema version in their type', () => {
    for (const { type } of integrationEvents.all()) {
      expect(type).toMatch(/^fr\.parcours\.[a-z-]+(\.[a-z-]+)+\.v[1-9][0-9]*$/);
    }
  });

  it('close every object: a property no schema declares is refused', () => {
    const open: string[] = [];
    const visit = (schema: unknown, path: string) => {
      if (schema === null || typeof schema !== 'object') return;
      const node = schema as Record<string, unknown>;
      if (node['type'] === 'object' && node['additionalProperties'] !== false) open.push(path);
      for (const [key, child] of Object.entries(node)) visit(child, `${path}/${key}`);
    };
    for (const { type, schema } of integrationEvents.all()) visit(schema, type);
    expect(open).toEqual([]);
  });

  it('keep the schema each type was published with: a change is a new version of the type', () => {
    const current = Object.fromEntries(integrationEvents.all().map((c) => [c.type, fingerprint(c.schema)]));
    const expected = Object.fromEntries(Object.keys(current).map((type) => [type, recorded[type]]));
    expect(current).toEqual(expected);
  });
});
