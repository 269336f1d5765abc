import { type App, createServiceApp, type ServiceAppOptions } from '@parcours/service-kit';
import type { FollowUpConfig } from './config.ts';
import { fileRoutes } from './files/api.ts';
import { type FollowUpModule, openFollowUpModule } from './module.ts';

export type BuildOptions = ServiceAppOptions<FollowUpConfig, FollowUpModule>;

/** The follow-up service as an app: the kit's service defaults, then one plugin per slice. server.ts listens. */
export function buildApp(options: BuildOptions): Promise<{ app: App; module: FollowUpModule }> {
  return createServiceApp(
    {
      openApi: {
        title: 'Parcours follow-up',
        description:
          "The association's file, from the accepted referral to its closure: staff, support actions, safe contact, EVVI, procedure, compensation, tasks",
      },
      open: (config, { logger }) => openFollowUpModule(config, { logger }),
      readinessTopic: (config) => config.FOLLOWUP_TOPIC,
      routes: [fileRoutes],
    },
    options,
  );
}
