import { type App, createApp, type DevIssuer, kafkaCheck, postgresCheck } from '@parcours/service-kit';
import type { Redis } from 'ioredis';
import { callbackRoutes } from './callbacks/api.ts';
import type { IntakeConfig } from './config.ts';
import { duplicateRoutes } from './duplicates/api.ts';
import { intakeRoutes } from './intake/api.ts';
import { massEventRoutes } from './mass-events/api.ts';
import { type IntakeModule, openIntakeModule } from './module.ts';

export interface BuildOptions {
  config: IntakeConfig;
  /** An already opened module (tests share one); otherwise opened here and closed with the app. */
  module?: IntakeModule;
  redis?: Redis;
  devIssuer?: DevIssuer;
}

/** The intake service as an app: the kit's defaults, then one plugin per slice. server.ts listens. */
export async function buildApp(options: BuildOptions): Promise<{ app: App; module: IntakeModule }> {
  const { config } = options;
  const app = await createApp({
    config,
    ...(options.redis ? { redis: options.redis } : {}),
    ...(options.devIssuer ? { devIssuer: options.devIssuer } : {}),
    openApi: {
      title: 'Parcours intake',
      description: 'Helpline calls, walk-ins, requisitions, partner and mass-event intakes',
    },
  });
  const module = options.module ?? (await openIntakeModule(config, { logger: app.log }));
  if (!options.module) app.addHook('onClose', () => module.close());
  app.registerReadinessCheck(
    'postgres',
    postgresCheck(() => module.db.query('SELECT 1')),
  );
  app.registerReadinessCheck(
    'kafka',
    kafkaCheck(() => module.messaging.describeTopics([config.INTAKE_TOPIC])),
  );
  if (config.RUN_WORKERS) app.addHook('onReady', async () => module.startWorkers());

  await app.register(intakeRoutes, { module });
  await app.register(callbackRoutes, { module });
  await app.register(duplicateRoutes, { module });
  await app.register(massEventRoutes, { module });
  return { app, module };
}
