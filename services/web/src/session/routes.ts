import type { App } from '../app.ts';

/** The session as the page sees it: who is signed in and the CSRF token to send back; sign-out. */
export async function sessionRoutes(app: App) {
  app.get('/auth/session', { config: { public: true } }, async (request, reply) => {
    const { session } = await app.sessions.require(request);
    reply.header('cache-control', 'no-store');
    return { actor: session.actor, csrf: session.csrf };
  });

  app.post('/auth/sign-out', { config: { public: true } }, async (request, reply) => {
    await app.sessions.require(request);
    await app.sessions.end(request, reply);
    return reply.code(204).send();
  });
}
