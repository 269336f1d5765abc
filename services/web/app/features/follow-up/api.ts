import '../../i18n/follow-up.ts';
import { queryOptions } from '@tanstack/react-query';
import { data, followUp } from '../../api/client.ts';
import type { paths } from '../../api/generated/follow-up.ts';

export type FileFilters = Partial<NonNullable<paths['/files']['get']['parameters']['query']>>;
export type FileItem =
  paths['/files']['get']['responses']['200']['content']['application/json']['items'][number];
/** `GET /files/{fileId}`: the file with its parts (contact, tasks, procedure, compensation, EVVI). */
export type FileDetail = paths['/files/{fileId}']['get']['responses']['200']['content']['application/json'];
export type SupportAction = FileDetail['actions'][number];
export type Attempt = FileDetail['contact']['attempts'][string];

export const filesQuery = (filters: FileFilters) =>
  queryOptions({
    queryKey: ['follow-up', 'files', filters],
    queryFn: () => data(followUp.GET('/files', { params: { query: { limit: 100, offset: 0, ...filters } } })),
  });

export const fileQuery = (fileId: string) =>
  queryOptions({
    queryKey: ['follow-up', 'file', fileId],
    queryFn: () =>
      data(
        followUp.GET('/files/{fileId}', { params: { path: { fileId }, query: { purpose: 'consultation' } } }),
      ),
  });

/**
 * The file an accepted referral opened: follow-up opens it when referral's acceptance reaches it
 * (through Kafka), so the page asks again every second until it is there.
 */
export const fileOfReferralQuery = (caseId: string, referralId: string) =>
  queryOptions({
    queryKey: ['follow-up', 'files', { caseId }],
    queryFn: async () => {
      const { items } = await data(
        followUp.GET('/files', { params: { query: { caseId, limit: 50, offset: 0 } } }),
      );
      return items.find((item) => item.referralId === referralId) ?? null;
    },
    refetchInterval: (query) => (query.state.data ? false : 1_000),
  });

export const actionKinds = [
  'legal-information',
  'psychological-support',
  'social-support',
  'hearing-accompaniment',
  'civil-party-claim',
  'compensation-file',
  'orientation',
  'other',
] as const satisfies readonly NonNullable<SupportAction['kind']>[];
export const actionChannels = [
  'in-person',
  'phone',
  'video',
  'home-visit',
] as const satisfies readonly NonNullable<SupportAction['channel']>[];
export const closureReasons = [
  'support-completed',
  'unreachable',
  'declined-by-victim',
  'deceased',
  'other',
] as const;
export const taskKinds = [
  'accompany-hearing',
  'prepare-hearing',
  'file-civi-claim',
  'file-sarvi-claim',
  'review-compensation',
  'submit-evvi',
  'call-back',
  'other',
] as const;

/** `GET /files/{fileId}/may-call-now`: what the screen shows before dialling. */
export type CallAdvice =
  paths['/files/{fileId}/may-call-now']['get']['responses']['200']['content']['application/json'];

export const mayCallNowQuery = (fileId: string) =>
  queryOptions({
    queryKey: ['follow-up', 'may-call-now', fileId],
    queryFn: () => data(followUp.GET('/files/{fileId}/may-call-now', { params: { path: { fileId } } })),
    // The answer changes with the clock: asked again every half minute while the tab is shown.
    refetchInterval: 30_000,
  });

export type Caseload =
  paths['/offices/{officeId}/caseload']['get']['responses']['200']['content']['application/json'];
export const staffRoles = [
  'jurist',
  'psychologist',
  'social-worker',
  'volunteer',
  'office-manager',
  'other',
] as const;

export const caseloadQuery = (officeId: string) =>
  queryOptions({
    queryKey: ['follow-up', 'caseload', officeId],
    queryFn: () => data(followUp.GET('/offices/{officeId}/caseload', { params: { path: { officeId } } })),
  });
