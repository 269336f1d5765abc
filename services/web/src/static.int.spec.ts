import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, type TestBff } from './testing/bff.ts';

let dir: string;
let bff: TestBff;

beforeAll(async () => {
  // A built app as vite writes it: index.html and hashed assets.
  dir = await mkdtemp(join(tmpdir(), 'parcours-web-dist-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><title>Parcours</title><script src="/assets/app-1a2b3c.js"></script>',
  );
  await writeFile(join(dir, 'assets', 'app-1a2b3c.js'), `console.log(${JSON.stringify('x'.repeat(5000))});`);
  bff = await startBff({ env: { STATIC_DIR: dir } });
});
afterAll(async () => {
  await bff?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the built app', () => {
  it('hashed assets are immutable for a year and compressed; index.html is revalidated', async () => {
    const asset = await fetch(`${bff.url}/assets/app-1a2b3c.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    const index = await fetch(`${bff.url}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>Parcours</title>');
  });

  it('a client route gets index.html with the security headers; an unknown asset or API path is a 404', async () => {
    const page = await fetch(`${bff.url}/inbox?box=sent`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    for (const path of ['/assets/missing-123.js', '/api/nothing', '/auth/nothing']) {
      expect((await fetch(`${bff.url}${path}`)).status, path).toBe(404);
    }
  });
});
