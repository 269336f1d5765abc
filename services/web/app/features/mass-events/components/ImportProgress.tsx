import { Alert, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../components/format.ts';
import { QueryState, useFieldMessage } from '../../../components/QueryState.tsx';
import { importQuery } from '../api.ts';

/** "300 of 1,000": the progress bar, then what was imported and each refused row with its column. */
export function ImportProgress({ massEventId, importId }: { massEventId: string; importId: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(importQuery(massEventId, importId));
  const fieldMessage = useFieldMessage();
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <QueryState query={query}>
      {(report) => {
        const percent = report.total
          ? Math.round((report.done / report.total) * 100)
          : report.status === 'running'
            ? 0
            : 100;
        return (
          <Stack gap="sm">
            <Progress
              value={percent}
              size="lg"
              animated={report.status === 'running'}
              aria-label={t('massEvents.progress')}
              color={report.failed > 0 ? 'orange' : 'green'}
            />
            <Text size="sm" role="status">
              {report.total === null
                ? t('massEvents.doneUnknown', { done: n(report.done) })
                : t('massEvents.done', { done: n(report.done), total: n(report.total) })}{' '}
              · {t('massEvents.imported', { count: report.imported, formatted: n(report.imported) })} ·{' '}
              {t('massEvents.failed', { count: report.failed, formatted: n(report.failed) })}
            </Text>
            {report.status !== 'running' && (
              <Alert color={report.status === 'failed' ? 'red' : 'green'}>
                {t(`massEvents.status.${report.status}`)}
              </Alert>
            )}
            {report.errors.length > 0 && (
              <Table.ScrollContainer minWidth={500} mah={320}>
                <Table striped>
                  <Table.Caption>{t('massEvents.errors')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('massEvents.row')}</Table.Th>
                      <Table.Th>{t('massEvents.column')}</Table.Th>
                      <Table.Th>{t('massEvents.problem')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.errors.map((error) => (
                      <Table.Tr key={`${error.row}:${error.field}`}>
                        <Table.Td>{n(error.row)}</Table.Td>
                        <Table.Td>{error.field}</Table.Td>
                        <Table.Td>{fieldMessage(error.message)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
