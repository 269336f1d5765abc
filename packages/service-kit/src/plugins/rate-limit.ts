import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { findActor } from '../auth/plugin.ts';
import { tooManyRequests } from '../errors.ts';

export interface RateLimitPluginOptions {
  redis: Redis;
  max: number;
  windowMs: number;
  /** Key prefix, so services sharing a Redis keep separate budgets. */
  namespace: string;
}

/**
 * Per-actor budget shared by every instance through Redis (per IP for anonymous requests).
 * Route hooks run after the global auth hook, so the actor is known when the key is computed.
 * A Redis outage lets requests through (readiness reports it) rather than stopping case work.
 * Routes tune or disable it with `config: { rateLimit: { max, timeWindow } | false }`.
 */
export const rateLimitPlugin = fp<RateLimitPluginOptions>(
  async (app, options) => {
    await app.register(rateLimit, {
      global: true,
      max: options.max,
      timeWindow: options.windowMs,
      redis: options.redis,
      nameSpace: `${options.namespace}:`,
      skipOnError: true,
      keyGenerator: (request) => {
        const actor = findActor(request);
        return actor ? `actor:${actor.id}` : `ip:${request.ip}`;
      },
      errorResponseBuilder: (_request, context) =>
        tooManyRequests('rate_limited', `Too many requests, retry in ${context.after}`),
    });
  },
  { name: 'parcours-rate-limit', fastify: '5.x', dependencies: ['parcours-auth', 'parcours-problems'] },
);
