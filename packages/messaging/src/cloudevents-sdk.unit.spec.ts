import { defineTestEvent, type IntegrationEvent } from '@parcours/contracts';
import { CloudEvent, Kafka, type KafkaMessage } from 'cloudevents';
import { describe, expect, it } from 'vitest';
import { fromKafkaMessage, headersToStrings, type ReceivedMessage, toKafkaMessage } from './cloudevents.ts';

// Our binary-mode encoding against the official CloudEvents SDK: each reads what the other writes.
const contract = defineTestEvent('sdk.v1');
const event: IntegrationEvent = contract.create({
  id: '6f1c1f8e-4a0e-4a57-9b59-0c3c8a3f5b21',
  subject: 'case-1',
  time: '2025-03-04T10:11:12.345Z',
  data: { caseId: 'case-1', step: 2, note: 'Chloé, Saint-Étienne — 被害者 😀' },
});
const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const tracestate = 'parcours=t61rcWkgMzE';

/** The event as CloudEvents attributes (the tracing extension's and the Kafka key's included). */
const attributes = {
  specversion: '1.0',
  ...event,
  datacontenttype: 'application/json',
  traceparent,
  tracestate,
  partitionkey: event.subject,
};

/** Bytes, as a Kafka client hands a record over. */
const asBytes = (value: string) => Buffer.from(value, 'utf8');

describe('CloudEvents SDK (cloudevents on npm)', () => {
  it('decodes what we send: every attribute, the tracing extension, non-ASCII data, a valid event', () => {
    const wire = toKafkaMessage(event, { traceparent, tracestate });
    const received: KafkaMessage = {
      key: wire.key,
      value: asBytes(wire.value),
      body: asBytes(wire.value),
      headers: wire.headers,
    };
    const decoded = Kafka.toEvent(received) as CloudEvent<unknown> & Record<string, unknown>;
    expect(decoded).toMatchObject(attributes);
    // The SDK's own check of the specification's rules.
    expect(decoded.validate()).toBe(true);
  });

  it('sends what we decode: its binary message, with the tracing extension, read as our event', () => {
    const sdkEvent = new CloudEvent(attributes);
    const message = Kafka.binary(sdkEvent);
    // What a producer puts on the wire: the data as JSON, attributes that are set as header bytes.
    const headers: ReceivedMessage['headers'] = {};
    for (const [name, value] of Object.entries(message.headers)) {
      if (value !== undefined) headers[name] = asBytes(String(value));
    }
    const received: ReceivedMessage = {
      key: asBytes(String(message.key)),
      value: asBytes(JSON.stringify(message.value)),
      headers,
    };

    const decoded = fromKafkaMessage(received);
    expect(decoded.event).toEqual(event);
    expect(decoded.trace).toEqual({ traceparent, tracestate });
    expect(contract.validate(decoded.event.data)).toEqual([]);
    expect(headersToStrings(received.headers)).toMatchObject({
      ce_type: event.type,
      'content-type': 'application/json',
    });
  });
});
