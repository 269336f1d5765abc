import { Button, Group, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, followUp } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/QueryState.tsx';
import { actionChannels, closureReasons, type FileDetail, taskKinds } from '../api.ts';
import { errorsOn, localInputValue, useActorId, useFileCommand } from '../commands.ts';

const inAWeek = () => localInputValue(new Date(Date.now() + 7 * 86_400_000));

/** A task with its due date (the service reminds 48 h before). */
export function TaskForm({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<(typeof taskKinds)[number]>('call-back');
  const [dueAt, setDueAt] = useState(inAWeek);
  const create = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/tasks', {
        params: { path: { fileId } },
        headers,
        body: { kind, dueAt: new Date(dueAt).toISOString() },
      }),
    ),
  );
  const errors = errorsOn(create.error, ['kind', 'dueAt']);
  return (
    <Stack gap="xs">
      <Group align="end">
        <NativeSelect
          label={t('file.tasks.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as typeof kind)}
          data={taskKinds.map((k) => ({ value: k, label: t(`file.tasks.kinds.${k}`) }))}
          error={errors['kind']}
        />
        <TextInput
          type="datetime-local"
          label={t('file.tasks.due')}
          value={dueAt}
          onChange={(e) => setDueAt(e.currentTarget.value)}
          error={errors['dueAt']}
        />
        <Button onClick={() => create.mutate(undefined)} loading={create.isPending}>
          {t('file.tasks.add')}
        </Button>
      </Group>
      {create.isError && <ProblemAlert error={create.error} />}
    </Stack>
  );
}

export function CompleteTask({ fileId, taskId }: { fileId: string; taskId: string }) {
  const { t } = useTranslation();
  const complete = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/tasks/{taskId}/complete', {
        params: { path: { fileId, taskId } },
        headers,
      }),
    ),
  );
  return (
    <Button size="xs" variant="light" onClick={() => complete.mutate(undefined)} loading={complete.isPending}>
      {t('file.tasks.complete')}
    </Button>
  );
}

/** An appointment with the victim, held by the signed-in member of staff. */
export function AppointmentForm({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const staffId = useActorId();
  const [startsAt, setStartsAt] = useState(inAWeek);
  const [duration, setDuration] = useState<number | string>(45);
  const [channel, setChannel] = useState<(typeof actionChannels)[number]>('in-person');
  const schedule = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/appointments', {
        params: { path: { fileId } },
        headers,
        body: {
          startsAt: new Date(startsAt).toISOString(),
          durationMinutes: Number(duration),
          channel,
          staffId,
        },
      }),
    ),
  );
  const errors = errorsOn(schedule.error, ['startsAt', 'durationMinutes', 'channel']);
  return (
    <Stack gap="xs">
      <Group align="end">
        <TextInput
          type="datetime-local"
          label={t('file.tasks.startsAt')}
          value={startsAt}
          onChange={(e) => setStartsAt(e.currentTarget.value)}
          error={errors['startsAt']}
        />
        <NumberInput
          label={t('file.tasks.duration')}
          min={5}
          max={480}
          value={duration}
          onChange={setDuration}
          error={errors['durationMinutes']}
        />
        <NativeSelect
          label={t('file.contact.channelLabel')}
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value as typeof channel)}
          data={actionChannels.map((c) => ({ value: c, label: t(`actionChannel.${c}`) }))}
        />
        <Button onClick={() => schedule.mutate(undefined)} loading={schedule.isPending}>
          {t('file.tasks.schedule')}
        </Button>
      </Group>
      {schedule.isError && <ProblemAlert error={schedule.error} />}
    </Stack>
  );
}

/** The caseworker asks to close: at once, or waiting for the manager when something is still open. */
export function ClosureForm({ file }: { file: FileDetail }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<(typeof closureReasons)[number]>('support-completed');
  const [details, setDetails] = useState('');
  const request = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/closure', {
        params: { path: { fileId: file.fileId } },
        headers,
        body: { reason, ...(details.trim() ? { details: details.trim() } : {}) },
      }),
    ),
  );
  const errors = errorsOn(request.error, ['reason', 'details']);
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('file.closure.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value as typeof reason)}
        data={closureReasons.map((r) => ({ value: r, label: t(`closureReason.${r}`) }))}
        error={errors['reason']}
      />
      <Textarea
        label={t('file.closure.details')}
        value={details}
        onChange={(e) => setDetails(e.currentTarget.value)}
        required={reason === 'other'}
        error={errors['details']}
      />
      {request.isError && <ProblemAlert error={request.error} />}
      <Group>
        <Button color="red.9" onClick={() => request.mutate(undefined)} loading={request.isPending}>
          {t('file.closure.request')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The office manager's answer to a closure request: approve (the file closes) or refuse with a comment. */
export function ClosureDecision({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const approve = useFileCommand((_: undefined, headers) =>
    data(followUp.POST('/files/{fileId}/closure/approve', { params: { path: { fileId } }, headers })),
  );
  const refuse = useFileCommand((_: undefined, headers) =>
    data(
      followUp.POST('/files/{fileId}/closure/refuse', {
        params: { path: { fileId } },
        headers,
        body: comment.trim() ? { comment: comment.trim() } : {},
      }),
    ),
  );
  return (
    <Stack gap="xs">
      <Textarea
        label={t('file.closure.comment')}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      {approve.isError && <ProblemAlert error={approve.error} />}
      {refuse.isError && <ProblemAlert error={refuse.error} />}
      <Group>
        <Button onClick={() => approve.mutate(undefined)} loading={approve.isPending}>
          {t('file.closure.approve')}
        </Button>
        <Button
          variant="outline"
          color="red.9"
          onClick={() => refuse.mutate(undefined)}
          loading={refuse.isPending}
        >
          {t('file.closure.refuse')}
        </Button>
      </Group>
    </Stack>
  );
}
