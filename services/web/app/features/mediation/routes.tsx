import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../root.tsx';

export interface WeekSearch {
  mediatorId?: string;
  date?: string;
}

const weekSearch = (search: Record<string, unknown>): WeekSearch => {
  const mediatorId = typeof search['mediatorId'] === 'string' ? search['mediatorId'] : undefined;
  const date =
    typeof search['date'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(search['date'])
      ? search['date']
      : undefined;
  return { ...(mediatorId ? { mediatorId } : {}), ...(date ? { date } : {}) };
};

const weekRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mediation/week',
  validateSearch: weekSearch,
  component: lazyRouteComponent(() => import('./components/WeekPage.tsx'), 'WeekPage'),
});

export const mediationRoutes = [weekRoute];
