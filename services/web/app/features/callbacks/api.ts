import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { data, intake } from '../../api/client.ts';
import { allOf } from '../../api/enums.ts';
import type { paths } from '../../api/generated/intake.ts';

type Complete = paths['/callbacks/{taskId}/complete']['post']['requestBody']['content']['application/json'];
export type CallbackTask =
  paths['/callbacks']['get']['responses']['200']['content']['application/json']['items'][number];

export const callbackOutcomes = allOf<Complete['outcome']>()(['reached', 'unreachable', 'cancelled']);

export const callbacksQuery = queryOptions({
  queryKey: ['intake', 'callbacks'],
  queryFn: () =>
    data(intake.GET('/callbacks', { params: { query: { status: 'open', limit: 100, offset: 0 } } })),
  refetchInterval: 60_000,
});

export function useCompleteCallback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, outcome, key }: { taskId: string; outcome: Complete['outcome']; key: string }) =>
      data(
        intake.POST('/callbacks/{taskId}/complete', {
          params: { path: { taskId } },
          body: { outcome },
          headers: { 'idempotency-key': key },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: callbacksQuery.queryKey }),
  });
}
