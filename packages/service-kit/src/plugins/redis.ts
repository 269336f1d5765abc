import fp from 'fastify-plugin';
import { Redis } from 'ioredis';

declare module 'fastify' {
  interface FastifyInstance {
    redis: Redis;
  }
}

export interface RedisPluginOptions {
  /** A client the caller owns (and closes), or a URL for a client this plugin owns. */
  client?: Redis;
  url?: string;
}

export const redisPlugin = fp<RedisPluginOptions>(
  async (app, options) => {
    const owned = options.client === undefined;
    const redis =
      options.client ?? new Redis(options.url ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 });
    app.decorate('redis', redis);
    if (owned) app.addHook('onClose', async () => void (await redis.quit()));
  },
  { name: 'parcours-redis', fastify: '5.x' },
);
