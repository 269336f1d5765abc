import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKey } from '../../../api/client.ts';
import { ApiError, fieldErrors } from '../../../api/problem.ts';
import { formatDateTime } from '../../../components/format.ts';
import { ProblemAlert, QueryState } from '../../../components/QueryState.tsx';
import { accessLogQuery, useErasure } from '../api.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function AccessLog({ intakeId }: { intakeId: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(accessLogQuery(intakeId));
  return (
    <QueryState query={query}>
      {({ items }) =>
        items.length === 0 ? (
          <Text size="sm">{t('audit.noReads')}</Text>
        ) : (
          <Table striped>
            <Table.Caption>{t('audit.reads', { count: items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.purpose')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={`${item.at}:${item.actor}`}>
                  <Table.Td>{formatDateTime(item.at, i18n.language)}</Table.Td>
                  <Table.Td>{item.actor}</Table.Td>
                  <Table.Td>{item.purpose}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }
    </QueryState>
  );
}

/** Erasure of the victim's personal data: a reason, then a confirmation that says what cannot be undone. */
function Erasure({ intakeId }: { intakeId: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [opened, { open, close }] = useDisclosure(false);
  const erase = useErasure();
  const key = useRef(idempotencyKey());
  const confirm = () =>
    erase.mutate(
      { intakeId, reason, key: key.current },
      {
        onSettled: close,
        onError: (failure) => {
          if (!(failure instanceof ApiError)) return;
          if (failure.status < 500) key.current = idempotencyKey();
          setError(fieldErrors(failure.problem, ['reason']).byField['reason']);
        },
      },
    );
  if (erase.isSuccess)
    return (
      <Alert color="green" role="status">
        {t('audit.erased')}
      </Alert>
    );
  return (
    <Stack gap="sm">
      <Textarea
        label={t('audit.reason')}
        description={t('audit.reasonHint')}
        required
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={error}
      />
      {erase.isError && <ProblemAlert error={erase.error} />}
      <Group>
        <Button color="red" variant="light" onClick={open} disabled={reason.trim().length < 3}>
          {t('audit.erase')}
        </Button>
      </Group>
      <Modal
        opened={opened}
        onClose={close}
        title={t('audit.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        centered
      >
        <Stack>
          <Text size="sm">{t('audit.confirmText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button color="red" loading={erase.isPending} onClick={confirm}>
              {t('audit.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** The DPO's screen: who read an intake (every read is logged), and the right to erasure. */
export function AuditPage() {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [intakeId, setIntakeId] = useState<string | null>(null);
  const valid = uuid.test(input.trim());
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('audit.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) setIntakeId(input.trim());
        }}
      >
        <Group align="end">
          <TextInput
            label={t('audit.intakeId')}
            value={input}
            onChange={(e) => setInput(e.currentTarget.value)}
            error={input && !valid ? t('audit.invalidId') : undefined}
            w={420}
          />
          <Button type="submit" disabled={!valid}>
            {t('audit.show')}
          </Button>
        </Group>
      </form>
      {intakeId && (
        <>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('audit.logTitle')}
            </Title>
            <AccessLog intakeId={intakeId} />
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('audit.erasureTitle')}
            </Title>
            <Erasure key={intakeId} intakeId={intakeId} />
          </Card>
        </>
      )}
    </Stack>
  );
}
