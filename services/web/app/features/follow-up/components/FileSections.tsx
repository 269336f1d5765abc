// Over 300 lines: the file's read-only sections (tasks, procedure, compensation, EVVI, closure) side by side, their forms elsewhere.
import { Alert, Anchor, Badge, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../components/format.ts';
import '../../../i18n/file-forms.ts';
import type { FileDetail } from '../api.ts';
import { useActor } from '../commands.ts';
import { CompensationForms } from './CompensationForms.tsx';
import { EvviRequestForm, EvviVersionForm } from './EvviForms.tsx';
import { AppointmentForm, ClosureDecision, ClosureForm, CompleteTask, TaskForm } from './FileForms.tsx';
import { ReopenForm } from './LifecycleForms.tsx';
import { ProcedureForms } from './ProcedureForms.tsx';

/** Whether the file takes commands: not a transferred trace, not closed (reopen it first). */
export const editable = (file: FileDetail) => !file.readOnly && !file.closed;

const byDate = <T,>(items: T[], at: (item: T) => string) =>
  [...items].sort((a, b) => at(a).localeCompare(at(b)));

/** Open tasks first by due date (overdue in red), then the appointments. */
export function TasksPanel({ file }: { file: FileDetail }) {
  const { t, i18n } = useTranslation();
  const now = new Date().toISOString();
  const tasks = byDate(Object.values(file.tasks.tasks), (task) => task.dueAt);
  const appointments = byDate(Object.values(file.tasks.appointments), (a) => a.startsAt);
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('file.tasks.tasks')}
      </Title>
      {tasks.length === 0 ? (
        <Text size="sm">{t('file.tasks.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('file.tasks.kind')}</Table.Th>
              <Table.Th>{t('file.tasks.due')}</Table.Th>
              <Table.Th>{t('file.tasks.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task) => (
              <Table.Tr key={task.taskId}>
                <Table.Td>{t(`file.tasks.kinds.${task.kind}`, { defaultValue: task.kind })}</Table.Td>
                <Table.Td>{formatDateTime(task.dueAt, i18n.language)}</Table.Td>
                <Table.Td>
                  {t(`file.tasks.statuses.${task.status}`)}{' '}
                  {task.status === 'open' && task.dueAt < now && (
                    <Badge color="red.9">{t('file.tasks.overdue')}</Badge>
                  )}{' '}
                  {task.status === 'open' && !file.readOnly && (
                    <CompleteTask fileId={file.fileId} taskId={task.taskId} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!file.readOnly && <TaskForm fileId={file.fileId} />}
      <Title order={2} size="h4">
        {t('file.tasks.appointments')}
      </Title>
      {appointments.length === 0 ? (
        <Text size="sm">{t('file.tasks.noAppointments')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('file.tasks.startsAt')}</Table.Th>
              <Table.Th>{t('file.tasks.duration')}</Table.Th>
              <Table.Th>{t('file.contact.channelLabel')}</Table.Th>
              <Table.Th>{t('file.tasks.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {appointments.map((a) => (
              <Table.Tr key={a.appointmentId}>
                <Table.Td>{formatDateTime(a.startsAt, i18n.language)}</Table.Td>
                <Table.Td>{t('file.timeline.minutes', { count: a.durationMinutes })}</Table.Td>
                <Table.Td>{t(`actionChannel.${a.channel}`, { defaultValue: a.channel })}</Table.Td>
                <Table.Td>{t(`file.tasks.statuses.${a.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!file.readOnly && <AppointmentForm fileId={file.fileId} />}
    </Stack>
  );
}

/** Complaint, prosecution, hearings and judgments. */
export function ProcedurePanel({ file }: { file: FileDetail }) {
  const { t, i18n } = useTranslation();
  const { procedure } = file;
  const hearings = byDate(Object.values(procedure.hearings), (h) => h.startsAt);
  const judgments = Object.values(procedure.judgments);
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('file.procedure.complaint')}
      </Title>
      <Text size="sm">
        {procedure.complaint
          ? [
              t('fileForms.procedure.filed', {
                date: formatDate(procedure.complaint.filedOn, i18n.language),
                with: t(`fileForms.procedure.authorities.${procedure.complaint.with}`, {
                  defaultValue: procedure.complaint.with,
                }),
              }),
              procedure.complaint.offenceOn &&
                t('fileForms.procedure.offence', {
                  date: formatDate(procedure.complaint.offenceOn, i18n.language),
                }),
              procedure.complaint.reference,
            ]
              .filter(Boolean)
              .join(' · ')
          : t('file.procedure.noComplaint')}
      </Text>
      {procedure.prosecution && (
        <Text size="sm">
          <b>{t('fact', { label: t('file.procedure.prosecution') })}</b>
          {t(`fileForms.procedure.decisions.${procedure.prosecution.decision}`, {
            defaultValue: procedure.prosecution.decision,
          })}{' '}
          · {formatDate(procedure.prosecution.decidedOn, i18n.language)}
          {procedure.prosecution.court ? ` · ${procedure.prosecution.court}` : ''}
        </Text>
      )}
      <Title order={2} size="h4">
        {t('file.procedure.hearings')}
      </Title>
      {hearings.length === 0 ? (
        <Text size="sm">{t('file.procedure.noHearings')}</Text>
      ) : (
        <List size="sm">
          {hearings.map((h) => (
            <List.Item key={h.hearingId}>
              {formatDateTime(h.startsAt, i18n.language)} · {h.court} · {h.chamber}
              {h.accompanimentPlanned ? ` · ${t('file.procedure.accompanied')}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {judgments.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t('file.procedure.judgments')}
          </Title>
          <List size="sm">
            {judgments.map((j) => (
              <List.Item key={j.judgmentId}>
                {formatDate(j.on, i18n.language)} · {j.court}
                {j.final ? ` · ${t('file.procedure.final')}` : ''}
                {j.appealed ? ` · ${t('fileForms.procedure.appealed')}` : ''}
                {j.awardCents !== undefined
                  ? ` · ${t('file.procedure.award')} ${new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'EUR' }).format(j.awardCents / 100)}`
                  : ''}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {editable(file) && <ProcedureForms file={file} />}
    </Stack>
  );
}

/** The CIVI and SARVI deadlines the service tracks, and whether each was claimed or waived. */
export function CompensationPanel({ file }: { file: FileDetail }) {
  const { t, i18n } = useTranslation();
  const schemes = (['civi', 'sarvi'] as const).flatMap((s) =>
    file.compensation[s] ? [[s, file.compensation[s]] as const] : [],
  );
  return (
    <Stack>
      {schemes.length === 0 ? (
        <Text size="sm">{t('file.compensation.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('file.compensation.scheme')}</Table.Th>
              <Table.Th>{t('file.compensation.opensOn')}</Table.Th>
              <Table.Th>{t('file.compensation.closesOn')}</Table.Th>
              <Table.Th>{t('file.compensation.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schemes.map(([scheme, tracked]) => (
              <Table.Tr key={scheme}>
                <Table.Td>{t(`file.compensation.schemes.${scheme}`)}</Table.Td>
                <Table.Td>
                  {tracked.deadline.opensOn ? formatDate(tracked.deadline.opensOn, i18n.language) : '—'}
                </Table.Td>
                <Table.Td>{formatDate(tracked.deadline.closesOn, i18n.language)}</Table.Td>
                <Table.Td>
                  {tracked.claimedOn
                    ? t('file.compensation.claimed', { date: formatDate(tracked.claimedOn, i18n.language) })
                    : tracked.waived
                      ? t('file.compensation.waived')
                      : t('file.compensation.running')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable(file) && <CompensationForms file={file} />}
    </Stack>
  );
}

/** EVVI requests with their due dates, and the versions submitted. */
export function EvviPanel({ file }: { file: FileDetail }) {
  const { t, i18n } = useTranslation();
  const { requests, versions } = file.evvi;
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('file.evvi.requests')}
      </Title>
      {requests.length === 0 && <Text size="sm">{t('file.evvi.none')}</Text>}
      <List size="sm">
        {requests.map((r) => (
          <List.Item key={r.requestId}>
            {t(`file.evvi.requesters.${r.requestedBy}`, { defaultValue: r.requestedBy })} ·{' '}
            {t('fact', { label: t('file.evvi.dueOn') })}
            {formatDate(r.dueOn, i18n.language)} ·{' '}
            {r.answeredBy !== undefined
              ? t('file.evvi.answered', { version: r.answeredBy })
              : t('file.evvi.pending')}
          </List.Item>
        ))}
      </List>
      {versions.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t('file.evvi.versions')}
          </Title>
          <List size="sm">
            {versions.map((v) => (
              <List.Item key={v.version}>
                v{v.version} · {formatDateTime(v.at, i18n.language)} ·{' '}
                {t('fact', { label: t('file.evvi.level') })}
                {t(`file.evvi.levels.${v.level}`, { defaultValue: v.level })} ·{' '}
                <Anchor
                  href={`/api/follow-up/files/${file.fileId}/evvi/versions/${v.version}/opinion.pdf`}
                  target="_blank"
                >
                  {t('file.evvi.pdf')} (v{v.version})
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {editable(file) && (
        <>
          <EvviRequestForm fileId={file.fileId} />
          <EvviVersionForm file={file} />
        </>
      )}
    </Stack>
  );
}

/** Where closure stands: open (the request form), requested (the manager decides), closed. */
export function ClosurePanel({ file }: { file: FileDetail }) {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  const manages = actor?.roles.some((r) => r === 'office-manager' || r === 'association-manager') ?? false;
  if (file.closed)
    return (
      <Stack>
        <Text size="sm">
          {t('file.closure.closed', {
            date: formatDate(file.closed.at, i18n.language),
            reason: t(`closureReason.${file.closed.reason}`),
          })}
        </Text>
        {!file.readOnly && <ReopenForm fileId={file.fileId} />}
      </Stack>
    );
  if (file.closureRequest)
    return (
      <Stack>
        <Alert
          color="yellow"
          title={t('file.closure.requested', { reason: t(`closureReason.${file.closureRequest.reason}`) })}
        >
          <Text size="sm">{t('file.closure.waiting')}</Text>
          {file.closureRequest.openItems.length > 0 && (
            <Text size="sm">
              {t('fact', { label: t('file.closure.openItems') })}
              {file.closureRequest.openItems.map((i) => t(`file.closure.items.${i}`)).join(', ')}
            </Text>
          )}
        </Alert>
        {manages && <ClosureDecision fileId={file.fileId} />}
      </Stack>
    );
  if (file.readOnly) return <Text size="sm">{t('file.readOnly')}</Text>;
  return <ClosureForm file={file} />;
}
