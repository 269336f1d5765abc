import { type App, createServiceApp, type ServiceAppOptions } from '@parcours/service-kit';
import { annualReportRoutes } from './annual/api.ts';
import type { ProjectionsConfig } from './config.ts';
import { dashboardRoutes } from './dashboards/api.ts';
import { federationRoutes } from './federation/api.ts';
import { openProjectionsModule, type ProjectionsModule } from './module.ts';
import { pathRoutes } from './path/api.ts';
import { viewRoutes } from './rebuild/api.ts';

export type BuildOptions = ServiceAppOptions<ProjectionsConfig, ProjectionsModule>;

/** The projections service as an app: the kit's service defaults, then one plugin per slice. server.ts listens. */
export function buildApp(options: BuildOptions): Promise<{ app: App; module: ProjectionsModule }> {
  return createServiceApp(
    {
      openApi: {
        title: 'Parcours projections',
        description:
          "The victim's path, the offices' and associations' dashboards, the federation's figures and the annual report",
      },
      open: (config, { logger }) => openProjectionsModule(config, { logger }),
      readinessTopic: (config) => config.FOLLOWUP_TOPIC,
      routes: [pathRoutes, dashboardRoutes, federationRoutes, annualReportRoutes, viewRoutes],
    },
    options,
  );
}
