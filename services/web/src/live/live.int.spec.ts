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
      let lastWarmUp = 0;
      await until(() => {
        if (Date.now() - lastWarmUp > 500) {
          lastWarmUp = Date.now();
          void publish(proposed(`warm-${randomUUID()}`, 'office-75-bav', 'asso-75'));
        }
        return paris.received.length > 0;
      }, 'the relay follows the topic');

      // Only this referral's updates count: a late warm-up message may still arrive.
      const referralId = randomUUID();
      const about = (stream: { received: unknown[] }) =>
        stream.received.filter((u) => (u as { referralId: string }).referralId === referralId) as {
          change: string;
        }[];
      await publish(proposed(referralId, 'office-75-bav', 'asso-75'));
      await until(() => about(paris).length > 0 && about(platform).length > 0, 'the proposal');
      const update = { resource: 'referral', change: 'proposed', caseId: `case-${referralId}`, referralId };
      expect(about(paris)).toEqual([expect.objectContaining(update)]);
      expect(about(platform)).toEqual([expect.objectContaining(update)]);
      expect(Object.keys(about(paris)[0]!).sort()).toEqual([
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
      await until(() => about(paris).length > 1 && about(platform).length > 1, 'the acceptance');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(about(paris).map((u) => u.change)).toEqual(['proposed', 'accepted']);
      expect(about(platform).map((u) => u.change)).toEqual(['proposed', 'accepted']);
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
