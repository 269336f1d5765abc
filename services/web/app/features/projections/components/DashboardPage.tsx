import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import { Card, ColorSwatch, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { associationQuery, officeQuery } from '../../../api/directory.ts';
import { formatDateTime, formatNumber } from '../../../components/format.ts';
import { QueryState } from '../../../components/QueryState.tsx';
import { type Dashboard, dashboardQuery } from '../api.ts';

const route = getRouteApi('/app/dashboard');
const statusColours: Record<string, string> = {
  open: 'blue.9',
  'closure-requested': 'grape.9',
  closed: 'gray.7',
  transferred: 'teal.9',
};
const outcomeColours: Record<string, string> = {
  agreed: 'teal.9',
  settled: 'blue.9',
  refused: 'red.9',
  returned: 'grape.9',
};
/** A theme colour (`teal.9`) as CSS, for what does not read the theme (the swatches). */
const cssColour = (colour: string) => `var(--mantine-color-${colour.replace('.', '-')})`;

/**
 * The manager's dashboard: the office's (office manager) or the association's (association
 * manager). The projections service announces each change on the live channel: it refetches itself.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { actor } = route.useRouteContext();
  const scope =
    actor.roles.includes('office-manager') && actor.office
      ? { officeId: actor.office }
      : { associationId: actor.association ?? '' };
  const query = useQuery(dashboardQuery(scope));
  // The office's or association's name from the directory; its id until then (or if unknown).
  const office = useQuery({ ...officeQuery(scope.officeId ?? ''), enabled: !!scope.officeId });
  const association = useQuery({
    ...associationQuery(scope.associationId ?? ''),
    enabled: !scope.officeId && !!scope.associationId,
  });
  const name = office.data?.name ?? association.data?.name ?? scope.officeId ?? scope.associationId;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('dashboard.title', { scope: name })}
      </Title>
      <QueryState query={query}>{(dashboard) => <Figures dashboard={dashboard} />}</QueryState>
    </Stack>
  );
}

function Figures({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const hours = (value: number | null) =>
    value === null
      ? '—'
      : t('dashboard.hours', { value: formatNumber(Math.round(value * 10) / 10, i18n.language) });
  const caseworkers = [...new Set(dashboard.caseload.map((c) => c.caseworkerId ?? t('files.unassigned')))];
  const statuses = [...new Set(dashboard.caseload.map((c) => c.status))];
  const caseload = caseworkers.map((who) => ({
    who,
    ...Object.fromEntries(
      statuses.map((status) => [
        status,
        dashboard.caseload
          .filter((c) => (c.caseworkerId ?? t('files.unassigned')) === who && c.status === status)
          .reduce((sum, c) => sum + c.files, 0),
      ]),
    ),
  }));
  // One slice per outcome: the rows also tell the return's reason and whether the terms were kept.
  const outcomes = [
    ...dashboard.mediationOutcomes
      .reduce((sum, o) => sum.set(o.outcome, (sum.get(o.outcome) ?? 0) + o.count), new Map<string, number>())
      .entries(),
  ].map(([outcome, count]) => ({
    outcome,
    name: t(`dashboard.outcomes.${outcome}`, { defaultValue: outcome }),
    value: count,
    color: outcomeColours[outcome] ?? 'gray.7',
  }));
  const stat = (label: string, value: string, testId: string) => (
    <Card withBorder data-figure={testId}>
      <Text size="sm">{label}</Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Card>
  );
  return (
    <Stack>
      <Text size="sm">{t('dashboard.asOf', { at: formatDateTime(dashboard.asOf, i18n.language) })}</Text>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        {stat(t('dashboard.waiting'), formatNumber(dashboard.referrals.waiting, i18n.language), 'waiting')}
        {stat(t('dashboard.overdue'), formatNumber(dashboard.referrals.overdue, i18n.language), 'overdue')}
        {stat(
          t('dashboard.inactive'),
          formatNumber(dashboard.filesWithoutActivity, i18n.language),
          'inactive',
        )}
        {stat(t('dashboard.firstContact'), hours(dashboard.timeToFirstContact.medianHours), 'first-contact')}
        {stat(t('dashboard.acceptance'), hours(dashboard.timeToAcceptance.medianHours), 'acceptance')}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="caseload-by-status">
          <Title order={2} size="h5" mb="xs" id="caseload-by-status">
            {t('dashboard.caseload')}
          </Title>
          {caseload.length === 0 ? (
            <Text size="sm">{t('dashboard.noFiles')}</Text>
          ) : (
            <BarChart
              h={220}
              aria-labelledby="caseload-by-status"
              dataKey="who"
              type="stacked"
              data={caseload}
              series={statuses.map((status) => ({
                name: status,
                label: t(`fileStatus.${status}`, { defaultValue: status }),
                color: statusColours[status] ?? 'gray.7',
              }))}
              withLegend
              withTooltip={false}
              yAxisProps={{ allowDecimals: false }}
            />
          )}
        </Card>
        <Card withBorder component="section" aria-labelledby="mediation-outcomes">
          <Title order={2} size="h5" mb="xs" id="mediation-outcomes">
            {t('dashboard.mediation')}
          </Title>
          {outcomes.length === 0 ? (
            <Text size="sm">{t('dashboard.noMediation')}</Text>
          ) : (
            <Group gap="xl" wrap="nowrap">
              <DonutChart
                aria-labelledby="mediation-outcomes"
                withLabels
                withTooltip={false}
                data={outcomes}
              />
              <Stack gap={4}>
                {outcomes.map((o) => (
                  <Group key={o.outcome} gap="xs" wrap="nowrap" data-figure={`outcome-${o.outcome}`}>
                    <ColorSwatch size={12} color={cssColour(o.color)} withShadow={false} />
                    <Text size="sm">
                      {o.name} : {formatNumber(o.value, i18n.language)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Group>
          )}
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h5" mb="xs">
            {t('dashboard.breaches')}
          </Title>
          {dashboard.deadlineBreaches.length === 0 ? (
            <Text size="sm">{t('dashboard.noBreach')}</Text>
          ) : (
            <List size="sm">
              {dashboard.deadlineBreaches.map((b) => (
                <List.Item key={b.kind}>
                  {t(`dashboard.breachKinds.${b.kind}`, { defaultValue: b.kind })} : {b.count}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        <Card withBorder>
          <Title order={2} size="h5" mb="xs">
            {t('dashboard.upcoming')}
          </Title>
          <Group gap="xl">
            <Text size="sm">{t('dashboard.hearings', { count: dashboard.upcomingHearings.length })}</Text>
            <Text size="sm">{t('dashboard.mediations', { count: dashboard.upcomingMediations.length })}</Text>
          </Group>
          <List size="sm" mt="xs">
            {dashboard.upcomingHearings.slice(0, 5).map((h) => (
              <List.Item key={h.hearingId}>{formatDateTime(h.startsAt, i18n.language)}</List.Item>
            ))}
          </List>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
