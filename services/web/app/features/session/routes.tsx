import { Stack, Text, Title } from '@mantine/core';
import { createRoute, redirect } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { homeOf } from '../../navigation.ts';
import { appRoute, rootRoute } from '../../root.tsx';
import { sessionQuery } from './api.ts';
import { SignInPage } from './components/SignInPage.tsx';

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  component: SignInPage,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    throw redirect({ to: session ? homeOf(session.actor) : '/sign-in' });
  },
});

/** Roles whose screens come with later services (mediation, projections). */
const welcomeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/welcome',
  component: function Welcome() {
    const { t } = useTranslation();
    return (
      <Stack>
        <Title order={1}>{t('welcome.title')}</Title>
        <Text>{t('welcome.text')}</Text>
      </Stack>
    );
  },
});

export const sessionRoutes = { signInRoute, appChildren: [homeRoute, welcomeRoute] };
