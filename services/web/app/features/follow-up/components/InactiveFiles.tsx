import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/QueryState.tsx';
import { filesQuery } from '../api.ts';
import { FileTable } from './FilesPage.tsx';

/** Files the service flagged for having had no activity for weeks: overdue work of another kind. */
export function InactiveFiles() {
  const { t } = useTranslation();
  const query = useQuery(filesQuery({ inactive: true, status: 'open' }));
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('files.inactiveTitle')}
      </Title>
      <QueryState query={query}>
        {({ items, total }) =>
          items.length === 0 ? (
            <Text>{t('files.noInactive')}</Text>
          ) : (
            <FileTable items={items} caption={t('files.count', { count: total })} />
          )
        }
      </QueryState>
    </Stack>
  );
}
