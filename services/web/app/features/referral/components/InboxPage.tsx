import { Checkbox, Group, NativeSelect, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/QueryState.tsx';
import { inboxQuery } from '../api.ts';
import { inboxUrgencies, referralStatuses } from '../statuses.ts';
import { ReferralTable } from './ReferralTable.tsx';

const route = getRouteApi('/app/inbox');

/**
 * The office inbox: referrals received (to answer) or sent (a read-only trace), filtered by status,
 * urgency and overdue. New proposals appear by themselves (live updates refetch the list).
 */
export function InboxPage() {
  const { t } = useTranslation();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(inboxQuery(filters));
  const set = (patch: Partial<typeof filters>) => navigate({ search: (s) => ({ ...s, ...patch }) });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('inbox.title')}
      </Title>
      <Group align="end">
        <SegmentedControl
          aria-label={t('inbox.box')}
          value={filters.box ?? 'received'}
          onChange={(box) => set({ box: box as 'received' | 'sent' })}
          data={[
            { value: 'received', label: t('inbox.received') },
            { value: 'sent', label: t('inbox.sent') },
          ]}
        />
        <NativeSelect
          label={t('referral.status')}
          value={filters.status ?? ''}
          onChange={(e) => set({ status: (e.currentTarget.value || undefined) as typeof filters.status })}
          data={[
            { value: '', label: t('inbox.all') },
            ...referralStatuses.map((s) => ({ value: s, label: t(`referralStatus.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('referral.urgency')}
          value={filters.urgency ?? ''}
          onChange={(e) => set({ urgency: (e.currentTarget.value || undefined) as typeof filters.urgency })}
          data={[
            { value: '', label: t('inbox.all') },
            ...inboxUrgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) })),
          ]}
        />
        <Checkbox
          label={t('inbox.overdueOnly')}
          checked={filters.overdue === true}
          onChange={(e) => set({ overdue: e.currentTarget.checked ? true : undefined })}
        />
      </Group>
      <QueryState query={query}>
        {({ items, total }) =>
          items.length === 0 ? (
            <Text>{t('inbox.empty')}</Text>
          ) : (
            <ReferralTable items={items} caption={t('inbox.count', { count: total })} />
          )
        }
      </QueryState>
    </Stack>
  );
}
