import '@mantine/core/styles.css';
import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/problem.ts';
import { sessionQuery } from './features/session/api.ts';
import { startI18n } from './i18n/index.ts';
import { createAppRouter } from './router.tsx';

// Shades dark enough for WCAG AA contrast (4.5:1) on white, for text and filled buttons alike.
const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'sm',
  components: {
    Alert: { styles: { title: { color: 'var(--mantine-color-text)' } } },
  },
});
const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

// A session that ended (expired, signed out elsewhere) sends the person to sign in again when a
// screen loads; a refused submit does not navigate, so the form keeps what was typed.
const onError = (error: unknown) => {
  if (!(error instanceof ApiError) || error.status !== 401) return;
  queryClient.setQueryData(sessionQuery.queryKey, null);
  void router.navigate({ to: '/sign-in' });
};
const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refused call (4xx) is an answer: only network failures and 5xx are tried again.
      retry: (count, error) =>
        count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
    },
  },
});
const router = createAppRouter(queryClient);

await startI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={contrast}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
