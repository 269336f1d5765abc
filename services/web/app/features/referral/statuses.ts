import { allOf } from '../../api/enums.ts';
import type { InboxFilters } from './api.ts';

export const referralStatuses = allOf<NonNullable<InboxFilters['status']>>()([
  'proposed',
  'accepted',
  'declined',
  'redirected',
  'revoked',
  'expired',
  'done',
  'queued',
]);
export const inboxUrgencies = allOf<NonNullable<InboxFilters['urgency']>>()([
  'immediate',
  'high',
  'normal',
  'low',
]);

/** The inbox's filters as the URL holds them (`?box=sent&overdue=true`): unknown values are dropped. */
export function inboxSearch(search: Record<string, unknown>): InboxFilters {
  const pick = <T extends string>(values: readonly T[], value: unknown) =>
    values.includes(value as T) ? (value as T) : undefined;
  const box = pick(['received', 'sent'] as const, search['box']);
  const status = pick(referralStatuses, search['status']);
  const urgency = pick(inboxUrgencies, search['urgency']);
  const overdue = search['overdue'] === true || search['overdue'] === 'true' ? true : undefined;
  return {
    ...(box ? { box } : {}),
    ...(status ? { status } : {}),
    ...(urgency ? { urgency } : {}),
    ...(overdue ? { overdue } : {}),
  };
}
