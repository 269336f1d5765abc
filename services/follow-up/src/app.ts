import { type App, createServiceApp, type ServiceAppOptions } from '@parcours/service-kit';
import { actionRoutes } from './actions/api.ts';
import { compensationRoutes } from './compensation/api.ts';
import type { FollowUpConfig } from './config.ts';
import { contactRoutes } from './contact/api.ts';
import { evviRoutes } from './evvi/api.ts';
import { fileRoutes } from './files/api.ts';
import { fileLifecycleRoutes } from './files/commands.ts';
import { mediationReadRoutes } from './files/mediation-read.ts';
import { type FollowUpModule, openFollowUpModule } from './module.ts';
import { procedureRoutes } from './procedure/api.ts';
import { rosterRoutes } from './roster/api.ts';
import { taskRoutes } from './tasks/api.ts';
import { overdueRoutes } from './tasks/overdue.ts';

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
      routes: [
        fileRoutes,
        mediationReadRoutes,
        fileLifecycleRoutes,
        rosterRoutes,
        actionRoutes,
        contactRoutes,
        evviRoutes,
        procedureRoutes,
        compensationRoutes,
        taskRoutes,
        overdueRoutes,
      ],
    },
    options,
  );
}
