import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@parcours/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestService, type TestService } from '../test-support.ts';
import { FEED_VERSION } from './publish.ts';

let service: TestService;
beforeAll(async () => {
  // Checked every second once the workers run (the last test).
  service = await startTestService('feed', { env: { DIRECTORY_FEED_CHECK_MS: '1000' } });
});
afterAll(async () => {
  await service?.close();
});

const feedRow = async () => {
  const [row] = await service.module.db.query<{ publications: number; confirmed: boolean }>(
    'SELECT publications, confirmed_at IS NOT NULL AS confirmed FROM directory_feed WHERE version = $1',
    [FEED_VERSION],
  );
  return row!;
};

/** What a new consumer of the directory topic reads from the beginning: the ids of the offices. */
async function officesOnTopic(): Promise<Set<string>> {
  const { messaging, config, directory } = service.module;
  const offices = new Set<string>();
  const consumer = await messaging.startConsumer({
    groupId: `feed-reader-${randomUUID().slice(0, 8)}`,
    topics: [config.DIRECTORY_TOPIC],
    fromBeginning: true,
    sessionTimeoutMs: 6_000,
    handler: async (event: IntegrationEvent) => {
      if (event.type === 'fr.parcours.directory.office.v1')
        offices.add((event.data as { officeId: string }).officeId);
    },
  });
  try {
    await vi.waitFor(() => expect(offices.size).toBe(directory.index.size.offices), {
      timeout: 30_000,
      interval: 200,
    });
    return offices;
  } finally {
    await consumer.stop();
  }
}

/** Kafka lost the topic's data: the topic deleted, then created again (empty). */
async function loseTopic() {
  const { config } = service.module;
  const admin = new Kafka({ brokers: config.KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [config.DIRECTORY_TOPIC] });
    await vi.waitFor(async () => expect(await admin.listTopics()).not.toContain(config.DIRECTORY_TOPIC), {
      timeout: 30_000,
      interval: 200,
    });
  } finally {
    await admin.disconnect();
  }
  // The broker may still be finishing the deletion: creating can fail for a moment.
  await vi.waitFor(() => service.module.ensureTopics(), { timeout: 30_000, interval: 500 });
  expect((await service.module.messaging.topicOffsets(config.DIRECTORY_TOPIC)).map((p) => p.latest)).toEqual(
    Array(config.KAFKA_TOPIC_PARTITIONS).fill('0'),
  );
}

describe('the directory feed', () => {
  it('publishes the snapshot again when its topic lost it, once', async () => {
    const { module } = service;
    const allOffices = [...module.directory.index.offices.keys()].sort();
    // Published at boot; once the relay has put it on the topic, a check finds it there.
    await module.relay.drainOnce();
    expect(await module.checkDirectoryFeed()).toEqual({ published: 0 });
    expect(await feedRow()).toEqual({ publications: 1, confirmed: true });

    await loseTopic();
    const { offices, partners, agreements } = module.directory.index.size;
    expect(await module.checkDirectoryFeed()).toEqual({
      published: offices + partners + agreements,
      why: 'topic-lost-data',
    });
    // Not again while the relay has not yet put it on the topic.
    expect(await module.checkDirectoryFeed()).toEqual({ published: 0 });
    expect(await feedRow()).toEqual({ publications: 2, confirmed: false });

    await module.relay.drainOnce();
    expect([...(await officesOnTopic())].sort()).toEqual(allOffices);
    expect(await module.checkDirectoryFeed()).toEqual({ published: 0 });
    expect(await feedRow()).toEqual({ publications: 2, confirmed: true });
  });

  it('republishes on an admin’s command', async () => {
    const post = async (user: 'admin' | 'caseworker') =>
      service.app.inject({
        method: 'POST',
        url: '/directory/feed/republish',
        headers: await service.auth(user),
      });
    expect((await post('caseworker')).statusCode).toBe(403);
    const { publications } = await feedRow();
    const res = await post('admin');
    expect(res.statusCode).toBe(202);
    const { offices, partners, agreements } = service.module.directory.index.size;
    expect(res.json()).toEqual({ messages: offices + partners + agreements });
    expect(await feedRow()).toEqual({ publications: publications + 1, confirmed: false });
  });

  it('is checked periodically by the running service, which republishes on its own', async () => {
    const { module } = service;
    await module.startWorkers();
    await vi.waitFor(async () => expect((await feedRow()).confirmed).toBe(true), {
      timeout: 30_000,
      interval: 200,
    });
    const { publications } = await feedRow();

    await loseTopic();
    await vi.waitFor(async () => expect((await feedRow()).publications).toBe(publications + 1), {
      timeout: 30_000,
      interval: 200,
    });
    expect((await officesOnTopic()).size).toBe(module.directory.index.size.offices);
  });
});
