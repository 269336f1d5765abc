import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  DomainError,
  databaseUnavailable,
  type FieldError,
  isDatabaseUnavailable,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  problemType,
  statusTitle,
} from '../errors.ts';
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

// A body of a megabyte can fail on thousands of items: the first ones tell the client enough.
const maxFieldErrors = 100;

/** One entry per invalid field, named by JSON pointer under its part (`/body/x`, `/querystring/page`). */
function fieldErrors(error: FastifyError): FieldError[] {
  const part = error.validationContext ?? 'body';
  return (error.validation as ValidationItem[]).slice(0, maxFieldErrors).map((item) => {
    let pointer = item.instancePath ?? '';
    const missing = item.params?.['missingProperty'];
    const additional = item.params?.['additionalProperty'];
    if (typeof missing === 'string') pointer += `/${missing}`;
    else if (typeof additional === 'string') pointer += `/${additional}`;
    // Ajv's messages describe the rule (`must be string`), never the submitted value.
    return { field: `/${part}${pointer}`, message: item.message ?? 'is invalid' };
  });
}

/** Stable codes for what Fastify refuses before a route runs; its own messages may quote the request. */
const frameworkProblems: Record<string, { code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    detail: 'This route does not accept a body of this content type',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'body_too_large',
    detail: 'The body is larger than this service accepts',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed_json', detail: 'The body is empty but says it is JSON' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', detail: 'The body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_content_length',
    detail: 'The body does not match its Content-Length',
  },
  FST_ERR_BAD_URL: { code: 'malformed_url', detail: 'The path is not validly percent-encoded' },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: 'uri_too_long',
    detail: 'A path segment is longer than this service accepts',
  },
};

const snakeCase = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '_');

function handleError(error: FastifyError | DomainError, request: FastifyRequest, reply: FastifyReply) {
  // PostgreSQL down or restarting is no bug of the request: 503 with Retry-After, which a client
  // retries as it is (bench/chaos: a PostgreSQL restart answered intake's calls 500).
  if (!(error instanceof DomainError) && !error.validation && (error.statusCode ?? 500) >= 500) {
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return handleError(databaseUnavailable(error), request, reply);
    }
  }
  if (error instanceof DomainError) {
    if (error.status >= 500 && error.code !== 'database_unavailable')
      request.log.error({ err: error }, 'request failed');
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
    const count = error.validation.length;
    return sendProblem(request, reply, {
      type: problemType('validation_failed'),
      title: statusTitle(400),
      status: 400,
      code: 'validation_failed',
      detail: `${count} invalid field${count === 1 ? '' : 's'}`,
      errors,
    });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const known = frameworkProblems[error.code];
    const code = known?.code ?? snakeCase(statusTitle(status));
    return sendProblem(request, reply, {
      type: problemType(code),
      title: statusTitle(status),
      status,
      code,
      ...(known ? { detail: known.detail } : {}),
    });
  }
  request.log.error({ err: error }, 'request failed');
  return sendProblem(request, reply, { type: 'about:blank', title: statusTitle(500), status: 500 });
}

/** Fastify's `frameworkErrors`: a URL it cannot decode or route answers problem+json too. */
export const frameworkErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
  handleError(error, request, reply);

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Fastify's `clientErrorHandler`: a request Node's parser refuses (malformed, headers too large,
 * too slow) never reaches Fastify; answer it as problem+json on the socket, as Node would in JSON.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large']
        : [400, 'malformed_request'];
  const title = statusTitle(status);
  const body = JSON.stringify({ type: problemType(code), title, status, code, instance: '/' });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nConnection: close\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * The one error handler: DomainError, validation and framework errors become RFC 9457
 * problem+json with a code. A 5xx is logged with its cause and answered with the trace id only.
 * Framework messages are not forwarded for 4xx either: a JSON parse error quotes the request body.
 * A path that exists under other methods answers 405 with `Allow`; any other, 404.
 */
export const problemsPlugin = fp(
  async (app) => {
    app.setErrorHandler(handleError);

    app.setNotFoundHandler((request, reply) => {
      const url = instanceOf(request);
      const allowed = methods.filter((method) => app.findRoute({ method, url }) !== null);
      if (allowed.length > 0) {
        reply.header('allow', allowed.join(', '));
        return sendProblem(request, reply, {
          type: problemType('method_not_allowed'),
          title: statusTitle(405),
          status: 405,
          code: 'method_not_allowed',
          detail: `This path answers ${allowed.join(', ')}`,
        });
      }
      return sendProblem(request, reply, {
        type: problemType('route_not_found'),
        title: statusTitle(404),
        status: 404,
        code: 'route_not_found',
        detail: 'No route matches this method and path',
      });
    });
  },
  { name: 'parcours-problems', fastify: '5.x', dependencies: ['parcours-tracing'] },
);
