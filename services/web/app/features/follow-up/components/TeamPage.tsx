import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, followUp } from '../../../api/client.ts';
import { ProblemAlert, QueryState } from '../../../components/QueryState.tsx';
import { type Caseload, caseloadQuery, staffRoles } from '../api.ts';
import { errorsOn, useFileCommand } from '../commands.ts';

const route = getRouteApi('/app/team');

/** The office manager's team: who is on the roster, with what capacity, and how many open files each holds. */
export function TeamPage() {
  const { t } = useTranslation();
  const { actor } = route.useRouteContext();
  const officeId = actor.office ?? '';
  const query = useQuery({ ...caseloadQuery(officeId), enabled: officeId !== '' });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('team.title')}
      </Title>
      <QueryState query={query}>{(caseload) => <CaseloadView caseload={caseload} />}</QueryState>
      <Card withBorder>
        <StaffForm officeId={officeId} />
      </Card>
    </Stack>
  );
}

function CaseloadView({ caseload }: { caseload: Caseload }) {
  const { t } = useTranslation();
  if (caseload.caseworkers.length === 0) return <Text>{t('team.empty')}</Text>;
  return (
    <>
      <Card withBorder>
        <Title order={2} size="h5" mb="xs" id="caseload-chart">
          {t('team.chart')}
        </Title>
        <BarChart
          h={180}
          aria-labelledby="caseload-chart"
          dataKey="staffId"
          data={caseload.caseworkers.map((c) => ({
            staffId: c.staffId,
            open: c.openFiles,
            capacity: c.capacity ?? 0,
          }))}
          series={[
            { name: 'open', label: t('team.openFiles'), color: 'blue.9' },
            { name: 'capacity', label: t('team.capacity'), color: 'gray.6' },
          ]}
          withTooltip={false}
          withLegend
          yAxisProps={{ allowDecimals: false }}
        />
      </Card>
      <Table striped>
        <Table.Caption>{t('team.count', { count: caseload.caseworkers.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('team.staffId')}</Table.Th>
            <Table.Th>{t('team.role')}</Table.Th>
            <Table.Th>{t('team.capacity')}</Table.Th>
            <Table.Th>{t('team.openFiles')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {caseload.caseworkers.map((c) => (
            <Table.Tr key={c.staffId}>
              <Table.Td>{c.staffId}</Table.Td>
              <Table.Td>{c.role ? t(`team.roles.${c.role}`) : t('team.notOnRoster')}</Table.Td>
              <Table.Td>{c.capacity ?? '—'}</Table.Td>
              <Table.Td>
                {c.openFiles} {c.overCapacity && <Badge color="red.9">{t('team.over')}</Badge>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** Add a member of staff to the roster, or change their role or capacity (same id). */
function StaffForm({ officeId }: { officeId: string }) {
  const { t } = useTranslation();
  const [staffId, setStaffId] = useState('');
  const [role, setRole] = useState<(typeof staffRoles)[number]>('jurist');
  const [capacity, setCapacity] = useState<number | string>(30);
  const save = useFileCommand((_: undefined, headers) =>
    data(
      followUp.PUT('/offices/{officeId}/roster/{staffId}', {
        params: { path: { officeId, staffId: staffId.trim() } },
        headers,
        body: { role, capacity: Number(capacity) },
      }),
    ),
  );
  const errors = errorsOn(save.error, ['staffId', 'role', 'capacity']);
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('team.formTitle')}
      </Title>
      <Group align="end">
        <TextInput
          label={t('team.staffId')}
          required
          value={staffId}
          onChange={(e) => setStaffId(e.currentTarget.value)}
          error={errors['staffId']}
        />
        <NativeSelect
          label={t('team.role')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as typeof role)}
          data={staffRoles.map((r) => ({ value: r, label: t(`team.roles.${r}`) }))}
        />
        <NumberInput
          label={t('team.capacity')}
          min={0}
          max={500}
          value={capacity}
          onChange={setCapacity}
          error={errors['capacity']}
        />
        <Button
          onClick={() => save.mutate(undefined, { onSuccess: () => setStaffId('') })}
          loading={save.isPending}
        >
          {t('team.save')}
        </Button>
      </Group>
      {save.isError && <ProblemAlert error={save.error} />}
    </Stack>
  );
}
