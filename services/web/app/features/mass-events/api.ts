import { queryOptions, useMutation } from '@tanstack/react-query';
import { bff, data, intake } from '../../api/client.ts';
import { allOf } from '../../api/enums.ts';
import type { paths } from '../../api/generated/intake.ts';

export type MassEventBody = paths['/mass-events']['post']['requestBody']['content']['application/json'];
export type ImportReport =
  paths['/mass-events/{massEventId}/imports/{importId}']['get']['responses']['200']['content']['application/json'];

export const massEventKinds = allOf<MassEventBody['kind']>()([
  'terrorist-attack',
  'collective-accident',
  'natural-disaster',
  'other',
]);

export function useRecordMassEvent() {
  return useMutation({
    mutationFn: ({ body, key }: { body: MassEventBody; key: string }) =>
      data(intake.POST('/mass-events', { body, headers: { 'idempotency-key': key } })),
  });
}

/** The victim list goes as it is (text/csv); the service answers at once and imports in the background. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ massEventId, file }: { massEventId: string; file: File }) =>
      bff<{ importId: string }>(`/api/intake/mass-events/${encodeURIComponent(massEventId)}/imports`, {
        method: 'POST',
        body: file,
        headers: { 'content-type': 'text/csv' },
      }),
  });
}

/** An import's progress, read every half second until it is over. */
export const importQuery = (massEventId: string, importId: string) =>
  queryOptions({
    queryKey: ['intake', 'import', massEventId, importId],
    queryFn: () =>
      data(
        intake.GET('/mass-events/{massEventId}/imports/{importId}', {
          params: { path: { massEventId, importId } },
        }),
      ),
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 500 : false),
  });
