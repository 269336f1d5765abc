import { type App, createApp, type DevIssuer, kafkaCheck, postgresCheck } from '@parcours/service-kit';
import type { Redis } from 'ioredis';
import type { ReferralConfig } from './config.ts';
import { directoryRoutes } from './directory/api.ts';
import { openReferralModule, type ReferralModule } from './module.ts';
import { referralRoutes } from './referral/api.ts';

export interface BuildOptions {
  config: ReferralConfig;
  /** An already opened module (tests share one); otherwise opened here and closed with the app. */
  module?: ReferralModule;
  redis?: Redis;
  devIssuer?: DevIssuer;
}

/** The referral service as an app: the kit's defaults, then one plugin per slice. server.ts listens. */
export async function buildApp(options: BuildOptions): Promise<{ app: App; module: ReferralModule }> {
  const { config } = options;
  const app = await createApp({
    config,
    ...(options.redis ? { redis: options.redis } : {}),
    ...(options.devIssuer ? { devIssuer: options.devIssuer } : {}),
    openApi: {
      title: 'Parcours referral',
      description: 'Network directory, routing by residence, referrals with deadlines, office inboxes',
    },
  });
  const module = options.module ?? (await openReferralModule(config, { logger: app.log }));
  if (!options.module) app.addHook('onClose', () => module.close());
  app.registerReadinessCheck(
    'postgres',
    postgresCheck(() => module.db.query('SELECT 1')),
  );
  app.registerReadinessCheck(
    'kafka',
    kafkaCheck(() => module.messaging.describeTopics([config.REFERRAL_TOPIC])),
  );
  if (config.RUN_WORKERS) app.addHook('onReady', async () => module.startWorkers());

  await app.register(referralRoutes, { module });
  await app.register(directoryRoutes, { module });
  return { app, module };
}
