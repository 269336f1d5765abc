import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as FollowUpPaths } from './generated/follow-up.ts';
import type { paths as IntakePaths } from './generated/intake.ts';
import type { paths as MediationPaths } from './generated/mediation.ts';
import type { paths as ProjectionsPaths } from './generated/projections.ts';
import type { paths as ReferralPaths } from './generated/referral.ts';
import { ApiError, networkProblem, problemOf } from './problem.ts';

let csrfToken: string | undefined;

/** Set when the session is read: every state-changing call sends it back (the BFF checks it). */
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

const safe = new Set(['GET', 'HEAD', 'OPTIONS']);

/** CSRF header on unsafe calls; failures become ApiError with the service's problem. */
const middleware: Middleware = {
  onRequest({ request }) {
    if (!safe.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  async onResponse({ response }) {
    if (!response.ok) throw new ApiError(await problemOf(response.clone()));
    return response;
  },
  onError() {
    return new ApiError(networkProblem());
  },
};

/** Typed clients of the services through the BFF (types generated from their OpenAPI documents). */
export const intake = createClient<IntakePaths>({ baseUrl: '/api/intake', credentials: 'same-origin' });
export const referral = createClient<ReferralPaths>({ baseUrl: '/api/referral', credentials: 'same-origin' });
export const followUp = createClient<FollowUpPaths>({
  baseUrl: '/api/follow-up',
  credentials: 'same-origin',
});
intake.use(middleware);
referral.use(middleware);
export const mediation = createClient<MediationPaths>({
  baseUrl: '/api/mediation',
  credentials: 'same-origin',
});
export const projections = createClient<ProjectionsPaths>({
  baseUrl: '/api/projections',
  credentials: 'same-origin',
});
followUp.use(middleware);
mediation.use(middleware);
projections.use(middleware);

/** The data of a successful call (errors were thrown by the middleware). */
export async function data<T>(call: Promise<{ data?: T }>): Promise<T> {
  const { data } = await call;
  return data as T;
}

/** A call to the BFF itself (session, communes): same error handling as the services'. */
export async function bff<T>(path: string, init: RequestInit = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers = new Headers(init.headers);
  if (!safe.has(method) && csrfToken) headers.set('x-csrf-token', csrfToken);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' }).catch(() => {
    throw new ApiError(networkProblem());
  });
  if (!response.ok) throw new ApiError(await problemOf(response));
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A fresh Idempotency-Key: one per thing the user means to do once. */
export const idempotencyKey = () => crypto.randomUUID();
