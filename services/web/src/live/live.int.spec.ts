import { randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@parcours/contracts';
import { ReferralAcceptedV1, ReferralProposedV1 } from '@parcours/contracts';
import { createMessaging, type Messaging, toKafkaMessage } from '@parcours/messaging';
import { uniqueTopic } from '@parcours/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLiveStream, startBff, type TestBff } from '../testing/bff.ts';

let messaging: Messaging;
let topic: string;
let one: TestBff;
let two: TestBff;

beforeAll(async () => {
  topic = uniqueTopic('referral');
  messaging = createMessaging({
    brokers: process.env['KAFKA_BROKERS']!.split(','),
    clientId: 'web-live-test',
  });
  await messaging.ensureTopics([{ topic, partitions: 1, replicationFactor: 1 }]);
  // Two instances of the BFF, as behind a load balancer: one consumer group, one Redis channel.
  const env = {
    LIVE_TOPICS: topic,
    LIVE_CHANNEL: `parcours:web-test:${randomUUID()}`,
    LIVE_CONSUMER_GROUP: `web-live-${randomUUID().slice(0, 8)}`,
  };
  one = await startBff({ env });
  two = await startBff({ env, issuer: one.issuer });
});
afterAll(async () => {
  await one?.close();
  await two?.close();
  await messaging?.disconnect();
});

const proposed = (referralId: string, officeId: string, associationId: string) =>
  ReferralProposedV1.create({
    id: randomUUID(),
    subject: `case-${referralId}`,
    time: new Date(),
    data: {
      referralId,
      caseId: `case-${referralId}`,
      intakeId: `intake-${referralId}`,
      mode: 'transfer',
      from: { kind: 'national-platform' },
      target: { kind: 'office', officeId, associationId },
      urgency: 'high',
      offenceCategory: 'couple-violence',
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      reasons: ['residence in 75117'],
      at: new Date().toISOString(),
    },
  });

/** Published as the referral service's outbox relay does (raw records: the topic is a test's own). */
const publish = (event: IntegrationEvent) => messaging.publishRaw([{ topic, ...toKafkaMessage(event) }]);

async function until(check: () => boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('live updates: Kafka → one BFF instance → Redis → every instance → the browsers in scope', () => {
  it('reach the users of both instances whose office or platform the referral concerns, once, without personal data', async () => {
    const paris = await openLiveStream(one.url, (await one.signIn('caseworker')).cookie);
    const lyon = await openLiveStream(two.url, (await two.signIn('caseworker-69')).cookie);
    const platform = await openLiveStream(two.url, (await two.signIn('helpline')).cookie);
    try {
      // The group joins at the end of the topic: publish until the relay is following it.
      const warmUp: string[] = [];
      await until(() => {
        const referralId = `warm-${warmUp.length}`;
        warmUp.push(referralId);
        void publish(proposed(referralId, 'office-75-bav', 'asso-75'));
        return paris.received.length > 0;
      }, 'the relay follows the topic');
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const stream of [paris, lyon, platform]) stream.received.length = 0;

      const referralId = randomUUID();
      await publish(proposed(referralId, 'office-75-bav', 'asso-75'));
      await until(() => paris.received.length > 0 && platform.received.length > 0, 'the proposal');
      const update = { resource: 'referral', change: 'proposed', caseId: `case-${referralId}`, referralId };
      expect(paris.received).toEqual([expect.objectContaining(update)]);
      expect(platform.received).toEqual([expect.objectContaining(update)]);
      expect(Object.keys(paris.received[0] as object).sort()).toEqual([
        'at',
        'caseId',
        'change',
        'referralId',
        'resource',
      ]);

      // The acceptance names only the target; it reaches Paris, and the platform through the proposal's scope.
      await publish(
        ReferralAcceptedV1.create({
          id: randomUUID(),
          subject: `case-${referralId}`,
          time: new Date(),
          data: {
            referralId,
            caseId: `case-${referralId}`,
            target: { kind: 'office', officeId: 'office-75-bav', associationId: 'asso-75' },
            mode: 'transfer',
            by: 'dev-caseworker',
            at: new Date().toISOString(),
          },
        }),
      );
      await until(() => paris.received.length > 1 && platform.received.length > 1, 'the acceptance');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(paris.received).toHaveLength(2);
      expect(platform.received).toHaveLength(2);
      expect(lyon.received).toEqual([]);
    } finally {
      for (const stream of [paris, lyon, platform]) stream.close();
    }
  });

  it('a stream without a session is refused', async () => {
    const response = await fetch(`${one.url}/live`);
    expect(response.status).toBe(401);
  });
});
