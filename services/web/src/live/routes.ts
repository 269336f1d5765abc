import type { App } from '../app.ts';
import type { LiveHub } from './hub.ts';

const keepAliveMs = 20_000;

/**
 * Server-Sent Events: `GET /live` streams the signed-in user's live updates (`event: update`,
 * JSON data). A comment every 20 s keeps proxies from closing an idle stream; the browser's
 * EventSource reconnects by itself (`retry`).
 */
export async function liveRoutes(app: App, options: { hub: LiveHub }) {
  app.get('/live', { config: { public: true, rateLimit: false } }, async (request, reply) => {
    const { session } = await app.sessions.require(request);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 3000\n\n');
    const remove = options.hub.add({
      actor: session.actor,
      send: (update) => raw.write(`event: update\ndata: ${JSON.stringify(update)}\n\n`),
      end: () => raw.end(),
    });
    const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), keepAliveMs);
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      remove();
    });
  });
}
