import '@mantine/dates/styles.css';
import {
  Button,
  Card,
  FileInput,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { getRouteApi } from '@tanstack/react-router';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKey } from '../../../api/client.ts';
import { ApiError, fieldErrors } from '../../../api/problem.ts';
import { offenceCategories } from '../../../api/vocabulary.ts';
import { CommunePicker } from '../../../components/CommunePicker.tsx';
import { ProblemAlert } from '../../../components/QueryState.tsx';
import { type MassEventBody, massEventKinds, useRecordMassEvent, useStartImport } from '../api.ts';
import { ImportProgress } from './ImportProgress.tsx';

// DateInput reads typed dates in valueFormat (15/11/2026) through dayjs's custom formats.
dayjs.extend(customParseFormat);

const route = getRouteApi('/app/mass-events');
const fields = ['name', 'kind', 'occurredOn', 'communeCode', 'offenceCategory'];

/** A mass-casualty event is recorded once; its victim lists (CSV) are then imported into it. */
function NewEvent({ onRecorded }: { onRecorded: (massEventId: string) => void }) {
  const { t } = useTranslation();
  const form = useForm<MassEventBody>({
    initialValues: {
      name: '',
      kind: 'collective-accident',
      occurredOn: '',
      offenceCategory: 'physical-violence',
    },
  });
  const record = useRecordMassEvent();
  const key = useRef(idempotencyKey());
  const submit = form.onSubmit((values) =>
    record.mutate(
      { body: { ...values, ...(values.communeCode ? {} : { communeCode: undefined }) }, key: key.current },
      {
        onSuccess: ({ massEventId }) => onRecorded(massEventId),
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          if (error.status < 500) key.current = idempotencyKey();
          form.setErrors(fieldErrors(error.problem, fields).byField);
        },
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('massEvents.new')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('massEvents.name')} required {...form.getInputProps('name')} />
          <NativeSelect
            label={t('massEvents.kind')}
            data={massEventKinds.map((value) => ({ value, label: t(`massEvents.kinds.${value}`) }))}
            {...form.getInputProps('kind')}
          />
          <DateInput
            label={t('massEvents.occurredOn')}
            required
            valueFormat="DD/MM/YYYY"
            {...form.getInputProps('occurredOn')}
          />
          <NativeSelect
            label={t('call.situation.offence')}
            data={offenceCategories.map((value) => ({ value, label: t(`offence.${value}`) }))}
            {...form.getInputProps('offenceCategory')}
          />
        </SimpleGrid>
        <CommunePicker
          value={{}}
          label={t('massEvents.commune')}
          error={form.errors['communeCode']}
          onChange={(commune) => form.setFieldValue('communeCode', commune?.code)}
        />
        {record.isError && <ProblemAlert error={record.error} />}
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('massEvents.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ImportList({ massEventId }: { massEventId: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const start = useStartImport();
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('massEvents.import')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('massEvents.columns')}
      </Text>
      <Group align="end">
        <FileInput
          label={t('massEvents.file')}
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          w={320}
        />
        <Button
          disabled={!file}
          loading={start.isPending}
          onClick={() => file && start.mutate({ massEventId, file })}
        >
          {t('massEvents.start')}
        </Button>
      </Group>
      {start.isError && <ProblemAlert error={start.error} />}
      {start.data && <ImportProgress massEventId={massEventId} importId={start.data.importId} />}
    </Stack>
  );
}

export function MassEventsPage() {
  const { t } = useTranslation();
  const { event } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('massEvents.title')}
      </Title>
      <Card withBorder>
        {event ? (
          <Stack>
            <Text size="sm">{t('massEvents.current', { id: event })}</Text>
            <ImportList massEventId={event} />
          </Stack>
        ) : (
          <NewEvent onRecorded={(id) => navigate({ search: { event: id } })} />
        )}
      </Card>
    </Stack>
  );
}
