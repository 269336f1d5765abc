import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createContractRegistry, defineTestEvent } from '@parcours/contracts';
import { Database, EventStore, eventStoreMigrations, OutboxRelay } from '@parcours/eventstore';
import { createMessaging, createOutboxSink } from '@parcours/messaging';
import { createTestDatabase, uniqueTopic } from '@parcours/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commandMetadata } from '../command-metadata.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

// One trace from an HTTP command, through the append, the outbox relay and Kafka, to the span of a
// consumer running in another process.
const topic = uniqueTopic('trace');
const contract = defineTestEvent(topic);
const messaging = createMessaging({
  brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
  clientId: 'trace-test',
  registry: createContractRegistry([contract]),
});
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Database;
let relay: OutboxRelay;
let service: TestApp;
let probe: ChildProcess;
const handled = new Map<string, string>();

beforeAll(async () => {
  await messaging.ensureTopics([{ topic, partitions: 1, replicationFactor: 1 }]);
  database = await createTestDatabase('trace');
  db = await Database.connect({ url: database.url, migrations: eventStoreMigrations });
  const store = new EventStore(db);
  relay = new OutboxRelay(db, createOutboxSink(messaging));
  relay.start();

  probe = spawn(
    process.execPath,
    [fileURLToPath(new URL('./trace-probe.ts', import.meta.url)), topic, `probe-${randomUUID()}`],
    {
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const ready = new Promise<void>((resolve, reject) => {
    probe.once('exit', (code) => reject(new Error(`trace probe exited with ${code}`)));
    createInterface({ input: probe.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as { ready?: boolean; eventId?: string; traceId?: string };
      if (message.ready) resolve();
      if (message.eventId && message.traceId) handled.set(message.eventId, message.traceId);
    });
  });

  service = await createTestApp();
  service.app.post('/cases/:caseId/steps', async (request, reply) => {
    const { caseId } = request.params as { caseId: string };
    const metadata = commandMetadata(request);
    const event = contract.create({
      id: randomUUID(),
      subject: caseId,
      time: metadata.now,
      data: { caseId, step: 1 },
    });
    await store.appendToStream(caseId, [{ type: 'StepRecorded', data: { step: 1 } }], {
      expectedVersion: 0,
      metadata: { correlationId: metadata.correlationId, traceparent: metadata.traceparent },
      outbox: [{ id: event.id, topic, key: caseId, event, headers: { traceparent: metadata.traceparent! } }],
    });
    return reply.code(202).send({ eventId: event.id });
  });
  await service.app.listen({ port: 0, host: '127.0.0.1' });
  await ready;
}, 120_000);

afterAll(async () => {
  probe?.kill('SIGTERM');
  await service?.close();
  await relay?.stop();
  await messaging.disconnect();
  await db?.close();
  await database?.drop();
});

it('carries the trace id of an HTTP request to the consumer span in another process', async () => {
  const traceId = randomUUID().replaceAll('-', '');
  const address = service.app.server.address() as { port: number };
  const response = await fetch(`http://127.0.0.1:${address.port}/cases/case-${randomUUID()}/steps`, {
    method: 'POST',
    headers: {
      ...(await service.auth('caseworker')),
      traceparent: `00-${traceId}-${'ab'.repeat(8)}-01`,
    },
  });
  expect(response.status).toBe(202);
  const { eventId } = (await response.json()) as { eventId: string };
  await expect.poll(() => handled.get(eventId), { timeout: 30_000 }).toBe(traceId);
}, 60_000);
