import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError, type FieldError, PROBLEM_CONTENT_TYPE, type Problem, problemType } from '../errors.ts';
import { traceIdOf } from './tracing.ts';

// The path without the query string: queries can carry personal data (a name searched for).
const instanceOf = (request: FastifyRequest) => request.url.split('?')[0] ?? '/';

function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Omit<Problem, 'instance'>) {
  const traceId = traceIdOf(request);
  const body: Problem = { ...problem, instance: instanceOf(request), ...(traceId ? { traceId } : {}) };
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

interface ValidationItem {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** One entry per invalid field, named by JSON pointer under its part (`/body/x`, `/query/page`). */
function fieldErrors(error: FastifyError): FieldError[] {
  const part = error.validationContext ?? 'body';
  return (error.validation as ValidationItem[]).map((item) => {
    let pointer = item.instancePath ?? '';
    const missing = item.params?.['missingProperty'];
    const additional = item.params?.['additionalProperty'];
    if (typeof missing === 'string') pointer += `/${missing}`;
    else if (typeof additional === 'string') pointer += `/${additional}`;
    // Ajv's messages describe the rule (`must be string`), never the submitted value.
    return { field: `/${part}${pointer}`, message: item.message ?? 'is invalid' };
  });
}

/**
 * The one error handler: DomainError, validation and framework errors become RFC 9457
 * problem+json. A 5xx is logged with its cause and answered with the trace id only. Framework
 * messages are not forwarded for 4xx either: a JSON parse error quotes the request body.
 */
export const problemsPlugin = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
      if (error instanceof DomainError) {
        if (error.status >= 500) request.log.error({ err: error }, 'request failed');
        for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
        return sendProblem(request, reply, {
          type: problemType(error.code),
          title: error.title,
          status: error.status,
          code: error.code,
          ...(error.detail ? { detail: error.detail } : {}),
          ...(error.errors ? { errors: error.errors } : {}),
        });
      }
      if (error.validation) {
        const errors = fieldErrors(error);
        return sendProblem(request, reply, {
          type: problemType('validation_failed'),
          title: 'Bad Request',
          status: 400,
          code: 'validation_failed',
          detail: `${errors.length} invalid field${errors.length === 1 ? '' : 's'}`,
          errors,
        });
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        const code = (error.code ?? STATUS_CODES[status] ?? 'error').toLowerCase();
        return sendProblem(request, reply, {
          type: problemType(code),
          title: STATUS_CODES[status] ?? 'Error',
          status,
          code,
        });
      }
      request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, {
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
      });
    });

    app.setNotFoundHandler((request, reply) =>
      sendProblem(request, reply, {
        type: problemType('route_not_found'),
        title: 'Not Found',
        status: 404,
        code: 'route_not_found',
        detail: 'No route matches this method and path',
      }),
    );
  },
  { name: 'parcours-problems', fastify: '5.x', dependencies: ['parcours-tracing'] },
);
