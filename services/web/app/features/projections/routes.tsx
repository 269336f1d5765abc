import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../root.tsx';

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  component: lazyRouteComponent(() => import('./components/DashboardPage.tsx'), 'DashboardPage'),
});

const annualReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/annual-report',
  component: lazyRouteComponent(() => import('./components/AnnualReportPage.tsx'), 'AnnualReportPage'),
});

export const projectionRoutes = [dashboardRoute, annualReportRoute];
