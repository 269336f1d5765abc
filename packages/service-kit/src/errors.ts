import { STATUS_CODES } from 'node:http';

/** One invalid field: a JSON pointer into the request (`/body/victim/phone`) and what is wrong with it. */
export interface FieldError {
  field: string;
  message: string;
}

export interface DomainErrorOptions {
  detail?: string;
  errors?: FieldError[];
  /** Response headers that belong to the error (WWW-Authenticate, Retry-After). */
  headers?: Record<string, string>;
  cause?: unknown;
}

// RFC 9110's reason phrases: Node's table still has the older 'Payload Too Large' and
// 'Unprocessable Entity'.
const titles: Record<number, string> = {
  413: 'Content Too Large',
  422: 'Unprocessable Content',
};

/** The title of a problem: the reason phrase of its status. */
export const statusTitle = (status: number): string => titles[status] ?? STATUS_CODES[status] ?? 'Error';

/**
 * An error the domain or the kit raises on purpose. The error handler turns it into RFC 9457
 * problem+json titled by its status. `detail` is sent to the client: never put request values
 * (personal data) in it. Made with the helpers below (`conflict('referral_status', '...')`).
 */
export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(code: string, status: number, options: DomainErrorOptions = {}) {
    const title = statusTitle(status);
    super(options.detail ?? title, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.status = status;
    this.title = title;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}

const make =
  (status: number, defaultCode: string) =>
  (code: string = defaultCode, detail?: string, options: Omit<DomainErrorOptions, 'detail'> = {}) =>
    new DomainError(code, status, { ...options, detail });

export const badRequest = make(400, 'bad_request');
export const unauthorized = make(401, 'unauthorized');
export const forbidden = make(403, 'forbidden');
export const notFound = make(404, 'not_found');
export const conflict = make(409, 'conflict');
export const unprocessable = make(422, 'unprocessable');
export const tooManyRequests = make(429, 'too_many_requests');

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** RFC 9457 body, plus our `code`, field `errors` and the trace id to quote to support. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  code?: string;
  errors?: FieldError[];
  traceId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types are URNs: stable identifiers that do not pretend to be resolvable documentation. */
export const problemType = (code: string) => `urn:parcours:problem:${code}`;

/**
 * SQLSTATEs and socket codes that say the database cannot be reached now, not that the request is
 * wrong: a connection refused or reset, the server shutting down (57P01 admin_shutdown, 57P02
 * crash_shutdown) or starting (57P03 cannot_connect_now), a connection exception (class 08), too
 * many connections (53300).
 */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
// node-postgres's own messages when a connection dies or the pool cannot get one in time.
const unavailableMessages =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

/**
 * Whether an error (or one it wraps: `cause`, MikroORM's copied fields, an AggregateError's
 * `errors`) means the database is down or restarting. Only codes and node-postgres's own messages
 * count: a message merely quoting "ECONNREFUSED" is a 500 like any other bug.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && unavailableCodes.has(code)) return true;
  if (typeof message === 'string' && unavailableMessages.test(message)) return true;
  if (cause !== undefined && isDatabaseUnavailable(cause, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** What a request meets while its database is down or restarting: 503, retry the same request. */
export const databaseUnavailable = (cause: unknown) =>
  new DomainError('database_unavailable', 503, {
    detail: 'The database does not answer for now; retry the same request (same Idempotency-Key)',
    headers: { 'retry-after': '1' },
    cause,
  });
