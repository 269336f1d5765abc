import { type App, createServiceApp, type ServiceAppOptions } from '@parcours/service-kit';
import { callbackRoutes } from './callbacks/api.ts';
import { communeRoutes } from './communes/api.ts';
import type { IntakeConfig } from './config.ts';
import { duplicateRoutes } from './duplicates/api.ts';
import { intakeRoutes } from './intake/api.ts';
import { massEventRoutes } from './mass-events/api.ts';
import { type IntakeModule, openIntakeModule } from './module.ts';

export type BuildOptions = ServiceAppOptions<IntakeConfig, IntakeModule>;

/** The intake service as an app: the kit's service defaults, then one plugin per slice. server.ts listens. */
export function buildApp(options: BuildOptions): Promise<{ app: App; module: IntakeModule }> {
  return createServiceApp(
    {
      openApi: {
        title: 'Parcours intake',
        description: 'Helpline calls, walk-ins, requisitions, partner and mass-event intakes',
      },
      open: (config, { logger }) => openIntakeModule(config, { logger }),
      readinessTopic: (config) => config.INTAKE_TOPIC,
      routes: [intakeRoutes, callbackRoutes, duplicateRoutes, massEventRoutes, communeRoutes],
    },
    options,
  );
}
