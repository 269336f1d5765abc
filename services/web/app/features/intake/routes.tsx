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

export const intakeRoutes = [callRoute, auditRoute];
