import type { IntegrationEvent } from '@parcours/contracts';
import { CloudEvent, Kafka, type KafkaMessage } from 'cloudevents';
import { describe, expect, it, vi } from 'vitest';
import { toKafkaMessage } from './cloudevents.ts';
import type { MessageContext } from './consumer.ts';
import { kafkaTestFile, readRecords, traceparent } from './test-support.ts';

const { given, consume } = kafkaTestFile();

describe('the Kafka edge is strict', () => {
  it('dead-letters data that does not match its contract exactly, naming the field and never the data', async () => {
    const { messaging, topic, event } = await given('strict');
    const handled: IntegrationEvent[] = [];
    await consume(messaging, [topic], async (e) => {
      handled.push(e);
    });
    const secret = 'Jeanne Dupont';
    const refused: [string, Record<string, unknown>, string][] = [
      ['an undeclared property', { caseId: 'case-s', step: 1, victimName: secret }, '/victimName'],
      ['a number sent as text', { caseId: 'case-s', step: '2', note: secret }, '/step'],
      ['a boolean for a number', { caseId: 'case-s', step: true, note: secret }, '/step'],
      ['a NUL character', { caseId: 'case-s', step: 3, note: `${secret}\u0000` }, '/note'],
      ['a lone surrogate', { caseId: 'case-s', step: 4, note: `${secret}\uD83D` }, '/note'],
    ];
    const good = event('case-s', 5, 'Chloé à Saint-Étienne 😀');
    await messaging.publishRaw([
      ...refused.map(([, data]) => ({ topic, ...toKafkaMessage({ ...event('case-s', 0), data }) })),
      { topic, ...toKafkaMessage(good) },
    ]);

    await vi.waitFor(() => expect(handled).toEqual([good]), { timeout: 15_000, interval: 50 });
    const deadLetters = await readRecords(`${topic}.dlq`, refused.length);
    refused.forEach(([what, , path], i) => {
      const { headers } = deadLetters[i]!;
      expect(headers['dlq_attempts'], what).toBe('0');
      expect(headers['dlq_error'], what).toContain(`${path}: `);
      expect(headers['dlq_error'], what).not.toContain('Jeanne');
    });
  });

  it('takes a message made by the CloudEvents SDK, with its tracing extension, and hands its event over', async () => {
    const { messaging, topic, event } = await given('sdk');
    const received: { event: IntegrationEvent; ctx: MessageContext }[] = [];
    await consume(messaging, [topic], async (e, ctx) => {
      received.push({ event: e, ctx });
    });
    const sent = event('case-sdk', 1, 'Zoë, 東京 😀');
    const trace = traceparent();
    const message = Kafka.binary(
      new CloudEvent({ ...sent, datacontenttype: 'application/json', traceparent: trace }),
    );
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(message.headers))
      if (value !== undefined) headers[name] = String(value);
    await messaging.publishRaw([{ topic, key: sent.subject, value: JSON.stringify(message.value), headers }]);

    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 15_000, interval: 50 });
    expect(received[0]!.event).toEqual(sent);
    expect(received[0]!.ctx).toMatchObject({ key: 'case-sdk', traceparent: trace });

    // And the SDK reads what our producer wrote on the broker.
    await messaging.publish(topic, [sent], { traceparent: trace });
    const [, ours] = await readRecords(topic, 2);
    const record: KafkaMessage = {
      key: ours!.key!,
      value: ours!.value,
      body: ours!.value,
      headers: ours!.headers,
    };
    const decoded = Kafka.toEvent(record);
    expect(decoded).toMatchObject({ id: sent.id, type: sent.type, data: sent.data, traceparent: trace });
  });
});
