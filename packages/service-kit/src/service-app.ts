import type { FastifyPluginAsync } from 'fastify';
import type { Redis } from 'ioredis';
import { type App, createApp } from './app.ts';
import type { DevIssuer } from './auth/dev-issuer.ts';
import type { BaseConfig } from './config.ts';
import { kafkaCheck, postgresCheck } from './plugins/health.ts';

/** What a service opens once per process (database, messaging, workers) and the app needs of it. */
export interface ServiceModule {
  db: { query(sql: string): Promise<unknown> };
  messaging: { describeTopics(topics: string[]): Promise<unknown> };
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

export interface ServiceAppOptions<Config extends BaseConfig & { RUN_WORKERS: boolean }, Module> {
  config: Config;
  /** An already opened module (tests share one); otherwise opened here and closed with the app. */
  module?: Module;
  redis?: Redis;
  devIssuer?: DevIssuer;
}

export interface ServiceDefinition<Config, Module> {
  openApi: { title: string; description: string };
  open(config: Config, options: { logger: App['log'] }): Promise<Module>;
  /** The topic whose description tells readiness that Kafka answers (the service's own). */
  readinessTopic(config: Config): string;
  /** One plugin per slice, each given the module. */
  routes: FastifyPluginAsync<{ module: Module }>[];
}

/**
 * A service as an app, the same way for every service: the kit's defaults, readiness of
 * PostgreSQL and Kafka, the module's workers started when the app is ready (RUN_WORKERS), then one
 * plugin per slice. `server.ts` listens; tests pass a module they opened and close themselves.
 */
export async function createServiceApp<
  Config extends BaseConfig & { RUN_WORKERS: boolean },
  Module extends ServiceModule,
>(
  definition: ServiceDefinition<Config, Module>,
  options: ServiceAppOptions<Config, Module>,
): Promise<{ app: App; module: Module }> {
  const { config } = options;
  const app = await createApp({
    config,
    ...(options.redis ? { redis: options.redis } : {}),
    ...(options.devIssuer ? { devIssuer: options.devIssuer } : {}),
    openApi: definition.openApi,
  });
  const module = options.module ?? (await definition.open(config, { logger: app.log }));
  if (!options.module) app.addHook('onClose', () => module.close());
  app.registerReadinessCheck(
    'postgres',
    postgresCheck(() => module.db.query('SELECT 1')),
  );
  app.registerReadinessCheck(
    'kafka',
    kafkaCheck(() => module.messaging.describeTopics([definition.readinessTopic(config)])),
  );
  if (config.RUN_WORKERS) app.addHook('onReady', async () => module.startWorkers());
  for (const routes of definition.routes) await app.register(routes, { module });
  return { app, module };
}
