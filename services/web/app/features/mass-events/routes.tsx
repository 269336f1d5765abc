import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../root.tsx';

const uuid = /^[0-9a-f-]{36}$/i;

const massEventsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mass-events',
  validateSearch: (search: Record<string, unknown>): { event?: string } =>
    typeof search['event'] === 'string' && uuid.test(search['event']) ? { event: search['event'] } : {},
  component: lazyRouteComponent(() => import('./components/MassEventsPage.tsx'), 'MassEventsPage'),
});

export const massEventRoutes = [massEventsRoute];
