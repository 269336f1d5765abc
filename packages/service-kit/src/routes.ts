import type { TSchema } from '@sinclair/typebox';
import type { onRequestAsyncHookHandler } from 'fastify';

export interface CommandRouteOptions<
  Params extends TSchema | undefined,
  Body extends TSchema | undefined,
  Response extends Record<number, TSchema>,
> {
  summary: string;
  description?: string;
  tags?: string[];
  operationId?: string;
  params?: Params;
  body?: Body;
  response: Response;
  /** Role and scope guards: they run before the Idempotency-Key is claimed. */
  preHandler?: onRequestAsyncHookHandler | onRequestAsyncHookHandler[];
  /** Problems the command answers besides the kit's (404 unknown resource, 409 wrong state, 422 a rule). */
  problems?: readonly number[];
}

/**
 * The options of a route that runs a command: its schemas keep their types, so the handler's
 * `request.params` and `request.body` are typed without casts; it honours Idempotency-Key; its
 * problems are documented. `app.post(url, commandRoute({ summary, params, body, response }), handler)`.
 */
export function commandRoute<
  Params extends TSchema | undefined = undefined,
  Body extends TSchema | undefined = undefined,
  Response extends Record<number, TSchema> = Record<number, TSchema>,
>(options: CommandRouteOptions<Params, Body, Response>) {
  const { summary, description, tags, operationId, params, body, response, preHandler, problems } = options;
  const schema = {
    summary,
    ...(description ? { description } : {}),
    ...(tags ? { tags } : {}),
    ...(operationId ? { operationId } : {}),
    // Absent parts stay absent: Fastify warns about a part declared undefined.
    ...(params ? { params } : {}),
    ...(body ? { body } : {}),
    response,
  } as { summary: string; tags?: string[]; params: Params; body: Body; response: Response };
  return {
    schema,
    ...(preHandler ? { preHandler } : {}),
    config: { idempotent: true, ...(problems ? { problems } : {}) },
  };
}
