import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { type App, createApp } from '../app.ts';
import { DevIssuer, type DevUserName } from '../auth/dev-issuer.ts';
import { baseConfigSchema, loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';

/** Log lines captured in memory, parsed. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  readonly raw: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      this.raw.push(line);
      this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }
}

/**
 * The base variables of a service under test: the real servers the test stack found, the test
 * issuer, a unique service name (rate-limit and idempotency keys never collide), a high rate limit.
 */
export function testServiceEnv(name: string, databaseUrl?: string): Record<string, string> {
  return {
    SERVICE_NAME: `${name}-${randomUUID().slice(0, 8)}`,
    DATABASE_URL: databaseUrl ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
    AUTH_ISSUER: 'test-issuer',
    AUTH_AUDIENCE: 'test-audience',
    AUTH_DEV_ISSUER: 'true',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '100000',
  };
}

export interface TestAppOptions {
  env?: Record<string, string>;
  logs?: LogCapture;
  idempotency?: { ttlMs?: number; lockMs?: number };
}

export interface TestApp {
  app: App;
  serviceName: string;
  issuer: DevIssuer;
  redis: Redis;
  token(user: DevUserName): Promise<string>;
  auth(user: DevUserName): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

/**
 * An app on the real Redis with a fresh dev issuer and a unique service name, so rate-limit and
 * idempotency keys never collide between tests or runs. Register routes, then `await app.ready()`.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const issuer = await DevIssuer.create({ issuer: 'test-issuer', audience: 'test-audience' });
  const config = loadConfig(baseConfigSchema, {
    ...testServiceEnv('test'),
    // Kit tests read the request logs; the rate-limit tests set their own limit.
    LOG_LEVEL: 'info',
    RATE_LIMIT_MAX: '300',
    ...options.env,
  });
  const redis = new Redis(config.REDIS_URL);
  const logger = createLogger({ level: config.LOG_LEVEL, stream: options.logs ?? new LogCapture() });
  const app = await createApp({
    config,
    redis,
    devIssuer: issuer,
    logger,
    ...(options.idempotency ? { idempotency: options.idempotency } : {}),
  });
  return {
    app,
    serviceName: config.SERVICE_NAME,
    issuer,
    redis,
    token: (user) => issuer.sign(user),
    auth: async (user) => ({ authorization: `Bearer ${await issuer.sign(user)}` }),
    close: async () => {
      await app.close();
      await redis.quit();
    },
  };
}
