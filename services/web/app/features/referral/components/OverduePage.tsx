import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/QueryState.tsx';
import { InactiveFiles } from '../../follow-up/components/InactiveFiles.tsx';
import { inboxQuery } from '../api.ts';
import { inboxUrgencies } from '../statuses.ts';
import { ReferralTable } from './ReferralTable.tsx';

/** The office manager's view: proposals past their answer deadline, most urgent first; then files gone quiet. */
export function OverduePage() {
  const { t } = useTranslation();
  const query = useQuery(inboxQuery({ overdue: true }));
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('overdue.title')}
      </Title>
      <QueryState query={query}>
        {({ items, total }) =>
          items.length === 0 ? (
            <Text>{t('overdue.empty')}</Text>
          ) : (
            <>
              <Card withBorder>
                <Title order={2} size="h5" mb="xs" id="overdue-chart">
                  {t('overdue.byUrgency')}
                </Title>
                <BarChart
                  h={160}
                  aria-labelledby="overdue-chart"
                  dataKey="urgency"
                  data={inboxUrgencies.map((u) => ({
                    urgency: t(`urgency.${u}`),
                    count: items.filter((i) => i.urgency === u).length,
                  }))}
                  series={[{ name: 'count', label: t('overdue.count'), color: 'red.6' }]}
                  withTooltip={false}
                  yAxisProps={{ allowDecimals: false }}
                />
              </Card>
              <ReferralTable items={items} caption={t('overdue.total', { count: total })} />
            </>
          )
        }
      </QueryState>
      <InactiveFiles />
    </Stack>
  );
}
