import { randomUUID } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import type { IntegrationEvent, OutboxMessage } from '@parcours/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MessageContext } from './consumer.ts';
import { PublishTimeoutError } from './errors.ts';
import { createMessaging } from './messaging.ts';
import { createOutboxSink } from './outbox-sink.ts';
import { givenTopic, traceparent, uniqueGroup } from './test-support.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const row = (topic: string, event: IntegrationEvent, trace = traceparent()): OutboxMessage => ({
  id: randomUUID(),
  topic,
  key: event.subject,
  event,
  headers: { traceparent: trace },
});

describe('outbox sink', () => {
  it('publishes a batch across topics with the rows’ trace context, as CloudEvents', async () => {
    const first = await givenTopic('outbox-a', 2);
    const second = await givenTopic('outbox-b');
    cleanup.push(
      () => first.messaging.disconnect(),
      () => second.messaging.disconnect(),
    );

    const received: { topic: string; event: IntegrationEvent; ctx: MessageContext }[] = [];
    for (const { messaging, topic } of [first, second]) {
      const consumer = await messaging.startConsumer({
        groupId: uniqueGroup('outbox'),
        topics: [topic],
        fromBeginning: true,
        sessionTimeoutMs: 6_000,
        handler: async (event, ctx) => {
          received.push({ topic, event, ctx });
        },
      });
      cleanup.push(() => consumer.stop());
    }

    const rows = [
      row(first.topic, first.event('case-1', 1)),
      row(second.topic, second.event('case-1', 2)),
      row(first.topic, first.event('case-2', 1)),
    ];
    await createOutboxSink(first.messaging)(rows);

    await vi.waitFor(() => expect(received).toHaveLength(3), { timeout: 15_000, interval: 50 });
    for (const sent of rows) {
      const got = received.find((r) => r.event.id === sent.event.id);
      expect(got?.topic).toBe(sent.topic);
      expect(got?.event).toEqual(sent.event);
      expect(got?.ctx.key).toBe(sent.key);
      expect(got?.ctx.traceparent).toBe(sent.headers['traceparent']);
    }
  });

  it('rejects within the publish timeout when the broker is unreachable, so the relay keeps its rows', async () => {
    const { event } = await givenTopic('outbox-down');
    const logged: { level: string; fields: object; message: string | undefined }[] = [];
    const capture = (level: string) => (fields: object, message?: string) =>
      logged.push({ level, fields, message });
    const logger = {
      error: capture('error'),
      warn: capture('warn'),
      info: capture('info'),
      debug: capture('debug'),
    };
    const messaging = createMessaging({ brokers: ['127.0.0.1:1'], clientId: 'test-outbox-down', logger });
    cleanup.push(() => messaging.disconnect());
    const sink = createOutboxSink(messaging);

    // The test's own timeout bounds the wait: a publish that hung would fail it.
    await expect(sink([row('intake.events.v1', event('case-1', 1))])).rejects.toThrow();
    // A later call tries again (a fresh connection) rather than failing on a stale state or hanging.
    await expect(sink([row('intake.events.v1', event('case-1', 2))])).rejects.toThrow();
    // kafkajs' own logs reach the given logger, tagged with their namespace.
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'error',
        fields: expect.objectContaining({ kafkajs: expect.any(String) }),
      }),
    );
  }, 40_000);

  it('rejects with PublishTimeoutError when a broker accepts connections but never answers', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanup.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });
    const { port } = silent.address() as { port: number };
    const { event } = await givenTopic('outbox-silent');
    const messaging = createMessaging({
      brokers: [`127.0.0.1:${port}`],
      clientId: 'test-outbox-silent',
      publishTimeoutMs: 3_000,
    });
    cleanup.push(() => messaging.disconnect().catch(() => {}));

    // Our timer, not the client's retries, ended it.
    await expect(createOutboxSink(messaging)([row('intake.events.v1', event('case-1', 1))])).rejects.toThrow(
      PublishTimeoutError,
    );
  });
});
