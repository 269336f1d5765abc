import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, type TestBff } from '../testing/bff.ts';

let bff: TestBff;
beforeAll(async () => {
  bff = await startBff();
});
afterAll(() => bff?.close());

describe('sign-in and the session cookie', () => {
  it('gives an httpOnly, SameSite=Lax cookie (not Secure on http) that names the user, until sign-out', async () => {
    const { cookie, csrf, setCookie } = await bff.signIn('caseworker');
    expect(setCookie).toMatch(/^parcours_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const session = await fetch(`${bff.url}/auth/session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(session.headers.get('cache-control')).toBe('no-store');
    expect(await session.json()).toMatchObject({
      actor: { id: 'dev-caseworker', roles: ['caseworker'], association: 'asso-75', office: 'office-75-bav' },
      csrf,
    });
    const out = await fetch(`${bff.url}/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, origin: bff.url },
    });
    expect(out.status).toBe(204);
    const after = await fetch(`${bff.url}/auth/session`, { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { code: string }).code).toBe('session_required');
  });

  it('refuses an unknown user, and a sign-in another site makes the browser send', async () => {
    const post = (body: unknown, origin: string) =>
      fetch(`${bff.url}/auth/dev/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify(body),
      });
    const unknown = await post({ user: 'nobody' }, bff.url);
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { errors: unknown }).errors).toEqual([
      { field: '/body/user', message: 'unknown user' },
    ]);
    const crossSite = await post({ user: 'admin' }, 'https://attacker.example');
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a state-changing call without the CSRF token, with another one, or from another origin', async () => {
    const { cookie, csrf } = await bff.signIn('helpline');
    const signOut = (headers: Record<string, string>) =>
      fetch(`${bff.url}/auth/sign-out`, { method: 'POST', headers: { cookie, ...headers } });
    const attempts: Record<string, string>[] = [
      { origin: bff.url },
      { origin: bff.url, 'x-csrf-token': `${csrf.slice(1)}x` },
      { origin: 'https://attacker.example', 'x-csrf-token': csrf },
      { 'sec-fetch-site': 'cross-site', 'x-csrf-token': csrf },
    ];
    for (const headers of attempts) {
      const refused = await signOut(headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
    }
    // Nothing changed: the session is still there.
    expect((await fetch(`${bff.url}/auth/session`, { headers: { cookie } })).status).toBe(200);
  });
});

describe('behind https', () => {
  it('the cookie is Secure with the __Host- prefix, and HSTS is sent', async () => {
    const secure = await startBff({ env: { PUBLIC_URL: 'https://parcours.example' } });
    try {
      const response = await fetch(`${secure.url}/auth/dev/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://parcours.example' },
        body: JSON.stringify({ user: 'auditor' }),
      });
      expect(response.status).toBe(200);
      const setCookie = response.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^__Host-parcours_session=/);
      expect(setCookie).toMatch(/Secure/);
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
    } finally {
      await secure.close();
    }
  });
});
