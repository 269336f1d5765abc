import { queryOptions, useMutation } from '@tanstack/react-query';
import { data, intake } from '../../api/client.ts';
import { allOf } from '../../api/enums.ts';
import type { paths } from '../../api/generated/intake.ts';

export type HelplineCallBody =
  paths['/intakes/helpline-calls']['post']['requestBody']['content']['application/json'];
export type Recorded =
  paths['/intakes/helpline-calls']['post']['responses']['201']['content']['application/json'];
export type IntakeSearch = NonNullable<paths['/intakes']['get']['parameters']['query']>;

export const outcomes = allOf<HelplineCallBody['outcome']>()([
  'orientation',
  'information-given',
  'callback-needed',
]);

export function useRecordCall() {
  return useMutation({
    mutationFn: ({ body, key }: { body: HelplineCallBody; key: string }) =>
      data(intake.POST('/intakes/helpline-calls', { body, headers: { 'idempotency-key': key } })),
  });
}

/** Intakes with the same name, birth date and commune (their pseudonymous match key): no identity shown. */
export const sameNameQuery = (search: IntakeSearch) =>
  queryOptions({
    queryKey: ['intake', 'same-name', search],
    queryFn: () => data(intake.GET('/intakes', { params: { query: { ...search, limit: 5 } } })),
    staleTime: 30_000,
  });

export const accessLogQuery = (intakeId: string) =>
  queryOptions({
    queryKey: ['intake', 'access-log', intakeId],
    queryFn: () =>
      // The service publishes no response schema for this operation yet.
      data(
        intake.GET('/intakes/{intakeId}/access-log', { params: { path: { intakeId } } }),
      ) as unknown as Promise<{
        items: { actor: string; at: string; purpose: string }[];
      }>,
  });

export function useErasure() {
  return useMutation({
    mutationFn: ({ intakeId, reason, key }: { intakeId: string; reason: string; key: string }) =>
      data(
        intake.POST('/intakes/{intakeId}/erasure', {
          params: { path: { intakeId } },
          body: { reason },
          headers: { 'idempotency-key': key },
        }),
      ),
  });
}
