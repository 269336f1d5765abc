import type { IntegrationEvent } from '@parcours/contracts';
import { describe, expect, it } from 'vitest';
import {
  fromKafkaMessage,
  InvalidCloudEventError,
  type ReceivedMessage,
  toKafkaMessage,
} from './cloudevents.ts';

const event: IntegrationEvent = {
  id: '3c0f8d0e-2b8b-4d39-9a63-5d1a3b1f7c21',
  type: 'fr.parcours.test.something-happened.v1',
  source: '/parcours/test',
  subject: 'case-1',
  time: '2025-03-04T10:11:12.000Z',
  data: { caseId: 'case-1', step: 1, note: 'é ✓' },
};
const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

/** What the broker hands back: buffers. */
const asReceived = (message: ReturnType<typeof toKafkaMessage>): ReceivedMessage => ({
  key: Buffer.from(message.key),
  value: Buffer.from(message.value),
  headers: Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, Buffer.from(v)])),
});

describe('CloudEvents Kafka binding, binary mode', () => {
  it('writes the ce_* headers, content type, trace context, the case id as key and data as value', () => {
    const message = toKafkaMessage(event, { traceparent, tracestate: 'parcours=1' });
    expect(message).toEqual({
      key: 'case-1',
      value: JSON.stringify(event.data),
      headers: {
        ce_specversion: '1.0',
        ce_id: event.id,
        ce_type: event.type,
        ce_source: event.source,
        ce_subject: 'case-1',
        ce_time: event.time,
        'content-type': 'application/json',
        traceparent,
        tracestate: 'parcours=1',
        ce_traceparent: traceparent,
        ce_tracestate: 'parcours=1',
      },
    });
    expect(toKafkaMessage(event).headers).not.toHaveProperty('traceparent');
    expect(toKafkaMessage(event).headers).not.toHaveProperty('ce_traceparent');
  });

  it('round-trips an event and its trace context', () => {
    const decoded = fromKafkaMessage(asReceived(toKafkaMessage(event, { traceparent })));
    expect(decoded.event).toEqual(event);
    expect(decoded.trace).toEqual({ traceparent, tracestate: undefined });
    expect(decoded.headers['ce_type']).toBe(event.type);
  });

  it('reads the trace context from the CloudEvents tracing extension when the W3C header is absent', () => {
    const received = asReceived(toKafkaMessage(event, { traceparent, tracestate: 'parcours=1' }));
    delete received.headers!['traceparent'];
    delete received.headers!['tracestate'];
    expect(fromKafkaMessage(received).trace).toEqual({ traceparent, tracestate: 'parcours=1' });
  });

  it('accepts a charset parameter and repeated headers (last wins)', () => {
    const received = asReceived(toKafkaMessage(event));
    received.headers!['content-type'] = 'application/json; charset=utf-8';
    received.headers!['ce_id'] = [Buffer.from('older'), Buffer.from('newer')];
    expect(fromKafkaMessage(received).event.id).toBe('newer');
  });

  it.each(['ce_specversion', 'ce_id', 'ce_type', 'ce_source', 'ce_subject', 'ce_time', 'content-type'])(
    'names the missing header %s',
    (header) => {
      const received = asReceived(toKafkaMessage(event));
      delete received.headers![header];
      const error = catchError(() => fromKafkaMessage(received));
      expect(error).toBeInstanceOf(InvalidCloudEventError);
      expect(error).toMatchObject({ code: 'INVALID_CLOUD_EVENT', header });
      expect(error.message).toContain(header);
    },
  );

  it.each([
    ['another spec version', { ce_specversion: '0.3' }, 'ce_specversion'],
    ['structured mode', { 'content-type': 'application/cloudevents+json' }, 'content-type'],
    ['a time that is not one', { ce_time: 'yesterday' }, 'ce_time'],
  ])('refuses %s', (_, headers, header) => {
    const received = asReceived(toKafkaMessage(event));
    Object.assign(received.headers!, headers);
    expect(catchError(() => fromKafkaMessage(received))).toMatchObject({ header });
  });

  it('refuses a value that is missing or not JSON', () => {
    const missing = { ...asReceived(toKafkaMessage(event)), value: null };
    expect(() => fromKafkaMessage(missing)).toThrow(/no value/);
    const garbage = { ...asReceived(toKafkaMessage(event)), value: Buffer.from('{not json') };
    expect(() => fromKafkaMessage(garbage)).toThrow(InvalidCloudEventError);
  });

  it('refuses a value that is not UTF-8 rather than replace its bytes', () => {
    const latin1 = Buffer.from('{"caseId":"case-1","step":1,"note":"Chlo\xe9"}', 'latin1');
    const received = { ...asReceived(toKafkaMessage(event)), value: latin1 };
    expect(() => fromKafkaMessage(received)).toThrow(/not UTF-8/);
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
