import { type App, createServiceApp, type ServiceAppOptions } from '@parcours/service-kit';
import type { ReferralConfig } from './config.ts';
import { directoryRoutes } from './directory/api.ts';
import { openReferralModule, type ReferralModule } from './module.ts';
import { answerRoutes } from './referral/answers.ts';
import { referralRoutes } from './referral/api.ts';

export type BuildOptions = ServiceAppOptions<ReferralConfig, ReferralModule>;

/** The referral service as an app: the kit's service defaults, then one plugin per slice. server.ts listens. */
export function buildApp(options: BuildOptions): Promise<{ app: App; module: ReferralModule }> {
  return createServiceApp(
    {
      openApi: {
        title: 'Parcours referral',
        description: 'Network directory, routing by residence, referrals with deadlines, office inboxes',
      },
      open: (config, { logger }) => openReferralModule(config, { logger }),
      readinessTopic: (config) => config.REFERRAL_TOPIC,
      routes: [referralRoutes, answerRoutes, directoryRoutes],
    },
    options,
  );
}
