import { Alert, Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format.ts';
import type { FileDetail } from '../api.ts';
import { callAdvice } from '../safe-contact.ts';

/**
 * The safe-contact rules before dialling: which number, voicemail or not, the safe hours and whether
 * the file's local time is within them now (refreshed every 30 s); then the attempts made.
 */
export function ContactPanel({ file }: { file: FileDetail }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  const tick = useInterval(() => setNow(new Date()), 30_000);
  useEffect(() => {
    tick.start();
    return tick.stop;
  }, [tick]);
  const { rules, timeZone } = file.contact;
  const advice = callAdvice(rules, now, timeZone);
  const attempts = Object.entries(file.contact.attempts).sort(([, a], [, b]) => b.at.localeCompare(a.at));
  return (
    <Stack>
      <Card withBorder>
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
              : (rules.windows ?? []).length === 0
                ? t('file.contact.hoursNotSet')
                : (rules.windows ?? [])
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
          {t('file.contact.localTime', { time: advice.localTime, zone: timeZone })}
        </Text>
        {advice.refusal && (
          <Alert color="red" mt="xs" role="status">
            {t(`errors.codes.${advice.refusal}`)}
          </Alert>
        )}
      </Card>
      <Title order={2} size="h4">
        {t('file.contact.attempts')}
      </Title>
      {attempts.length === 0 ? (
        <Text size="sm">{t('file.contact.noAttempts')}</Text>
      ) : (
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
                  {!a.ended
                    ? t('file.contact.ongoing')
                    : a.ended.answered
                      ? t('file.contact.answered')
                      : a.ended.voicemailLeft
                        ? t('file.contact.voicemail')
                        : t('file.contact.unanswered')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
