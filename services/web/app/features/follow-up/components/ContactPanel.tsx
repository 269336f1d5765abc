import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, followUp } from '../../../api/client.ts';
import { formatDateTime } from '../../../components/format.ts';
import { ProblemAlert, QueryState } from '../../../components/QueryState.tsx';
import { type Attempt, type CallAdvice, type FileDetail, mayCallNowQuery } from '../api.ts';
import { useFileCommand } from '../commands.ts';
import { editable } from './FileSections.tsx';
import { SafeContactForm } from './SafeContactForm.tsx';

const channels = ['phone', 'sms', 'video'] as const;
const numbers = ['safe', 'other', 'third-party'] as const;

/**
 * Before dialling: the safe-contact rules and the service's answer to "may I call now?" (refreshed
 * every half minute); then starting a call, which the service refuses with the rule when it breaks
 * one, and what came of each attempt.
 */
export function ContactPanel({ file }: { file: FileDetail }) {
  const { t } = useTranslation();
  const advice = useQuery(mayCallNowQuery(file.fileId));
  return (
    <Stack>
      <Card withBorder>
        <QueryState query={advice}>{(a) => <Rules file={file} advice={a} />}</QueryState>
      </Card>
      {!file.readOnly && advice.data && <StartCall fileId={file.fileId} advice={advice.data} />}
      {editable(file) && <SafeContactForm file={file} />}
      <Title order={2} size="h4">
        {t('file.contact.attempts')}
      </Title>
      <Attempts file={file} />
    </Stack>
  );
}

function Rules({ file, advice }: { file: FileDetail; advice: CallAdvice }) {
  const { t, i18n } = useTranslation();
  const { rules } = file.contact;
  const windows = rules.windows ?? [];
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('file.contact.rules')}
        </Title>
        <Badge color={advice.allowed ? 'teal.9' : 'red.9'} size="lg">
          {advice.allowed ? t('file.contact.callNow') : t('file.contact.notNow')}
        </Badge>
      </Group>
      <List size="sm" spacing={4}>
        <List.Item>{t(`file.contact.number.${advice.number}`)}</List.Item>
        <List.Item>
          {advice.voicemailAllowed
            ? t('file.contact.voicemailAllowed')
            : t('file.contact.voicemailForbidden')}
        </List.Item>
        <List.Item>
          {t('fact', { label: t('file.contact.hours') })}
          {!rules.safeHours
            ? t('file.contact.noHours')
            : windows.length === 0
              ? t('file.contact.hoursNotSet')
              : windows
                  .map((w) =>
                    t('file.contact.window', {
                      days: w.days.map((d) => t(`weekday.${d}`)).join(' '),
                      from: w.from,
                      to: w.to,
                    }),
                  )
                  .join(' ; ')}
        </List.Item>
      </List>
      <Text size="sm" mt="xs">
        {t('file.contact.localTime', { time: advice.localTime, zone: advice.timeZone })}
        {advice.nextWindowAt &&
          ` · ${t('file.contact.next', { at: formatDateTime(advice.nextWindowAt, i18n.language) })}`}
      </Text>
      {advice.refusals.map((refusal) => (
        <Alert key={refusal} color="red" mt="xs">
          {t(`errors.codes.${refusal}`)}
        </Alert>
      ))}
    </>
  );
}

function StartCall({ fileId, advice }: { fileId: string; advice: CallAdvice }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<(typeof channels)[number]>('phone');
  const [number, setNumber] = useState<(typeof numbers)[number]>(advice.number);
  const start = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/contact-attempts', {
        params: { path: { fileId } },
        headers,
        body: { channel, number },
      }),
    ),
  );
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group align="end">
          <NativeSelect
            label={t('file.contact.channelLabel')}
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value as typeof channel)}
            data={channels.map((c) => ({ value: c, label: t(`file.contact.channels.${c}`) }))}
          />
          <NativeSelect
            label={t('file.contact.numberLabel')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value as typeof number)}
            data={numbers.map((n) => ({ value: n, label: t(`file.contact.number.${n}`) }))}
          />
          <Button onClick={() => start.mutate(undefined)} loading={start.isPending}>
            {t('file.contact.start')}
          </Button>
        </Group>
        {start.isError && <ProblemAlert error={start.error} />}
      </Stack>
    </Card>
  );
}

function Attempts({ file }: { file: FileDetail }) {
  const { t, i18n } = useTranslation();
  const attempts = Object.entries(file.contact.attempts).sort(([, a], [, b]) => b.at.localeCompare(a.at));
  if (attempts.length === 0) return <Text size="sm">{t('file.contact.noAttempts')}</Text>;
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('file.contact.when')}</Table.Th>
          <Table.Th>{t('file.contact.channelLabel')}</Table.Th>
          <Table.Th>{t('file.contact.numberLabel')}</Table.Th>
          <Table.Th>{t('file.contact.result')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {attempts.map(([id, a]) => (
          <Table.Tr key={id}>
            <Table.Td>{formatDateTime(a.at, i18n.language)}</Table.Td>
            <Table.Td>{t(`file.contact.channels.${a.channel}`)}</Table.Td>
            <Table.Td>{t(`file.contact.number.${a.number}`)}</Table.Td>
            <Table.Td>
              {a.ended ? (
                outcomeText(t, a)
              ) : file.readOnly ? (
                t('file.contact.ongoing')
              ) : (
                <EndAttempt fileId={file.fileId} attemptId={id} />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const outcomeText = (t: (key: string) => string, a: Attempt) =>
  a.ended?.answered
    ? t('file.contact.answered')
    : a.ended?.voicemailLeft
      ? t('file.contact.voicemail')
      : t('file.contact.unanswered');

/** How the call ended: the service refuses a voicemail where the rules forbid one, and says so. */
function EndAttempt({ fileId, attemptId }: { fileId: string; attemptId: string }) {
  const { t } = useTranslation();
  const end = useFileCommand((outcome: { answered: boolean; voicemailLeft: boolean }, headers) =>
    data(
      followUp.POST('/files/{fileId}/contact-attempts/{attemptId}/end', {
        params: { path: { fileId, attemptId } },
        headers,
        body: outcome,
      }),
    ),
  );
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          onClick={() => end.mutate({ answered: true, voicemailLeft: false })}
        >
          {t('file.contact.answered')}
        </Button>
        <Button
          size="xs"
          variant="light"
          onClick={() => end.mutate({ answered: false, voicemailLeft: false })}
        >
          {t('file.contact.unanswered')}
        </Button>
        <Button
          size="xs"
          variant="light"
          onClick={() => end.mutate({ answered: false, voicemailLeft: true })}
        >
          {t('file.contact.voicemail')}
        </Button>
      </Group>
      {end.isError && <ProblemAlert error={end.error} />}
    </Stack>
  );
}
