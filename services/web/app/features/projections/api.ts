import '../../i18n/follow-up.ts';
import '../../i18n/projections.ts';
import { queryOptions } from '@tanstack/react-query';
import { data, projections } from '../../api/client.ts';
import type { paths } from '../../api/generated/projections.ts';

export type Dashboard =
  paths['/offices/{officeId}/dashboard']['get']['responses']['200']['content']['application/json'];
export type AnnualReport =
  paths['/associations/{associationId}/annual-reports/{year}']['get']['responses']['200']['content']['application/json'];

/** The office's dashboard for an office manager, the association's for its managers (keys start with `dashboard`: live notices refetch them). */
export const dashboardQuery = (scope: { officeId?: string; associationId?: string }) =>
  queryOptions({
    queryKey: ['dashboard', scope],
    queryFn: () =>
      scope.officeId
        ? data(
            projections.GET('/offices/{officeId}/dashboard', {
              params: { path: { officeId: scope.officeId } },
            }),
          )
        : data(
            projections.GET('/associations/{associationId}/dashboard', {
              params: { path: { associationId: scope.associationId ?? '' } },
            }),
          ),
  });

export const annualReportQuery = (associationId: string, year: number) =>
  queryOptions({
    queryKey: ['dashboard', 'annual', associationId, year],
    queryFn: () =>
      data(
        projections.GET('/associations/{associationId}/annual-reports/{year}', {
          params: { path: { associationId, year } },
        }),
      ),
  });

/** Where the exports are downloaded (through the BFF's proxy, with the session). */
export const exportUrl = (associationId: string, year: number, format: 'csv' | 'pdf') =>
  `/api/projections/associations/${encodeURIComponent(associationId)}/annual-reports/${year}/${format}`;
