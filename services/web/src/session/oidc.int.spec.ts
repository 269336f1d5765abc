import { createHash, randomUUID } from 'node:crypto';
import { DevIssuer } from '@parcours/service-kit';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, type TestBff } from '../testing/bff.ts';

/**
 * An OpenID Connect provider of the test's own, over real HTTP: discovery, the authorization
 * endpoint (which signs the user in at once), the token endpoint checking PKCE, its keys.
 */
let provider: FastifyInstance;
let providerUrl: string;
const issuer = await DevIssuer.create({ issuer: 'test-issuer', audience: 'test-audience' });
const pending = new Map<string, { challenge: string; redirectUri: string }>();
const grants: string[] = [];
let tokenLifetime = 3600;

beforeAll(async () => {
  provider = Fastify();
  provider.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  provider.get('/.well-known/openid-configuration', async () => ({
    issuer: providerUrl,
    authorization_endpoint: `${providerUrl}/authorize`,
    token_endpoint: `${providerUrl}/token`,
    jwks_uri: `${providerUrl}/jwks`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
  }));
  provider.get('/jwks', async () => issuer.jwks());
  provider.get('/authorize', async (request, reply) => {
    const q = request.query as Record<string, string>;
    const code = randomUUID();
    pending.set(code, { challenge: q['code_challenge']!, redirectUri: q['redirect_uri']! });
    return reply.redirect(`${q['redirect_uri']}?code=${code}&state=${q['state']}`);
  });
  provider.post('/token', async (request, reply) => {
    const body = request.body as Record<string, string>;
    grants.push(body['grant_type']!);
    if (body['grant_type'] === 'authorization_code') {
      const waiting = pending.get(body['code']!);
      const verifier = createHash('sha256')
        .update(body['code_verifier'] ?? '')
        .digest('base64url');
      if (!waiting || waiting.challenge !== verifier || waiting.redirectUri !== body['redirect_uri']) {
        return reply.code(400).send({ error: 'invalid_grant' });
      }
      pending.delete(body['code']!);
    }
    return {
      access_token: await issuer.sign('caseworker', { expiresIn: tokenLifetime }),
      token_type: 'Bearer',
      expires_in: tokenLifetime,
      refresh_token: randomUUID(),
    };
  });
  providerUrl = await provider.listen({ host: '127.0.0.1', port: 0 });
});

let bff: TestBff;
beforeAll(async () => {
  bff = await startBff({
    issuer,
    env: {
      AUTH_DEV_ISSUER: 'false',
      AUTH_JWKS_URL: `${providerUrl}/jwks`,
      OIDC_ISSUER_URL: providerUrl,
      OIDC_CLIENT_ID: 'parcours-web',
      OIDC_CLIENT_SECRET: 'a-secret-of-the-test',
      OIDC_SCOPES: 'profile',
      OIDC_ALLOW_HTTP: 'true',
    },
  });
});
afterAll(async () => {
  await bff?.close();
  await provider?.close();
});

/** The browser's part: follow the redirects by hand, carrying the BFF's sign-in cookie. */
async function signInThroughProvider() {
  const start = await fetch(`${bff.url}/auth/sign-in`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const binding = (start.headers.get('set-cookie') ?? '').split(';')[0]!;
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  const atProvider = await fetch(authorize, { redirect: 'manual' });
  const callback = atProvider.headers.get('location')!;
  return { binding, callback };
}

describe('production sign-in: OpenID Connect, authorization code with PKCE', () => {
  it('signs the user in with the provider’s token, and renews it with the refresh token before it expires', async () => {
    expect(await (await fetch(`${bff.url}/auth/providers`)).json()).toEqual({ kind: 'oidc' });
    const { binding, callback } = await signInThroughProvider();
    const back = await fetch(callback, { headers: { cookie: binding }, redirect: 'manual' });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/');
    const cookie = (back.headers.getSetCookie().find((c) => c.startsWith('parcours_session=')) ?? '').split(
      ';',
    )[0]!;
    const session = await fetch(`${bff.url}/auth/session`, { headers: { cookie } });
    expect(((await session.json()) as { actor: unknown }).actor).toMatchObject({
      id: 'dev-caseworker',
      office: 'office-75-bav',
    });
    expect(grants).toEqual(['authorization_code']);

    // A token about to expire is renewed at the next request, through the refresh grant.
    tokenLifetime = 30;
    const short = await signInThroughProvider();
    const shortBack = await fetch(short.callback, { headers: { cookie: short.binding }, redirect: 'manual' });
    const shortCookie = (
      shortBack.headers.getSetCookie().find((c) => c.startsWith('parcours_session=')) ?? ''
    ).split(';')[0]!;
    tokenLifetime = 3600;
    expect((await fetch(`${bff.url}/auth/session`, { headers: { cookie: shortCookie } })).status).toBe(200);
    expect(grants).toEqual(['authorization_code', 'authorization_code', 'refresh_token']);
  });

  it('refuses a callback from another browser (without the sign-in cookie), or replayed', async () => {
    const { binding, callback } = await signInThroughProvider();
    const stranger = await fetch(callback, { redirect: 'manual' });
    expect(stranger.status).toBe(401);
    // The state was used up by the refused attempt: the real browser must start again.
    const replay = await fetch(callback, { headers: { cookie: binding }, redirect: 'manual' });
    expect(replay.status).toBe(401);
  });
});
