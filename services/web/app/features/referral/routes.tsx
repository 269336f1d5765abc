import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../root.tsx';
import { inboxSearch } from './statuses.ts';

const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inbox',
  validateSearch: inboxSearch,
  component: lazyRouteComponent(() => import('./components/InboxPage.tsx'), 'InboxPage'),
});

const referralRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/referrals/$referralId',
  component: lazyRouteComponent(() => import('./components/ReferralPage.tsx'), 'ReferralPage'),
});

const queueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/platform/queue',
  component: lazyRouteComponent(() => import('./components/QueuePage.tsx'), 'QueuePage'),
});

const overdueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/overdue',
  component: lazyRouteComponent(() => import('./components/OverduePage.tsx'), 'OverduePage'),
});

export const referralRoutes = [inboxRoute, referralRoute, queueRoute, overdueRoute];
