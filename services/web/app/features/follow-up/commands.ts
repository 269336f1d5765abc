import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKey } from '../../api/client.ts';
import type { paths } from '../../api/generated/follow-up.ts';
import { ApiError, fieldErrors } from '../../api/problem.ts';
import { useFieldMessage } from '../../components/QueryState.tsx';
import { sessionQuery } from '../session/api.ts';

/** A follow-up command's request body, as its OpenAPI document declares it (generated types). */
export type CommandBody<P extends keyof paths> =
  NonNullable<paths[P]['post']> extends { requestBody?: infer R }
    ? NonNullable<R> extends { content: { 'application/json': infer B } }
      ? B
      : never
    : never;

type Headers = { 'idempotency-key': string };

/**
 * One thing the user does on a file (record an action, start a call, request closure…): one
 * Idempotency-Key per intention, kept on a network failure or a 5xx (the retry is the same
 * intention) and renewed once the service has answered; the file's queries refetch after success.
 */
export function useFileCommand<B>(send: (body: B, headers: Headers) => Promise<unknown>) {
  const client = useQueryClient();
  const key = useRef(idempotencyKey());
  return useMutation({
    mutationFn: (body: B) => send(body, { 'idempotency-key': key.current }),
    onSuccess: async () => {
      key.current = idempotencyKey();
      await client.invalidateQueries({ queryKey: ['follow-up'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status > 0 && error.status < 500) key.current = idempotencyKey();
    },
  });
}

/** The errors of a refused command placed on the form's fields (the rest go to its alert). */
export const errorsOn = (
  error: unknown,
  fields: readonly string[],
  /** A rule the service names by its code (no field): the field it is about. */
  codes: Record<string, string> = {},
): Record<string, string> => {
  if (!(error instanceof ApiError)) return {};
  const { byField } = fieldErrors(error.problem, fields);
  const field = error.problem.code ? codes[error.problem.code] : undefined;
  return field ? { ...byField, [field]: error.problem.detail ?? error.problem.code ?? '' } : byField;
};

/** `errorsOn` in the user's language (the services' messages are English; a rule's code is translated). */
export function useFieldErrors(
  error: unknown,
  fields: readonly string[],
  codes: Record<string, string> = {},
) {
  const { t } = useTranslation();
  const message = useFieldMessage();
  const code = error instanceof ApiError ? error.problem.code : undefined;
  const ruleField = code ? codes[code] : undefined;
  return Object.fromEntries(
    Object.entries(errorsOn(error, fields, codes)).map(([field, text]) => [
      field,
      field === ruleField ? t(`errors.codes.${code}`, { defaultValue: text }) : message(text),
    ]),
  ) as Record<string, string>;
}

/** The signed-in user's id: the staff member an action or appointment is recorded for. */
export function useActorId() {
  return useActor()?.id ?? '';
}

export function useActor() {
  return useQuery(sessionQuery).data?.actor;
}

/** `<input type="datetime-local">`'s value for an instant, on this computer's clock. */
export const localInputValue = (date: Date) => {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
};

/** Today on this computer's calendar, as `<input type="date">` wants it (YYYY-MM-DD). */
export const today = () => localInputValue(new Date()).slice(0, 10);
/** A day `days` from today, as `<input type="date">` wants it. */
export const inDays = (days: number) =>
  localInputValue(new Date(Date.now() + days * 86_400_000)).slice(0, 10);
/** Optional fields left empty are not sent (the service would refuse an empty string). */
export const filled = <T extends Record<string, unknown>>(values: T) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined)) as T;
