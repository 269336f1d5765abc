import '../../i18n/follow-up.ts';
import { queryOptions } from '@tanstack/react-query';
import { data, followUp } from '../../api/client.ts';
import type { paths } from '../../api/generated/follow-up.ts';

export type FileFilters = Partial<NonNullable<paths['/files']['get']['parameters']['query']>>;
export type FileItem =
  paths['/files']['get']['responses']['200']['content']['application/json']['items'][number];
type FileViewBase = paths['/files/{fileId}']['get']['responses']['200']['content']['application/json'];
export type SupportAction = FileViewBase['actions'][number];

/*
 * The parts of `GET /files/{fileId}` the service publishes as open objects (its domain state): what
 * the page reads of them, as services/follow-up/src/*'s state types define them.
 */
export interface SafeWindow {
  days: number[];
  from: string;
  to: string;
}
export interface SafeContactRules {
  safeNumber: boolean;
  safeHours: boolean;
  noVoicemail: boolean;
  throughThirdParty: boolean;
  windows?: SafeWindow[];
}
export interface Attempt {
  channel: 'phone' | 'sms' | 'video';
  number: 'safe' | 'other' | 'third-party';
  at: string;
  ended?: { answered: boolean; voicemailLeft: boolean; at: string };
}
export interface Task {
  taskId: string;
  kind: string;
  dueAt: string;
  assigneeId?: string;
  status: 'open' | 'done' | 'cancelled';
}
export interface Appointment {
  appointmentId: string;
  startsAt: string;
  durationMinutes: number;
  channel: string;
  staffId: string;
  status: 'scheduled' | 'held' | 'missed' | 'cancelled';
}
export interface Hearing {
  hearingId: string;
  court: string;
  chamber: string;
  startsAt: string;
  accompanimentPlanned: boolean;
  status: 'scheduled' | 'held' | 'cancelled';
}
export interface Judgment {
  judgmentId: string;
  court: string;
  on: string;
  final: boolean;
  civilParty: boolean;
  awardCents?: number;
  appealed: boolean;
}
export interface Tracked {
  deadline: { closesOn: string; opensOn?: string };
  claimedOn?: string;
  waived?: boolean;
}
export interface EvviRequest {
  requestId: string;
  requestedBy: string;
  dueOn: string;
  answeredBy?: number;
}
export interface EvviVersion {
  version: number;
  requestId: string;
  level: string;
  measures: string[];
  at: string;
  by: string;
}
export interface Personal {
  identity?: { lastName?: string; firstName?: string };
  birthDate?: string;
}

export interface FileDetail
  extends Omit<
    FileViewBase,
    | 'facts'
    | 'personal'
    | 'contact'
    | 'tasks'
    | 'procedure'
    | 'compensation'
    | 'evvi'
    | 'closureRequest'
    | 'closed'
    | 'mediation'
  > {
  facts: {
    caseId: string;
    channel: string;
    offenceCategory: string;
    needs: string[];
    urgency: string;
    vulnerabilities: string[];
    consent: { services: boolean; sharing: boolean };
    safeContact: Omit<SafeContactRules, 'windows'>;
  };
  personal: Personal | null;
  contact: { rules: SafeContactRules; timeZone: string; attempts: Record<string, Attempt> };
  tasks: { tasks: Record<string, Task>; appointments: Record<string, Appointment> };
  procedure: {
    complaint?: { filedOn: string; with: string; offenceOn?: string; reference?: string };
    prosecution?: { decision: string; decidedOn: string; court?: string };
    hearings: Record<string, Hearing>;
    judgments: Record<string, Judgment>;
  };
  compensation: Partial<Record<'civi' | 'sarvi', Tracked>>;
  evvi: { requests: EvviRequest[]; versions: EvviVersion[] };
  closureRequest: { reason: string; details?: string; openItems: string[]; by: string; at: string } | null;
  closed: { reason: string; at: string } | null;
  mediation: { mediationRequestId: string; open: boolean; outcome?: string } | null;
}

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
      ) as unknown as Promise<FileDetail>,
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

/** `GET /files/{fileId}/may-call-now` (no response schema published): what the screen shows before dialling. */
export interface CallAdvice {
  allowed: boolean;
  refusals: ('safe_hours_not_set' | 'outside_safe_hours')[];
  number: 'safe' | 'other' | 'third-party';
  voicemailAllowed: boolean;
  localTime: string;
  timeZone: string;
  nextWindowAt?: string;
}

export const mayCallNowQuery = (fileId: string) =>
  queryOptions({
    queryKey: ['follow-up', 'may-call-now', fileId],
    queryFn: () =>
      data(
        followUp.GET('/files/{fileId}/may-call-now', { params: { path: { fileId } } }),
      ) as unknown as Promise<CallAdvice>,
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
