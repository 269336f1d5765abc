import { randomBytes } from 'node:crypto';
import {
  type Context,
  context,
  defaultTextMapGetter,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const kContext = Symbol('parcours.traceContext');
const kSpan = Symbol('parcours.span');
type Traced = FastifyRequest & { [kContext]?: Context; [kSpan]?: Span };

// Used directly rather than through the global API so that trace continuity holds even when the
// SDK was not started (tests, scripts): the incoming traceparent is always honoured.
const w3c = new W3CTraceContextPropagator();
const tracer = () => trace.getTracer('@parcours/service-kit');

const randomHex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * Without a started SDK the API's no-op tracer returns the parent's ids (or invalid ones): give
 * the request ids of its own so logs, problem bodies and outgoing traceparents still have them.
 */
function withOwnIds(span: Span, parent: Context): Span {
  const own = span.spanContext();
  const parentContext = trace.getSpanContext(parent);
  if (trace.isSpanContextValid(own) && own.spanId !== parentContext?.spanId) return span;
  return trace.wrapSpanContext({
    traceId: parentContext && trace.isSpanContextValid(parentContext) ? parentContext.traceId : randomHex(16),
    spanId: randomHex(8),
    traceFlags: parentContext?.traceFlags ?? TraceFlags.NONE,
  });
}

/** The OpenTelemetry context the request runs in (its span as the active span). */
export function requestContext(request: FastifyRequest): Context {
  return (request as Traced)[kContext] ?? context.active();
}

/** W3C traceparent of the request's span, to carry on events and outgoing messages. */
export function traceparentOf(request: FastifyRequest): string | undefined {
  const carrier: Record<string, string> = {};
  w3c.inject(requestContext(request), carrier, {
    set: (target, key, value) => {
      (target as Record<string, string>)[key] = value;
    },
  });
  return carrier['traceparent'];
}

export function traceIdOf(request: FastifyRequest): string | undefined {
  const spanContext = trace.getSpan(requestContext(request))?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/**
 * Runs every request inside a span that continues the incoming `traceparent`. When the HTTP
 * instrumentation already opened a server span (service started with the telemetry entry), ours is
 * an internal child of it; otherwise (app.inject, no instrumentation) ours is the server span.
 * The context is re-entered before the handler because body parsing can lose the async context.
 */
export const tracingPlugin = fp(
  async (app) => {
    app.addHook('onRequest', (request, _reply, done) => {
      const active = context.active();
      const instrumented = trace.getSpan(active) !== undefined;
      const parent = instrumented ? active : w3c.extract(ROOT_CONTEXT, request.headers, defaultTextMapGetter);
      const route = request.routeOptions.url ?? 'not found';
      let span = tracer().startSpan(
        `${request.method} ${route}`,
        {
          kind: instrumented ? SpanKind.INTERNAL : SpanKind.SERVER,
          attributes: { 'http.request.method': request.method, 'http.route': route },
        },
        parent,
      );
      span = withOwnIds(span, parent);
      const spanContext = trace.setSpan(parent, span);
      const traced = request as Traced;
      traced[kContext] = spanContext;
      traced[kSpan] = span;
      const { traceId, spanId } = span.spanContext();
      request.log = request.log.child({ trace_id: traceId, span_id: spanId });
      context.with(spanContext, done);
    });
    app.addHook('preHandler', (request, _reply, done) => {
      context.with(requestContext(request), done);
    });
    const end = (request: FastifyRequest, reply: FastifyReply) => {
      const span = (request as Traced)[kSpan];
      if (!span) return;
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      (request as Traced)[kSpan] = undefined;
    };
    app.addHook('onResponse', async (request, reply) => end(request, reply));
    app.addHook('onRequestAbort', async (request) => {
      const span = (request as Traced)[kSpan];
      span?.setStatus({ code: SpanStatusCode.ERROR, message: 'request aborted' });
      span?.end();
      (request as Traced)[kSpan] = undefined;
    });
  },
  { name: 'parcours-tracing', fastify: '5.x' },
);
