import { Alert, Button, Grid, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler, useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKey } from '../../../api/client.ts';
import { ApiError, fieldErrors } from '../../../api/problem.ts';
import { FormFooter, useFieldMessage } from '../../../components/QueryState.tsx';
import { type Recorded, useRecordCall } from '../api.ts';
import { callErrors, callFields, emptyCall, isoDate, toCallBody } from '../call-body.ts';
import {
  CallerSection,
  ConsentSection,
  SafeContactSection,
  SituationSection,
  VictimSection,
} from './CallSections.tsx';
import { PossibleDuplicates } from './PossibleDuplicates.tsx';

/** Straight to the first field to correct, so the keyboard user is where the problem is. */
function focusFirstError(errors: Record<string, unknown>) {
  const first = callFields.find((field) => errors[field]);
  if (first) document.querySelector<HTMLElement>(`[data-path="${first}"]`)?.focus();
}

/**
 * A 116 006 call, made for the keyboard: fields in the order of the conversation, Tab between
 * them, Ctrl+Enter records from anywhere, Alt+N starts the next call. A refused call keeps every
 * value and shows each error on its field.
 */
export function CallForm() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: emptyCall(),
    validate: (values) =>
      Object.fromEntries(Object.entries(callErrors(values)).map(([field, key]) => [field, t(key)])),
  });
  const record = useRecordCall();
  const key = useRef(idempotencyKey());
  const firstField = useRef<HTMLInputElement>(null);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [unplaced, setUnplaced] = useState<{ field: string; message: string }[]>([]);
  const fieldMessage = useFieldMessage();

  const submit = form.onSubmit((values) => {
    setUnplaced([]);
    record.mutate(
      { body: toCallBody(values), key: key.current },
      {
        onSuccess: (result) => {
          setRecorded(result);
          form.reset();
          key.current = idempotencyKey();
          // The confirmation is announced (role=status); the listener can take the next call at once.
          firstField.current?.focus();
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          // A refused body is kept by the service under its key: the corrected call needs a new one.
          if (error.status >= 400 && error.status < 500) key.current = idempotencyKey();
          const placed = fieldErrors(error.problem, callFields);
          form.setErrors(
            Object.fromEntries(Object.entries(placed.byField).map(([f, m]) => [f, fieldMessage(m)])),
          );
          setUnplaced(placed.unplaced);
          focusFirstError(placed.byField);
        },
      },
    );
  }, focusFirstError);
  const nextCall = () => {
    setRecorded(null);
    record.reset();
    form.reset();
    firstField.current?.focus();
  };
  useHotkeys([['alt+n', nextCall]]);
  // The listener starts typing the name as soon as the screen opens.
  useEffect(() => firstField.current?.focus(), []);
  const values = form.getValues();

  return (
    <form onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} noValidate>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={1} size="h2">
            {t('call.title')}
          </Title>
          <Text size="sm" c="dimmed">
            <Kbd>{t('call.keys.ctrl')}</Kbd> + <Kbd>{t('call.keys.enter')}</Kbd> {t('call.shortcutSubmit')} ·{' '}
            <Kbd>{t('call.keys.alt')}</Kbd> + <Kbd>N</Kbd> {t('call.shortcutNext')}
          </Text>
        </Group>
        {recorded && (
          <Alert color="green" title={t('call.recorded.title')} role="status">
            <Stack gap={4}>
              <Text size="sm">{t('call.recorded.case', { caseId: recorded.caseId })}</Text>
              <Text size="xs" c="dimmed">
                {t('call.recorded.intake', { intakeId: recorded.intakeId })}
              </Text>
              <Text size="sm">
                {t(`call.recorded.status.${recorded.status}`, { defaultValue: recorded.status })}
              </Text>
              <Group>
                <Button size="xs" variant="light" onClick={nextCall}>
                  {t('call.next')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="md">
              <CallerSection form={form} />
              <VictimSection form={form} firstField={firstField} />
              {!values.anonymous && (
                <PossibleDuplicates
                  search={{
                    lastName: values.personal.identity.lastName.trim(),
                    firstName: values.personal.identity.firstName.trim(),
                    birthDate: isoDate(values.personal.birthDate) ?? '',
                    communeCode: values.profile.residence.communeCode ?? '',
                  }}
                />
              )}
              <SafeContactSection form={form} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="md">
              <SituationSection form={form} />
              <ConsentSection form={form} />
            </Stack>
          </Grid.Col>
        </Grid>
        <FormFooter
          error={record.isError ? record.error : null}
          unplaced={unplaced}
          submitting={record.isPending}
          label={t('call.submit')}
        />
      </Stack>
    </form>
  );
}
