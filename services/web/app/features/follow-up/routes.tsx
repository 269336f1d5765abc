import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../root.tsx';

const fileStatuses = ['open', 'closure-requested', 'closed', 'transferred'] as const;
export interface FilesSearch {
  status?: (typeof fileStatuses)[number];
  mine?: true;
}

/** The list's filters as the URL holds them (`?status=open&mine=true`): unknown values are dropped. */
const filesSearch = (search: Record<string, unknown>): FilesSearch => {
  const status = fileStatuses.find((s) => s === search['status']);
  const mine = search['mine'] === true || search['mine'] === 'true';
  return { ...(status ? { status } : {}), ...(mine ? { mine: true } : {}) };
};

const filesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/files',
  validateSearch: filesSearch,
  component: lazyRouteComponent(() => import('./components/FilesPage.tsx'), 'FilesPage'),
});

const fileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/files/$fileId',
  component: lazyRouteComponent(() => import('./components/FilePage.tsx'), 'FilePage'),
});

const teamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/team',
  component: lazyRouteComponent(() => import('./components/TeamPage.tsx'), 'TeamPage'),
});
const assignmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assignments',
  component: lazyRouteComponent(() => import('./components/AssignmentsPage.tsx'), 'AssignmentsPage'),
});
const approvalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/approvals',
  component: lazyRouteComponent(() => import('./components/ApprovalsPage.tsx'), 'ApprovalsPage'),
});

export const followUpRoutes = [filesRoute, fileRoute, teamRoute, assignmentsRoute, approvalsRoute];
