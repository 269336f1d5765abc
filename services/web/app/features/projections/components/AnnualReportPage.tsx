import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { associationQuery } from '../../../api/directory.ts';
import { formatNumber } from '../../../components/format.ts';
import { QueryState } from '../../../components/QueryState.tsx';
import { type AnnualReport, annualReportQuery, exportUrl } from '../api.ts';

const route = getRouteApi('/app/annual-report');

/** The association's annual report for the Ministry of Justice: the figures, then CSV and PDF. */
export function AnnualReportPage() {
  const { t } = useTranslation();
  const { actor } = route.useRouteContext();
  const associationId = actor.association ?? '';
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const query = useQuery(annualReportQuery(associationId, year));
  const association = useQuery({ ...associationQuery(associationId), enabled: !!associationId });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('annual.title', { association: association.data?.name ?? associationId })}
      </Title>
      <Group align="end">
        <NativeSelect
          label={t('annual.year')}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={[0, 1, 2].map((back) => String(thisYear - back))}
        />
        <Button component="a" href={exportUrl(associationId, year, 'csv')} download variant="light">
          {t('annual.csv')}
        </Button>
        <Button component="a" href={exportUrl(associationId, year, 'pdf')} target="_blank" variant="light">
          {t('annual.pdf')}
        </Button>
      </Group>
      <QueryState query={query}>{(report) => <Figures report={report} />}</QueryState>
    </Stack>
  );
}

function Figures({ report }: { report: AnnualReport }) {
  const { t, i18n } = useTranslation();
  const table = (
    title: string,
    values: Record<string, number>,
    label: string | ((key: string) => string),
  ) => (
    <Card withBorder>
      <Table>
        <Table.Caption>{title}</Table.Caption>
        <Table.Tbody>
          {Object.entries(values).map(([key, value]) => (
            <Table.Tr key={key}>
              <Table.Th scope="row">
                {typeof label === 'string' ? t(`${label}.${key}`, { defaultValue: key }) : label(key)}
              </Table.Th>
              <Table.Td>{formatNumber(value, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {table(t('annual.persons'), report.persons, 'annual.personKinds')}
      {table(
        t('annual.interviews', { total: report.interviews.total }),
        report.interviews.byType,
        'annual.interviewKinds',
      )}
      {table(t('annual.offences'), report.offenceCategories, (key) =>
        // The report's own rows (a couple apart from a former couple), else the federation's category.
        t(`annual.offenceKinds.${key}`, { defaultValue: t(`offence.${key}`, { defaultValue: key }) }),
      )}
      {table(t('annual.sources'), report.referralSources, 'annual.sourceKinds')}
      <Card withBorder>
        <Text size="sm">
          {t('annual.evvi', { submitted: report.evvi.submitted, late: report.evvi.late })}
        </Text>
        <Text size="sm">{t('annual.hearings', { count: report.accompaniedHearings })}</Text>
        <Text size="sm">
          {t('annual.mediation', {
            agreed: report.mediation.agreed,
            fulfilled: report.mediation.fulfilled,
            refused: report.mediation.refused,
          })}
        </Text>
      </Card>
    </SimpleGrid>
  );
}
