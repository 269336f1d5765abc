import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { bff, setCsrfToken } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';

export interface Actor {
  id: string;
  name: string;
  roles: string[];
  association?: string;
  office?: string;
}

export interface SessionView {
  actor: Actor;
  csrf: string;
}

export type Providers =
  | {
      kind: 'dev';
      users: { user: string; name: string; roles: string[]; association?: string; office?: string }[];
    }
  | { kind: 'oidc' };

/** The signed-in user, or null: a 401 is an answer here, not an error. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<SessionView | null> => {
    try {
      const session = await bff<SessionView>('/auth/session');
      setCsrfToken(session.csrf);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(undefined);
        return null;
      }
      throw error;
    }
  },
  staleTime: Number.POSITIVE_INFINITY,
});

export const providersQuery = queryOptions({
  queryKey: ['session', 'providers'],
  queryFn: () => bff<Providers>('/auth/providers'),
  staleTime: Number.POSITIVE_INFINITY,
});

export function useDevSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: string) =>
      bff<SessionView>('/auth/dev/sign-in', { method: 'POST', body: JSON.stringify({ user }) }),
    onSuccess: (session) => {
      setCsrfToken(session.csrf);
      client.clear();
      client.setQueryData(sessionQuery.queryKey, session);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => bff<void>('/auth/sign-out', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(undefined);
      client.clear();
      client.setQueryData(sessionQuery.queryKey, null);
    },
  });
}
