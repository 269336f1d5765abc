import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MonthCache } from './month-cache.ts';

/** A build that counts its runs and returns `json`. */
function builder(json: string) {
  const build = async () => {
    build.runs++;
    return json;
  };
  build.runs = 0;
  return build;
}

describe('the month cache', () => {
  it('answers a month while its version holds, and builds it again at another version', async () => {
    const cache = new MonthCache(1_000);
    const first = builder('{"a":1}');
    const month = await cache.get('office march', 'v1', first);
    expect(month.body.toString()).toBe('{"a":1}');
    expect(month.etag).toMatch(/^"[\w-]{27}"$/);
    expect(await cache.get('office march', 'v1', builder('other'))).toBe(month);
    expect(first.runs).toBe(1);
    const changed = await cache.get('office march', 'v2', builder('{"a":2}'));
    expect(changed.body.toString()).toBe('{"a":2}');
    expect(changed.etag).not.toBe(month.etag);
    expect(cache.size).toBe(7);
  });

  it('builds a month once for requests that come while it is built', async () => {
    const cache = new MonthCache(1_000);
    const build = builder('{}');
    const months = await Promise.all([1, 2, 3].map(() => cache.get('k', 'v', build)));
    expect(build.runs).toBe(1);
    expect(new Set(months).size).toBe(1);
  });

  it('keeps no failed build', async () => {
    const cache = new MonthCache(1_000);
    await expect(
      cache.get('k', 'v', async () => {
        throw new Error('database down');
      }),
    ).rejects.toThrow('database down');
    const build = builder('{}');
    await cache.get('k', 'v', build);
    expect(build.runs).toBe(1);
  });

  it('lets the least recently used months go past its bytes, their gzips counted', async () => {
    const cache = new MonthCache(25);
    const ten = (c: string) => builder(JSON.stringify(c.repeat(8)));
    await cache.get('a', 'v', ten('a'));
    await cache.get('b', 'v', ten('b'));
    // Read again: `a` is now the most recently used, `b` goes first.
    await cache.get('a', 'v', ten('a'));
    await cache.get('c', 'v', ten('c'));
    expect(cache.size).toBe(20);
    const again = { a: ten('a'), b: ten('b'), c: ten('c') };
    await cache.get('a', 'v', again.a);
    await cache.get('c', 'v', again.c);
    expect([again.a.runs, again.c.runs]).toEqual([0, 0]);
    await cache.get('b', 'v', again.b);
    expect(again.b.runs).toBe(1);

    const month = await cache.get('b', 'v', again.b);
    const gzip = await cache.gzipped('b', month);
    expect(gunzipSync(gzip).toString()).toBe(month.body.toString());
    expect(await cache.gzipped('b', month)).toBe(gzip);
    // Ten bytes and a gzip of some thirty: only `b` is left, then nothing once it is over the bound.
    expect(cache.size).toBe(0);
  });

  it('keeps nothing with a bound of 0, and still answers', async () => {
    const cache = new MonthCache(0);
    const build = builder('{}');
    expect((await cache.get('k', 'v', build)).body.toString()).toBe('{}');
    await cache.get('k', 'v', build);
    expect(build.runs).toBe(2);
    expect(cache.size).toBe(0);
  });
});
