import type { IntegrationEvent } from '@parcours/contracts';
import type { Messaging, RunningConsumer } from '@parcours/messaging';
import type { Redis } from 'ioredis';
import { type LiveUpdate, mergeScopes, type Scope, toLiveUpdate } from './updates.ts';

export interface RelayOptions {
  messaging: Messaging;
  redis: Redis;
  topics: string[];
  groupId: string;
  channel: string;
  namespace: string;
}

const scopeTtlSeconds = 60 * 24 * 3600;

/**
 * Kafka → Redis: one consumer group for all BFF instances reads each integration event once, and
 * publishes its live update on a Redis channel every instance listens to. A referral's proposal
 * scope is kept (60 days) so later events that name only one end still reach both.
 */
export async function startLiveRelay(options: RelayOptions): Promise<RunningConsumer> {
  const { redis } = options;
  const scopeKey = (referralId: string) => `${options.namespace}:live:referral:${referralId}`;

  async function withKnownScope(update: LiveUpdate): Promise<LiveUpdate> {
    if (update.resource !== 'referral' || !update.referralId) return update;
    const key = scopeKey(update.referralId);
    const known = await redis.get(key);
    const scope = known ? mergeScopes(JSON.parse(known) as Scope, update.scope) : update.scope;
    await redis.set(key, JSON.stringify(scope), 'EX', scopeTtlSeconds);
    return { ...update, scope };
  }

  const publish = async (events: IntegrationEvent[]) => {
    for (const event of events) {
      const update = toLiveUpdate(event);
      if (update) await redis.publish(options.channel, JSON.stringify(await withKnownScope(update)));
    }
  };

  return options.messaging.startConsumer({
    groupId: options.groupId,
    topics: options.topics,
    handler: (event) => publish([event]),
    batchHandler: (messages) => publish(messages.map((m) => m.event)),
    // Live updates are about now: a new group starts at the end, and a message that cannot be
    // relayed goes to the topic's dead letters after a short retry rather than holding the others.
    retry: { attempts: 3, initialMs: 100, maxMs: 1_000 },
  });
}
