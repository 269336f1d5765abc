import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { data, followUp } from '../../../api/client.ts';
import { ProblemAlert, useFieldMessage } from '../../../components/QueryState.tsx';
import { actionChannels, actionKinds } from '../api.ts';
import { errorsOn, localInputValue, useActorId, useFileCommand } from '../commands.ts';

type Kind = (typeof actionKinds)[number];
type Channel = (typeof actionChannels)[number];
const fields = ['kind', 'on', 'durationMinutes', 'channel', 'note'] as const;

/** Record a support action (an interview): what, when, how long, how, and a note (encrypted by the service). */
export function ActionForm({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const fieldMessage = useFieldMessage();
  const actorId = useActorId();
  const form = useForm({
    initialValues: {
      kind: 'legal-information' as Kind,
      on: localInputValue(new Date()),
      durationMinutes: 30 as number | string,
      channel: 'in-person' as Channel,
      note: '',
    },
  });
  const record = useFileCommand((values: typeof form.values, headers) =>
    data(
      followUp.POST('/files/{fileId}/actions', {
        params: { path: { fileId } },
        headers,
        body: {
          kind: values.kind,
          on: new Date(values.on).toISOString(),
          durationMinutes: Number(values.durationMinutes),
          channel: values.channel,
          staffIds: [actorId],
          ...(values.note.trim() ? { note: values.note.trim() } : {}),
        },
      }),
    ),
  );
  const submit = form.onSubmit((values) =>
    record.mutate(values, {
      onSuccess: () => form.setValues({ note: '', on: localInputValue(new Date()) }),
      onError: (error) =>
        form.setErrors(
          Object.fromEntries(Object.entries(errorsOn(error, fields)).map(([k, m]) => [k, fieldMessage(m)])),
        ),
    }),
  );
  return (
    <form onSubmit={submit} aria-labelledby="action-form-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="action-form-title">
          {t('file.action.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <NativeSelect
            label={t('file.action.kind')}
            data={actionKinds.map((k) => ({ value: k, label: t(`actionKind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput
            type="datetime-local"
            label={t('file.action.on')}
            required
            {...form.getInputProps('on')}
          />
          <NumberInput
            label={t('file.action.duration')}
            min={1}
            max={600}
            required
            {...form.getInputProps('durationMinutes')}
          />
          <NativeSelect
            label={t('file.action.channel')}
            data={actionChannels.map((c) => ({ value: c, label: t(`actionChannel.${c}`) }))}
            {...form.getInputProps('channel')}
          />
        </SimpleGrid>
        <Textarea
          label={t('file.action.note')}
          description={t('file.action.noteHint')}
          autosize
          minRows={2}
          {...form.getInputProps('note')}
        />
        {record.isError && <ProblemAlert error={record.error} />}
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('file.action.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
