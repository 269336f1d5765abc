import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../root.tsx';

const callRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/helpline/call',
  component: lazyRouteComponent(() => import('./components/CallForm.tsx'), 'CallForm'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  component: lazyRouteComponent(() => import('./components/AuditPage.tsx'), 'AuditPage'),
});

const openIntakesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/helpline/open-intakes',
  component: lazyRouteComponent(() => import('./components/OpenIntakesPage.tsx'), 'OpenIntakesPage'),
});

const openIntakeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/helpline/open-intakes/$intakeId',
  component: lazyRouteComponent(() => import('./components/OpenIntakePage.tsx'), 'OpenIntakePage'),
});

export const intakeRoutes = [callRoute, auditRoute, openIntakesRoute, openIntakeRoute];
