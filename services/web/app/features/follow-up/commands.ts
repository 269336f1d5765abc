import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { idempotencyKey } from '../../api/client.ts';
import { ApiError, fieldErrors } from '../../api/problem.ts';
import { sessionQuery } from '../session/api.ts';

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
export const errorsOn = (error: unknown, fields: readonly string[]) =>
  error instanceof ApiError ? fieldErrors(error.problem, fields).byField : {};

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
