import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { data, referral } from '../../api/client.ts';
import type { paths } from '../../api/generated/referral.ts';

export type InboxFilters = Partial<NonNullable<paths['/referrals/inbox']['get']['parameters']['query']>>;
export type ReferralItem =
  paths['/referrals/inbox']['get']['responses']['200']['content']['application/json']['items'][number];
type TargetBody =
  paths['/referrals/{referralId}/redirect']['post']['requestBody']['content']['application/json'];
type RoutingQuery = paths['/directory/routing']['get']['parameters']['query'];

/** A reason of a routing decision: a code the page translates, its values, the service's English. */
export interface Reason {
  code: string;
  params?: Record<string, string>;
  text: string;
}

/** `GET /referrals/{id}`: the referral with its reasons and deadlines. */
export type ReferralDetail =
  paths['/referrals/{referralId}']['get']['responses']['200']['content']['application/json'];

/** `GET /directory/routing`: where a case would go and why (no effect). */
export type RoutingDecision =
  paths['/directory/routing']['get']['responses']['200']['content']['application/json'];

export const inboxQuery = (filters: InboxFilters) =>
  queryOptions({
    queryKey: ['referral', 'inbox', filters],
    queryFn: () =>
      data(
        referral.GET('/referrals/inbox', {
          params: { query: { box: 'received', limit: 100, offset: 0, ...filters } },
        }),
      ),
  });

export const queueQuery = queryOptions({
  queryKey: ['referral', 'queue'],
  queryFn: () => data(referral.GET('/referrals/queue', { params: { query: { limit: 100, offset: 0 } } })),
});

export const referralQuery = (referralId: string) =>
  queryOptions({
    queryKey: ['referral', 'one', referralId],
    queryFn: () =>
      data(
        referral.GET('/referrals/{referralId}', { params: { path: { referralId } } }),
      ) as unknown as Promise<ReferralDetail>,
  });

export const routingQuery = (query: RoutingQuery) =>
  queryOptions({
    queryKey: ['referral', 'routing', query],
    queryFn: () =>
      data(referral.GET('/directory/routing', { params: { query } })) as unknown as Promise<RoutingDecision>,
    staleTime: 60_000,
  });

type Answer =
  | { kind: 'accept' }
  | { kind: 'decline'; reason: string }
  | { kind: 'redirect' | 'add-service' | 'route'; target: TargetBody };

/** Accept, decline, redirect, add a service, or (national platform) route a queued case by hand. */
export function useAnswer(referralId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ answer, key }: { answer: Answer; key: string }) => {
      const options = { params: { path: { referralId } }, headers: { 'idempotency-key': key } };
      switch (answer.kind) {
        case 'accept':
          return data(referral.POST('/referrals/{referralId}/accept', options));
        case 'decline':
          return data(
            referral.POST('/referrals/{referralId}/decline', { ...options, body: { reason: answer.reason } }),
          );
        case 'redirect':
          return data(referral.POST('/referrals/{referralId}/redirect', { ...options, body: answer.target }));
        case 'add-service':
          return data(
            referral.POST('/referrals/{referralId}/add-service', { ...options, body: answer.target }),
          );
        case 'route':
          return data(referral.POST('/referrals/{referralId}/route', { ...options, body: answer.target }));
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['referral'] }),
  });
}
