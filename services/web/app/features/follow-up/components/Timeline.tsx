import { Timeline as MantineTimeline, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format.ts';
import type { FileDetail } from '../api.ts';

interface Entry {
  key: string;
  at: string;
  title: string;
  detail?: string;
}

/**
 * The file's history, newest first, gathered from its parts: opening, interviews, contact attempts,
 * appointments, hearings, EVVI versions, closure. Tasks are in their own tab (they are due, not done).
 */
export function Timeline({ file }: { file: FileDetail }) {
  const { t, i18n } = useTranslation();
  const entries: Entry[] = [
    { key: 'opened', at: file.openedAt, title: t('file.timeline.opened') },
    ...file.actions.map((a) => ({
      key: `action-${a.actionId}`,
      at: a.on,
      title: t('file.timeline.action', { kind: t(`actionKind.${a.kind}`) }),
      detail: [
        t(`actionChannel.${a.channel}`),
        t('file.timeline.minutes', { count: a.durationMinutes }),
        a.note ?? '',
      ]
        .filter(Boolean)
        .join(' · '),
    })),
    ...Object.entries(file.contact.attempts).map(([id, a]) => ({
      key: `attempt-${id}`,
      at: a.at,
      title: t('file.timeline.attempt', { channel: t(`file.contact.channels.${a.channel}`) }),
      detail: [
        t(`file.contact.number.${a.number}`),
        a.ended
          ? a.ended.answered
            ? t('file.contact.answered')
            : a.ended.voicemailLeft
              ? t('file.contact.voicemail')
              : t('file.contact.unanswered')
          : t('file.contact.ongoing'),
      ].join(' · '),
    })),
    ...Object.values(file.tasks.appointments).map((a) => ({
      key: `appointment-${a.appointmentId}`,
      at: a.startsAt,
      title: t('file.timeline.appointment'),
      detail: `${t(`actionChannel.${a.channel}`, { defaultValue: a.channel })} · ${t(`file.tasks.statuses.${a.status}`)}`,
    })),
    ...Object.values(file.procedure.hearings).map((h) => ({
      key: `hearing-${h.hearingId}`,
      at: h.startsAt,
      title: t('file.timeline.hearing', { court: h.court }),
      detail: h.chamber,
    })),
    ...file.evvi.versions.map((v) => ({
      key: `evvi-${v.version}`,
      at: v.at,
      title: t('file.timeline.evvi', { version: v.version }),
      detail: t(`file.evvi.levels.${v.level}`, { defaultValue: v.level }),
    })),
    ...(file.closureRequest
      ? [{ key: 'closure-requested', at: file.closureRequest.at, title: t('file.timeline.closureRequested') }]
      : []),
    ...(file.closed
      ? [
          {
            key: 'closed',
            at: file.closed.at,
            title: t('file.timeline.closed'),
            detail: t(`closureReason.${file.closed.reason}`),
          },
        ]
      : []),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (entries.length === 1 && file.actions.length === 0) {
    // Only the opening: say so, as well as showing it.
    entries.push({ key: 'empty', at: '', title: t('file.timeline.empty') });
  }
  return (
    <MantineTimeline bulletSize={14} lineWidth={2} active={0}>
      {entries.map((entry) => (
        <MantineTimeline.Item key={entry.key} title={entry.title}>
          {entry.at && (
            <Text size="xs" c="gray.7">
              {formatDateTime(entry.at, i18n.language)}
            </Text>
          )}
          {entry.detail && <Text size="sm">{entry.detail}</Text>}
        </MantineTimeline.Item>
      ))}
    </MantineTimeline>
  );
}
