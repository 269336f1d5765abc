import { randomBytes } from 'node:crypto';
import { unauthorized } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import type { Redis } from 'ioredis';
import * as oidc from 'openid-client';
import type { App } from '../app.ts';
import type { Renew } from './plugin.ts';
import type { TokenReader } from './tokens.ts';

export interface OidcOptions {
  issuerUrl: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  allowHttp: boolean;
  publicUrl: string;
  redis: Redis;
  namespace: string;
}

const pendingSeconds = 600;

/**
 * Production sign-in: authorization code with PKCE at the OpenID Connect provider. The verifier
 * waits in Redis under the `state` (any instance may receive the callback), bound to the browser
 * by a short cookie; the tokens stay in the session, the browser only ever holds the session id.
 */
export function oidcSignIn(options: OidcOptions, read: TokenReader) {
  let discovered: Promise<oidc.Configuration> | undefined;
  // Discovered on first use: a provider down at boot does not stop the BFF from starting.
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        new URL(options.issuerUrl),
        options.clientId,
        options.clientSecret,
        undefined,
        options.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
  const redirectUri = new URL('/auth/callback', options.publicUrl).toString();
  const pendingKey = (state: string) => `${options.namespace}:oidc:${state}`;
  const secure = options.publicUrl.startsWith('https://');

  const fromTokens = async (tokens: oidc.TokenEndpointResponse, previousRefresh?: string) => {
    const { actor, expiresAt } = await read(tokens.access_token);
    const refreshToken = tokens.refresh_token ?? previousRefresh;
    return {
      actor,
      accessToken: tokens.access_token,
      accessExpiresAt: expiresAt,
      ...(refreshToken ? { refreshToken } : {}),
    };
  };

  const renew: Renew = async (session) => {
    if (!session.refreshToken) return undefined;
    try {
      const tokens = await oidc.refreshTokenGrant(await configuration(), session.refreshToken);
      return { ...session, ...(await fromTokens(tokens, session.refreshToken)) };
    } catch {
      return undefined;
    }
  };

  async function routes(app: App) {
    app.get('/auth/providers', { config: { public: true } }, async () => ({ kind: 'oidc' as const }));

    app.get('/auth/sign-in', { config: { public: true } }, async (_request, reply) => {
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const binding = randomBytes(16).toString('base64url');
      await options.redis.set(pendingKey(state), JSON.stringify({ verifier, binding }), 'EX', pendingSeconds);
      reply.setCookie('parcours_oidc', binding, {
        httpOnly: true,
        secure,
        sameSite: 'lax',
        path: '/auth/callback',
        maxAge: pendingSeconds,
      });
      const url = oidc.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: options.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
      });
      return reply.redirect(url.toString());
    });

    app.get(
      '/auth/callback',
      {
        config: { public: true },
        // The provider adds what it sends back (code, iss, session_state…): the state is ours to check.
        schema: {
          querystring: Type.Object(
            { state: Type.String({ minLength: 1, maxLength: 200 }) },
            { additionalProperties: true },
          ),
        },
      },
      async (request, reply) => {
        const key = pendingKey(request.query.state);
        const pending = await options.redis.getdel(key);
        const { verifier, binding } = pending
          ? (JSON.parse(pending) as { verifier: string; binding: string })
          : { verifier: '', binding: '' };
        if (!pending || request.cookies['parcours_oidc'] !== binding) {
          throw unauthorized('sign_in_expired', 'The sign-in took too long or came from another browser');
        }
        const currentUrl = new URL(request.url, options.publicUrl);
        const tokens = await oidc.authorizationCodeGrant(await configuration(), currentUrl, {
          pkceCodeVerifier: verifier,
          expectedState: request.query.state,
        });
        reply.clearCookie('parcours_oidc', { path: '/auth/callback' });
        await app.sessions.start(reply, await fromTokens(tokens));
        return reply.redirect('/');
      },
    );
  }
  return { renew, routes };
}
