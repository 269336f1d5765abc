import { Alert, Button, Center, Group, List, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem.ts';

/** What a failed call means to the person: the service's own words when it gave some, else a cause. */
export function useProblemText() {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (!(error instanceof ApiError)) return t('errors.unexpected');
    const { problem } = error;
    if (problem.status === 0) return t('errors.network');
    const known = problem.code ? t(`errors.codes.${problem.code}`, { defaultValue: '' }) : '';
    if (known) return known;
    if (problem.status === 401) return t('errors.signedOut');
    if (problem.status === 403) return t('errors.forbidden');
    if (problem.status >= 500) return t('errors.server', { traceId: problem.traceId ?? '—' });
    return problem.detail ?? problem.title ?? t('errors.unexpected');
  };
}

export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useProblemText();
  return (
    <Alert color="red" title={t('errors.title')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{text(error)}</Text>
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t('actions.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * The end of a form sent to a service: the problem it answered, the field errors no field of the
 * form shows (named by their pointer), and the submit button.
 */
export function FormFooter({
  error,
  unplaced,
  submitting,
  label,
}: {
  error: unknown;
  unplaced: { field: string; message: string }[];
  submitting: boolean;
  label: string;
}) {
  return (
    <>
      {error != null && <ProblemAlert error={error} />}
      {unplaced.length > 0 && (
        <List size="sm" c="red">
          {unplaced.map((e) => (
            <List.Item key={e.field}>
              {e.field}: {e.message}
            </List.Item>
          ))}
        </List>
      )}
      <Group justify="flex-end">
        <Button type="submit" loading={submitting}>
          {label}
        </Button>
      </Group>
    </>
  );
}

const fieldMessages: [RegExp, string][] = [
  [/^must match (pattern|format)/, 'errors.field.format'],
  [/^must NOT have fewer than|^must NOT be shorter/, 'errors.field.tooShort'],
  [/^must NOT have more than|^must NOT be longer/, 'errors.field.tooLong'],
  [/^must have required property|^is required|^is missing/, 'errors.field.required'],
  [/^must be equal to one of the allowed values/, 'errors.field.choice'],
];

/** A field error in the user's language: the services' messages (Ajv's or the domain's) are English. */
export function useFieldMessage() {
  const { t } = useTranslation();
  return (message: string) => {
    const known = fieldMessages.find(([pattern]) => pattern.test(message));
    return known ? t(known[1]) : message;
  };
}

/** Loading, error (with retry) or the data: every screen says what is happening. */
export function QueryState<T>({
  query,
  children,
  loadingLabel,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
}) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center py="xl">
        <Group gap="sm" role="status">
          <Loader size="sm" />
          <Text size="sm">{loadingLabel ?? t('status.loading')}</Text>
        </Group>
      </Center>
    );
  }
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => query.refetch()} />;
  return <>{children(query.data)}</>;
}
