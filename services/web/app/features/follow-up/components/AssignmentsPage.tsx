import { Anchor, Button, Checkbox, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, followUp } from '../../../api/client.ts';
import { ApiError } from '../../../api/problem.ts';
import { formatRelative } from '../../../components/format.ts';
import { ProblemAlert, QueryState } from '../../../components/QueryState.tsx';
import { type Caseload, caseloadQuery, type FileItem, filesQuery } from '../api.ts';
import { useFileCommand } from '../commands.ts';

const route = getRouteApi('/app/assignments');

/** The office's open files and who holds each: assign or reassign within the roster and its capacities. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  const { actor } = route.useRouteContext();
  const officeId = actor.office ?? '';
  const files = useQuery(filesQuery({ status: 'open', officeId }));
  const caseload = useQuery(caseloadQuery(officeId));
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('assignments.title')}
      </Title>
      <QueryState query={caseload}>
        {(load) => (
          <QueryState query={files}>
            {({ items, total }) =>
              items.length === 0 ? (
                <Text>{t('files.empty')}</Text>
              ) : (
                <Table striped>
                  <Table.Caption>{t('files.count', { count: total })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('referral.case')}</Table.Th>
                      <Table.Th>{t('referral.urgency')}</Table.Th>
                      <Table.Th>{t('files.lastActivity')}</Table.Th>
                      <Table.Th>{t('files.caseworker')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((file) => (
                      <AssignmentRow key={file.fileId} file={file} caseload={load} />
                    ))}
                  </Table.Tbody>
                </Table>
              )
            }
          </QueryState>
        )}
      </QueryState>
    </Stack>
  );
}

function AssignmentRow({ file, caseload }: { file: FileItem; caseload: Caseload }) {
  const { t, i18n } = useTranslation();
  const [caseworkerId, setCaseworkerId] = useState(file.caseworkerId ?? '');
  const [force, setForce] = useState(false);
  const assign = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/assign', {
        params: { path: { fileId: file.fileId } },
        headers,
        body: { caseworkerId, ...(force ? { force: true } : {}) },
      }),
    ),
  );
  const overCapacity =
    assign.error instanceof ApiError && assign.error.problem.code === 'caseworker_over_capacity';
  const label = t('assignments.for', { id: file.caseId.slice(0, 8) });
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor
          renderRoot={(props) => <Link {...props} to="/files/$fileId" params={{ fileId: file.fileId }} />}
        >
          {t('files.open', { id: file.caseId.slice(0, 8) })}
        </Anchor>
      </Table.Td>
      <Table.Td>{t(`urgency.${file.urgency}`)}</Table.Td>
      <Table.Td>{formatRelative(file.lastActivityAt, i18n.language)}</Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Group gap="xs" wrap="nowrap">
            <NativeSelect
              aria-label={label}
              value={caseworkerId}
              onChange={(e) => setCaseworkerId(e.currentTarget.value)}
              data={[
                { value: '', label: t('files.unassigned'), disabled: true },
                ...caseload.caseworkers
                  .filter((c) => c.role !== null)
                  .map((c) => ({
                    value: c.staffId,
                    label: t('assignments.option', {
                      id: c.staffId,
                      open: c.openFiles,
                      capacity: c.capacity ?? 0,
                    }),
                  })),
              ]}
            />
            <Button
              size="xs"
              disabled={caseworkerId === '' || caseworkerId === file.caseworkerId}
              onClick={() => assign.mutate(undefined)}
              loading={assign.isPending}
            >
              {file.caseworkerId ? t('assignments.reassign') : t('assignments.assign')}
            </Button>
          </Group>
          {overCapacity && (
            <Checkbox
              label={t('assignments.force')}
              checked={force}
              onChange={(e) => setForce(e.currentTarget.checked)}
            />
          )}
          {assign.isError && <ProblemAlert error={assign.error} />}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
