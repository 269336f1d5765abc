import { Anchor, Badge, Checkbox, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../../../components/format.ts';
import { QueryState } from '../../../components/QueryState.tsx';
import { urgencyColour } from '../../referral/components/ReferralTable.tsx';
import { type FileItem, filesQuery } from '../api.ts';

const route = getRouteApi('/app/files');
const statuses = ['open', 'closure-requested', 'closed', 'transferred'] as const;

/** The files of the office (or only mine), newest first: the caseworker's list of work. */
export function FilesPage() {
  const { t } = useTranslation();
  const { actor } = route.useRouteContext();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(
    filesQuery({
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.mine ? { caseworkerId: actor.id } : {}),
    }),
  );
  const set = (patch: Partial<typeof filters>) => navigate({ search: (s) => ({ ...s, ...patch }) });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('files.title')}
      </Title>
      <Group align="end">
        <NativeSelect
          label={t('files.status')}
          value={filters.status ?? ''}
          onChange={(e) => set({ status: (e.currentTarget.value || undefined) as typeof filters.status })}
          data={[
            { value: '', label: t('files.all') },
            ...statuses.map((s) => ({ value: s, label: t(`fileStatus.${s}`) })),
          ]}
        />
        <Checkbox
          label={t('files.mine')}
          checked={filters.mine === true}
          onChange={(e) => set({ mine: e.currentTarget.checked ? true : undefined })}
        />
      </Group>
      <QueryState query={query}>
        {({ items, total }) =>
          items.length === 0 ? (
            <Text>{t('files.empty')}</Text>
          ) : (
            <FileTable items={items} caption={t('files.count', { count: total })} />
          )
        }
      </QueryState>
    </Stack>
  );
}

export function FileTable({ items, caption }: { items: FileItem[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('referral.urgency')}</Table.Th>
            <Table.Th>{t('referral.offence')}</Table.Th>
            <Table.Th>{t('files.status')}</Table.Th>
            <Table.Th>{t('files.caseworker')}</Table.Th>
            <Table.Th>{t('files.lastActivity')}</Table.Th>
            <Table.Th>{t('files.actions')}</Table.Th>
            <Table.Th>{t('referral.case')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.fileId}>
              <Table.Td>
                <Badge color={urgencyColour[item.urgency] ?? 'gray.7'}>{t(`urgency.${item.urgency}`)}</Badge>
              </Table.Td>
              <Table.Td>
                {t(`offence.${item.offenceCategory}`, { defaultValue: item.offenceCategory })}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Text size="sm">{t(`fileStatus.${item.status}`, { defaultValue: item.status })}</Text>
                  {item.flaggedInactiveSince && <Badge color="indigo.9">{t('files.inactive')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{item.caseworkerId ?? t('files.unassigned')}</Table.Td>
              <Table.Td title={formatDateTime(item.lastActivityAt, i18n.language)}>
                {formatRelative(item.lastActivityAt, i18n.language)}
              </Table.Td>
              <Table.Td>{item.actionCount}</Table.Td>
              <Table.Td>
                <Anchor
                  renderRoot={(props) => (
                    <Link {...props} to="/files/$fileId" params={{ fileId: item.fileId }} />
                  )}
                >
                  {t('files.open', { id: item.caseId.slice(0, 8) })}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
