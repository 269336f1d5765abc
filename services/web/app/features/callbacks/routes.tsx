import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../root.tsx';

const queueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/helpline/callbacks',
  component: lazyRouteComponent(() => import('./components/CallbackQueue.tsx'), 'CallbackQueue'),
});

export const callbackRoutes = [queueRoute];
