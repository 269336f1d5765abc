import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { callbackRoutes } from './features/callbacks/routes.tsx';
import { followUpRoutes } from './features/follow-up/routes.tsx';
import { intakeRoutes } from './features/intake/routes.tsx';
import { massEventRoutes } from './features/mass-events/routes.tsx';
import { mediationRoutes } from './features/mediation/routes.tsx';
import { projectionRoutes } from './features/projections/routes.tsx';
import { referralRoutes } from './features/referral/routes.tsx';
import { sessionRoutes } from './features/session/routes.tsx';
import { appRoute, rootRoute } from './root.tsx';

const routeTree = rootRoute.addChildren([
  sessionRoutes.signInRoute,
  appRoute.addChildren([
    ...sessionRoutes.appChildren,
    ...intakeRoutes,
    ...callbackRoutes,
    ...referralRoutes,
    ...followUpRoutes,
    ...mediationRoutes,
    ...projectionRoutes,
    ...massEventRoutes,
  ]),
]);

export const createAppRouter = (queryClient: QueryClient) =>
  createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
