import { type DevIssuer, type DevUserName, devUsers, unprocessable } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import type { App } from '../app.ts';
import type { Renew } from './plugin.ts';
import type { TokenReader } from './tokens.ts';

/**
 * Development sign-in: the local issuer's users are offered on the sign-in page, and the BFF signs
 * their token with the same key the services trust (AUTH_DEV_ISSUER=true).
 */
export function devSignIn(issuer: DevIssuer, read: TokenReader, ttlSeconds: number) {
  const userNamed = (sub: string) =>
    (Object.keys(devUsers) as DevUserName[]).find((name) => devUsers[name].sub === sub);
  const signIn = async (name: DevUserName) => {
    const accessToken = await issuer.sign(name, { expiresIn: ttlSeconds });
    const { actor, expiresAt } = await read(accessToken);
    return { actor, accessToken, accessExpiresAt: expiresAt };
  };

  const renew: Renew = async (session) => {
    const name = userNamed(session.actor.id);
    return name ? { ...session, ...(await signIn(name)) } : undefined;
  };

  async function routes(app: App) {
    app.get('/auth/providers', { config: { public: true } }, async () => ({
      kind: 'dev' as const,
      users: (Object.keys(devUsers) as DevUserName[]).map((name) => {
        const { sub: _sub, ...user } = devUsers[name];
        return { user: name, ...user };
      }),
    }));

    app.post(
      '/auth/dev/sign-in',
      {
        config: { public: true },
        schema: {
          body: Type.Object(
            { user: Type.String({ minLength: 1, maxLength: 64 }) },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        app.sessions.requireSameOrigin(request);
        const name = request.body.user;
        if (!Object.hasOwn(devUsers, name)) {
          throw unprocessable('unknown_user', 'No such development user', {
            errors: [{ field: '/body/user', message: 'unknown user' }],
          });
        }
        const session = await app.sessions.start(reply, await signIn(name as DevUserName));
        return { actor: session.actor, csrf: session.csrf };
      },
    );
  }
  return { renew, routes };
}
