import { DomainError, notFound, traceparentOf } from '@parcours/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app.ts';
import { operationMatcher, type ProxiedService, proxiedServices, readDocument } from './operations.ts';

export type ServiceUrls = Record<ProxiedService, string>;

const forwardedRequestHeaders = [
  'content-type',
  'accept',
  'accept-language',
  'idempotency-key',
  'x-correlation-id',
];
const forwardedResponseHeaders = [
  'content-type',
  'location',
  'idempotent-replayed',
  'retry-after',
  'x-correlation-id',
];
const timeoutMs = 30_000;

const unavailable = (service: string) =>
  new DomainError('service_unavailable', 502, {
    detail: `The ${service} service is not answering: try again in a moment`,
  });

/**
 * `/api/<service>/<path>` → the service, with the signed-in user's bearer token. Only operations of
 * the service's OpenAPI document pass; bodies and answers (problem+json included) go through as
 * they are; Idempotency-Key and the correlation id are passed on. The session check also enforces
 * CSRF on every state-changing call.
 */
export async function proxyRoutes(app: App, options: { services: ServiceUrls }) {
  const allowed = Object.fromEntries(
    proxiedServices.map((service) => [service, operationMatcher(readDocument(service))]),
  ) as Record<ProxiedService, ReturnType<typeof operationMatcher>>;

  await app.register(async (scope) => {
    // Bodies are forwarded byte for byte (JSON, CSV): never parsed and re-encoded here.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    scope.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      url: '/api/:service/*',
      // The service validates the query string strictly itself: the proxy passes it on as it came.
      schema: { querystring: { type: 'object', additionalProperties: true }, hide: true },
      // The services count each user's requests themselves; the BFF sees only office IPs.
      config: { public: true, rateLimit: false },
      handler: (request, reply) => forward(request, reply),
    });
  });

  async function forward(request: FastifyRequest, reply: FastifyReply) {
    const { service, '*': rest } = request.params as { service: string; '*': string };
    const path = `/${rest}`;
    if (
      !proxiedServices.includes(service as ProxiedService) ||
      !allowed[service as ProxiedService](request.method, path)
    ) {
      throw notFound('route_not_found', 'No such operation');
    }
    const { session } = await app.sessions.require(request);
    const headers: Record<string, string> = { authorization: `Bearer ${session.accessToken}` };
    for (const name of forwardedRequestHeaders) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const traceparent = traceparentOf(request);
    if (traceparent) headers['traceparent'] = traceparent;
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const body = Buffer.isBuffer(request.body) ? request.body : undefined;
    const upstream = await fetch(`${options.services[service as ProxiedService]}${path}${query}`, {
      method: request.method,
      headers,
      ...(body && body.length > 0 ? { body } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    }).catch((error: unknown) => {
      request.log.warn({ err: error, service }, 'service call failed');
      throw unavailable(service);
    });
    reply.code(upstream.status);
    for (const name of forwardedResponseHeaders) {
      const value = upstream.headers.get(name);
      if (value !== null) reply.header(name, value);
    }
    // Answers may carry a victim's personal data: no cache anywhere keeps them.
    reply.header('cache-control', 'no-store');
    return reply.send(Buffer.from(await upstream.arrayBuffer()));
  }
}
