import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { data, intake } from '../../api/client.ts';
import { allOf } from '../../api/enums.ts';
import type { paths } from '../../api/generated/intake.ts';

export type HelplineCallBody =
  paths['/intakes/helpline-calls']['post']['requestBody']['content']['application/json'];
export type Recorded =
  paths['/intakes/helpline-calls']['post']['responses']['201']['content']['application/json'];
export type IntakeSearch = NonNullable<paths['/intakes']['get']['parameters']['query']>;
export type IntakeListItem =
  paths['/intakes']['get']['responses']['200']['content']['application/json']['items'][number];
export type ProfileChanges =
  paths['/intakes/{intakeId}/profile-corrections']['post']['requestBody']['content']['application/json'];
export type ConsentBody =
  paths['/intakes/{intakeId}/consent']['post']['requestBody']['content']['application/json'];
type Changed =
  paths['/intakes/{intakeId}/profile-corrections']['post']['responses']['200']['content']['application/json'];

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

/** Intakes waiting for what orientation needs, newest first (the list has no identity). */
export const openIntakesQuery = queryOptions({
  queryKey: ['intake', 'open'],
  queryFn: () =>
    data(
      intake.GET('/intakes', {
        params: { query: { status: 'open', awaiting: 'orientation', limit: 200, offset: 0 } },
      }),
    ),
  refetchInterval: 60_000,
});

/** An intake as `GET /intakes/{intakeId}` reads it: the fields the completion screen uses. */
export interface IntakeRead {
  intakeId: string;
  caseId: string;
  status: 'open' | 'ready' | 'merged';
  missingForOrientation: string[];
  profile: HelplineCallBody['profile'];
  details: { channel: string; outcome?: HelplineCallBody['outcome'] };
  recordedAt: string;
}

export const intakeQuery = (intakeId: string) =>
  queryOptions({
    queryKey: ['intake', 'intake', intakeId],
    queryFn: () =>
      // The service publishes no response schema for this read yet; the read is access-logged.
      data(
        intake.GET('/intakes/{intakeId}', {
          params: { path: { intakeId }, query: { purpose: 'completion-for-orientation' } },
        }),
      ) as unknown as Promise<IntakeRead>,
  });

/**
 * What the listener completes on an open intake: the profile's missing facts, then the consent;
 * the last answer says whether the intake is now ready. Each call has its own Idempotency-Key.
 */
export function useCompleteIntake() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      intakeId,
      changes,
      consent,
      keys,
    }: {
      intakeId: string;
      changes: ProfileChanges | null;
      consent: ConsentBody | null;
      keys: { changes: string; consent: string };
    }) => {
      const params = { path: { intakeId } };
      let answer: Changed | undefined;
      if (changes) {
        answer = await data(
          intake.POST('/intakes/{intakeId}/profile-corrections', {
            params,
            body: changes,
            headers: { 'idempotency-key': keys.changes },
          }),
        );
      }
      if (consent) {
        answer = await data(
          intake.POST('/intakes/{intakeId}/consent', {
            params,
            body: consent,
            headers: { 'idempotency-key': keys.consent },
          }),
        );
      }
      return answer;
    },
    onSettled: (_answer, _error, { intakeId }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: openIntakesQuery.queryKey }),
        client.invalidateQueries({ queryKey: intakeQuery(intakeId).queryKey }),
      ]),
  });
}
