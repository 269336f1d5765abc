import { Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKey } from '../../../api/client.ts';
import { formatDateTime, formatRelative } from '../../../components/format.ts';
import { ProblemAlert, QueryState } from '../../../components/QueryState.tsx';
import { type CallbackTask, callbackOutcomes, callbacksQuery, useCompleteCallback } from '../api.ts';

function Row({ task }: { task: CallbackTask }) {
  const { t, i18n } = useTranslation();
  const [outcome, setOutcome] = useState<(typeof callbackOutcomes)[number]>('reached');
  const complete = useCompleteCallback();
  const overdue = new Date(task.dueAt).getTime() < Date.now();
  return (
    <Table.Tr>
      <Table.Td>
        <Badge color={task.urgency === 'immediate' || task.urgency === 'high' ? 'red.9' : 'gray.7'}>
          {t(`urgency.${task.urgency}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{t(`callbacks.source.${task.source}`, { defaultValue: task.source })}</Table.Td>
      <Table.Td>
        <Text size="sm" c={overdue ? 'red.9' : undefined} title={formatDateTime(task.dueAt, i18n.language)}>
          {formatRelative(task.dueAt, i18n.language)}
        </Text>
      </Table.Td>
      <Table.Td>{formatDateTime(task.requestedAt, i18n.language)}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <NativeSelect
            size="xs"
            aria-label={t('callbacks.outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value as typeof outcome)}
            data={callbackOutcomes.map((value) => ({ value, label: t(`callbacks.outcomes.${value}`) }))}
          />
          <Button
            size="xs"
            loading={complete.isPending}
            onClick={() => complete.mutate({ taskId: task.taskId, outcome, key: idempotencyKey() })}
          >
            {t('callbacks.complete')}
          </Button>
        </Group>
        {complete.isError && <ProblemAlert error={complete.error} />}
      </Table.Td>
    </Table.Tr>
  );
}

/** The helpline's callbacks to make, most urgent first, each completed with its outcome. */
export function CallbackQueue() {
  const { t } = useTranslation();
  const query = useQuery(callbacksQuery);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('callbacks.title')}
      </Title>
      <QueryState query={query}>
        {({ items, total }) =>
          items.length === 0 ? (
            <Text>{t('callbacks.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover>
                <Table.Caption>{t('callbacks.count', { count: total })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('callbacks.urgency')}</Table.Th>
                    <Table.Th>{t('callbacks.sourceLabel')}</Table.Th>
                    <Table.Th>{t('callbacks.due')}</Table.Th>
                    <Table.Th>{t('callbacks.requested')}</Table.Th>
                    <Table.Th>{t('callbacks.outcome')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((task) => (
                    <Row key={task.taskId} task={task} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}
