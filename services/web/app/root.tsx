import { Center, Loader } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import { Layout } from './components/Layout.tsx';
import { ProblemAlert } from './components/QueryState.tsx';
import { sessionQuery } from './features/session/api.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  pendingComponent: () => (
    <Center mih="50vh">
      <Loader />
    </Center>
  ),
  errorComponent: ({ error, reset }) => <ProblemAlert error={error} onRetry={reset} />,
});

/** Every screen but sign-in: needs a session (else to sign-in), framed by the layout. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in' });
    return { actor: session.actor };
  },
  component: function AppFrame() {
    const { actor } = appRoute.useRouteContext();
    return <Layout actor={actor} />;
  },
});
