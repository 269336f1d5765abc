import { queryOptions } from '@tanstack/react-query';
import { data, referral } from './client.ts';

/**
 * The directory's names, under a key prefix of their own: the live updates invalidate `referral`
 * queries on every referral change and every (re)opening of the stream, and names do not change
 * with them.
 */

/** An office of the network as the referral service's directory knows it (its name, its association). */
export const officeQuery = (officeId: string) =>
  queryOptions({
    queryKey: ['directory', 'office', officeId],
    queryFn: () =>
      data(
        referral.GET('/directory/offices/{officeId}', { params: { path: { officeId } } }),
      ) as unknown as Promise<{
        officeId: string;
        name: string;
        associationId: string;
      }>,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

/** An association of the network as the directory knows it (its name). */
export const associationQuery = (associationId: string) =>
  queryOptions({
    queryKey: ['directory', 'association', associationId],
    queryFn: () =>
      data(
        referral.GET('/directory/associations/{associationId}', { params: { path: { associationId } } }),
      ) as unknown as Promise<{ associationId: string; name: string }>,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
