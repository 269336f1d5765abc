import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';

/** A readiness check resolves when the dependency answers and rejects (or times out) otherwise. */
export type ReadinessCheck = () => Promise<unknown>;

export interface ReadinessCheckOptions {
  timeoutMs?: number;
}

interface RegisteredCheck {
  name: string;
  check: ReadinessCheck;
  timeoutMs: number;
}

export interface CheckResult {
  status: 'ok' | 'error';
  durationMs: number;
  error?: 'timeout' | 'failed';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Adds a named check to /health/ready (default timeout 2 s). */
    registerReadinessCheck(name: string, check: ReadinessCheck, options?: ReadinessCheckOptions): void;
  }
}

/** PostgreSQL: pass a function that runs `select 1` on the service's pool or ORM. */
export const postgresCheck =
  (query: () => Promise<unknown>): ReadinessCheck =>
  () =>
    query();

export const redisCheck =
  (redis: Redis): ReadinessCheck =>
  async () => {
    const answer = await redis.ping();
    if (answer !== 'PONG') throw new Error(`unexpected PING answer`);
  };

/** Kafka: pass a function that reaches the brokers (e.g. admin.describeCluster()). */
export const kafkaCheck =
  (describe: () => Promise<unknown>): ReadinessCheck =>
  () =>
    describe();

async function run({ name, check, timeoutMs }: RegisteredCheck): Promise<[string, CheckResult, unknown]> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([check().then(() => 'ok' as const), timeout]);
    const durationMs = Math.round(performance.now() - started);
    return outcome === 'ok'
      ? [name, { status: 'ok', durationMs }, undefined]
      : [name, { status: 'error', durationMs, error: 'timeout' }, undefined];
  } catch (error) {
    return [
      name,
      { status: 'error', durationMs: Math.round(performance.now() - started), error: 'failed' },
      error,
    ];
  } finally {
    clearTimeout(timer);
  }
}

const CheckResultSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
  durationMs: Type.Number(),
  error: Type.Optional(Type.Union([Type.Literal('timeout'), Type.Literal('failed')])),
});
const ReadySchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
  checks: Type.Record(Type.String(), CheckResultSchema),
});

/**
 * /health/live answers while the process runs; /health/ready runs every registered check in
 * parallel, each with its timeout, and answers 503 when one fails. The cause of a failure goes to
 * the log, not the response: these routes are public.
 */
export const healthPlugin = fp(
  async (app) => {
    const checks: RegisteredCheck[] = [];
    app.decorate(
      'registerReadinessCheck',
      (name: string, check: ReadinessCheck, options?: ReadinessCheckOptions) => {
        if (checks.some((c) => c.name === name))
          throw new Error(`readiness check ${name} already registered`);
        checks.push({ name, check, timeoutMs: options?.timeoutMs ?? 2_000 });
      },
    );

    const config = { public: true, rateLimit: false } as const;
    app.get(
      '/health/live',
      {
        config,
        schema: {
          tags: ['health'],
          summary: 'Liveness: the process answers',
          security: [],
          response: { 200: Type.Object({ status: Type.Literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/health/ready',
      {
        config,
        schema: {
          tags: ['health'],
          summary: 'Readiness: every dependency answers (503 names the checks that fail)',
          security: [],
          response: { 200: ReadySchema, 503: ReadySchema },
        },
      },
      async (request, reply) => {
        const results = await Promise.all(checks.map(run));
        let ok = true;
        for (const [name, result, error] of results) {
          if (result.status === 'ok') continue;
          ok = false;
          request.log.warn({ check: name, err: error, reason: result.error }, 'readiness check failed');
        }
        return reply
          .code(ok ? 200 : 503)
          .send({ status: ok ? 'ok' : 'error', checks: Object.fromEntries(results.map(([n, r]) => [n, r])) });
      },
    );
  },
  { name: 'parcours-health', fastify: '5.x' },
);
