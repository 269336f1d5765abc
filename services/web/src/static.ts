import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { notFound } from '@parcours/service-kit';
import type { App } from './app.ts';

const serverPrefixes = ['/api/', '/auth/', '/live', '/geo/', '/health/', '/docs'];

/**
 * The built single-page application. Hashed assets are immutable for a year; index.html is
 * revalidated on every load, so a deployment reaches everyone at their next navigation. Any other
 * path without an extension is a client route: it gets index.html.
 */
export async function staticRoutes(app: App, options: { root: string }) {
  if (!existsSync(join(options.root, 'index.html'))) {
    throw new Error(`STATIC_DIR has no index.html: build the app first (pnpm --filter @parcours/web build)`);
  }
  // The app's files are public (the sign-in page is one of them); the kit checks no token on them.
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await scope.register(fastifyStatic, {
      root: options.root,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply, path) => {
        const immutable = path.startsWith(join(options.root, 'assets'));
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // Client routes carry the app's own query strings (filters, ids): the app reads them, not this route.
    const clientRoute = {
      schema: { querystring: { type: 'object', additionalProperties: true }, hide: true },
    };
    scope.get('/*', clientRoute, async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (serverPrefixes.some((prefix) => path.startsWith(prefix)) || /\.[a-z0-9]+$/i.test(path)) {
        throw notFound('route_not_found', 'No route matches this method and path');
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  });
}
