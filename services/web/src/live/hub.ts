import type { Actor } from '@parcours/service-kit';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { canHear, forBrowser, type LiveUpdate } from './updates.ts';

export interface LiveClient {
  actor: Actor;
  send(update: Omit<LiveUpdate, 'scope'>): void;
  end(): void;
}

/**
 * This instance's side of the fan-out: one Redis subscription, and the browsers connected here,
 * each sent the updates its user may hear of.
 */
export class LiveHub {
  readonly #clients = new Set<LiveClient>();
  readonly #subscriber: Redis;
  readonly #channel: string;

  private constructor(subscriber: Redis, channel: string) {
    this.#subscriber = subscriber;
    this.#channel = channel;
  }

  static async start(redis: Redis, channel: string, log: FastifyBaseLogger): Promise<LiveHub> {
    const subscriber = redis.duplicate();
    const hub = new LiveHub(subscriber, channel);
    subscriber.on('message', (_channel: string, message: string) => hub.#deliver(message, log));
    await subscriber.subscribe(channel);
    return hub;
  }

  get size() {
    return this.#clients.size;
  }

  add(client: LiveClient): () => void {
    this.#clients.add(client);
    return () => this.#clients.delete(client);
  }

  #deliver(message: string, log: FastifyBaseLogger) {
    let update: LiveUpdate;
    try {
      update = JSON.parse(message) as LiveUpdate;
    } catch {
      log.warn({ channel: this.#channel }, 'unreadable live update dropped');
      return;
    }
    const out = forBrowser(update);
    for (const client of this.#clients) if (canHear(client.actor, update.scope)) client.send(out);
  }

  /** Ends every stream (before the server closes: open streams would hold it) and unsubscribes. */
  async close() {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
    await this.#subscriber.quit().catch(() => undefined);
  }
}
