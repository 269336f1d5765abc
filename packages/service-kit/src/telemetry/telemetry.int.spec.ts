import { SpanKind } from '@opentelemetry/api';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandMetadata } from '../command-metadata.ts';
import { createTestApp, LogCapture, type TestApp } from '../testing/test-app.ts';
import { startTestTelemetry, type TestTelemetry } from './sdk.ts';

let telemetry: TestTelemetry;
let t: TestApp;
const logs = new LogCapture();

beforeAll(async () => {
  telemetry = startTestTelemetry('service-kit-test');
  t = await createTestApp({ logs });
  t.app.post(
    '/cases',
    { schema: { body: Type.Object({ victim: Type.Object({ name: Type.String(), phone: Type.String() }) }) } },
    async (request) => {
      request.log.info({ victim: request.body.victim }, 'case opened');
      const { now, ...metadata } = commandMetadata(request);
      return { ...metadata, now: now.toISOString() };
    },
  );
  await t.app.ready();
});
afterAll(async () => {
  await t.close();
  await telemetry.shutdown();
});

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const parentSpanId = '00f067aa0ba902b7';

describe('tracing', () => {
  it('continues the incoming traceparent in a server span and hands it to commandMetadata', async () => {
    telemetry.reset();
    const response = await t.app.inject({
      method: 'POST',
      url: '/cases',
      headers: {
        ...(await t.auth('caseworker')),
        traceparent: `00-${traceId}-${parentSpanId}-01`,
        'x-correlation-id': 'call-116006-42',
      },
      payload: { victim: { name: 'Jeanne Martin', phone: '+33 6 01 02 03 04' } },
    });
    expect(response.statusCode).toBe(200);
    const metadata = response.json();
    expect(metadata).toMatchObject({
      actor: { id: 'dev-caseworker', roles: ['caseworker'], association: 'asso-75', office: 'office-75-bav' },
      correlationId: 'call-116006-42',
    });
    expect(response.headers['x-correlation-id']).toBe('call-116006-42');

    const server = telemetry.spans().find((span) => span.kind === SpanKind.SERVER);
    expect(server?.name).toBe('POST /cases');
    expect(server?.spanContext().traceId).toBe(traceId);
    expect(server?.parentSpanContext?.spanId).toBe(parentSpanId);
    expect(server?.attributes['http.response.status_code']).toBe(200);
    expect(metadata.traceparent).toBe(`00-${traceId}-${server?.spanContext().spanId}-01`);

    // Log lines written during the request carry the trace, and never the victim's identity.
    const opened = logs.lines.find((line) => line['msg'] === 'case opened');
    expect(opened).toMatchObject({ trace_id: traceId, span_id: server?.spanContext().spanId });
    expect(opened?.['victim']).toEqual({ name: '[Redacted]', phone: '[Redacted]' });
    expect(logs.raw.join('\n')).not.toMatch(/Jeanne|01 02 03 04|Bearer/);
  });

  it('starts a new trace when no traceparent comes in, and uses the request id as correlation id', async () => {
    telemetry.reset();
    const response = await t.app.inject({
      method: 'POST',
      url: '/cases',
      headers: await t.auth('caseworker'),
      payload: { victim: { name: 'x', phone: 'y' } },
    });
    const [server] = telemetry.spans();
    expect(server?.parentSpanContext).toBeUndefined();
    expect(response.json().traceparent).toBe(
      `00-${server?.spanContext().traceId}-${server?.spanContext().spanId}-01`,
    );
    expect(response.json().correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
