import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { DevIssuer } from './auth/dev-issuer.ts';
import { type AuthOptions, authPlugin } from './auth/plugin.ts';
import { correlationIdOf } from './command-metadata.ts';
import { type BaseConfig, ConfigError } from './config.ts';
import { createLogger } from './logger.ts';
import { healthPlugin, redisCheck } from './plugins/health.ts';
import { idempotencyPlugin } from './plugins/idempotency.ts';
import { type OpenApiOptions, openApiPlugin } from './plugins/openapi.ts';
import { clientErrorHandler, frameworkErrors, problemsPlugin } from './plugins/problems.ts';
import { rateLimitPlugin } from './plugins/rate-limit.ts';
import { redisPlugin } from './plugins/redis.ts';
import { strictInputPlugin } from './plugins/strict-input.ts';
import { tracingPlugin } from './plugins/tracing.ts';
import type { InputBounds } from './validation/strict-schema.ts';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface CreateAppOptions {
  config: BaseConfig;
  /** Defaults to createLogger at config.LOG_LEVEL. */
  logger?: Logger;
  /** A client the caller owns; otherwise one is opened on config.REDIS_URL and closed with the app. */
  redis?: Redis;
  /** The local issuer to trust when AUTH_DEV_ISSUER is true (DevIssuer.shared() otherwise). */
  devIssuer?: DevIssuer;
  openApi?: Partial<OpenApiOptions>;
  idempotency?: { ttlMs?: number; lockMs?: number };
  /** Largest body accepted (1 MiB), answered 413 beyond; bounds given to unbounded schemas. */
  input?: { bodyLimit?: number; bounds?: Partial<InputBounds> };
}

async function verificationKeys(options: CreateAppOptions): Promise<AuthOptions['keys']> {
  const { config } = options;
  if (config.AUTH_DEV_ISSUER && config.AUTH_JWKS_URL) {
    throw new ConfigError(['AUTH_JWKS_URL: must not be set together with AUTH_DEV_ISSUER=true']);
  }
  if (config.AUTH_JWKS_URL) return { jwksUrl: config.AUTH_JWKS_URL };
  if (!config.AUTH_DEV_ISSUER) {
    throw new ConfigError(['AUTH_JWKS_URL: missing (or set AUTH_DEV_ISSUER=true in development)']);
  }
  const issuer =
    options.devIssuer ??
    (await DevIssuer.shared({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE }));
  return { keySet: issuer.keySet() };
}

/**
 * The service defaults, as named plugins: request spans, problem+json errors, strict input,
 * Redis, OpenAPI, JWT auth, rate limits, Idempotency-Key, health. The service registers its routes on the
 * returned app, then calls `listen` (server.ts) or `app.inject` (tests).
 */
export async function createApp(options: CreateAppOptions): Promise<App> {
  const { config } = options;
  const keys = await verificationKeys(options);
  const logger =
    options.logger ?? createLogger({ level: config.LOG_LEVEL, serviceName: config.SERVICE_NAME });
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    bodyLimit: options.input?.bodyLimit ?? 1024 * 1024,
    // Longer than any parameter schema allows, so that a long id is a 400 naming it, not a 414.
    routerOptions: { maxParamLength: 1_000 },
    frameworkErrors,
    clientErrorHandler,
    // A service's boot waits for its dependencies (migrations, topics, a consumer group's join, in
    // onReady): on a Kafka cluster just back from an outage that takes longer than Fastify's 10 s,
    // and the service exited instead of starting (bench/chaos). The orchestrator's startup probe
    // is what decides when a boot is too slow.
    pluginTimeout: 180_000,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-correlation-id', correlationIdOf(request));
  });

  await app.register(tracingPlugin);
  await app.register(problemsPlugin);
  await app.register(strictInputPlugin, options.input?.bounds ? { bounds: options.input.bounds } : {});
  await app.register(redisPlugin, options.redis ? { client: options.redis } : { url: config.REDIS_URL });
  await app.register(openApiPlugin, { title: config.SERVICE_NAME, ...options.openApi });
  await app.register(authPlugin, { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, keys });
  await app.register(rateLimitPlugin, {
    redis: app.redis,
    max: config.RATE_LIMIT_MAX,
    windowMs: config.RATE_LIMIT_WINDOW_MS,
    namespace: `parcours:${config.SERVICE_NAME}:rate-limit`,
  });
  await app.register(idempotencyPlugin, {
    redis: app.redis,
    namespace: `parcours:${config.SERVICE_NAME}`,
    ...options.idempotency,
  });
  await app.register(healthPlugin);
  app.registerReadinessCheck('redis', redisCheck(app.redis));
  return app;
}
