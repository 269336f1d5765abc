import { type App, createServiceApp, type ServiceAppOptions } from '@parcours/service-kit';
import { calendarRoutes } from './api/calendar.ts';
import { documentRoutes } from './api/documents.ts';
import { mandateRoutes } from './api/mandates.ts';
import { mediatorRoutes } from './api/mediators.ts';
import { outcomeRoutes } from './api/outcome.ts';
import { sessionRoutes } from './api/sessions.ts';
import type { MediationConfig } from './config.ts';
import { type MediationModule, openMediationModule } from './module.ts';

export type BuildOptions = ServiceAppOptions<MediationConfig, MediationModule>;

/** The mediation service as an app: the kit's service defaults, then one plugin per slice. server.ts listens. */
export function buildApp(options: BuildOptions): Promise<{ app: App; module: MediationModule }> {
  return createServiceApp(
    {
      openApi: {
        title: 'Parcours mediation',
        description:
          'Penal mediation: mandates, parties and consent, mediators, rooms, a calendar that never double books, agreements and reports',
      },
      open: (config, { logger }) => openMediationModule(config, { logger }),
      readinessTopic: (config) => config.MEDIATION_TOPIC,
      routes: [mandateRoutes, sessionRoutes, outcomeRoutes, documentRoutes, mediatorRoutes, calendarRoutes],
    },
    options,
  );
}
