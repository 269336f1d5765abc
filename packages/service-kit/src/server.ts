import type { FastifyInstance } from 'fastify';
import type { BaseConfig } from './config.ts';
import { shutdownTelemetry } from './telemetry/sdk.ts';

export interface ListenOptions {
  /** How long in-flight requests get to finish after SIGTERM/SIGINT before the process exits anyway. */
  graceMs?: number;
}

/**
 * Listens on config.HOST:PORT and closes with grace on SIGTERM/SIGINT: stops accepting
 * connections (readiness turns 503 while closing), lets requests finish, runs onClose hooks
 * (Redis, pools), flushes telemetry, then exits.
 */
export async function listen(
  app: FastifyInstance,
  config: Pick<BaseConfig, 'HOST' | 'PORT'>,
  options: ListenOptions = {},
): Promise<string> {
  const address = await app.listen({ host: config.HOST, port: config.PORT });
  const graceMs = options.graceMs ?? 10_000;
  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error({ graceMs }, 'grace period over, exiting');
      process.exit(1);
    }, graceMs);
    force.unref();
    try {
      await app.close();
      await shutdownTelemetry();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return address;
}
