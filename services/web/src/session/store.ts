import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '@parcours/service-kit';
import type { Redis } from 'ioredis';

/** What the BFF keeps for a signed-in person: never sent to the browser except `actor` and `csrf`. */
export interface Session {
  actor: Actor;
  /** The bearer token the services receive. */
  accessToken: string;
  /** When the access token expires (ms since epoch). */
  accessExpiresAt: number;
  refreshToken?: string;
  /** Sent back by the page on every state-changing call (X-CSRF-Token). */
  csrf: string;
}

const newId = () => randomBytes(32).toString('base64url');

/**
 * Sessions in Redis, so any BFF instance serves any request. The key is a hash of the cookie's
 * value: a dump of Redis gives no usable cookie.
 */
export class SessionStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #ttlSeconds: number;

  constructor(redis: Redis, options: { prefix: string; ttlSeconds: number }) {
    this.#redis = redis;
    this.#prefix = options.prefix;
    this.#ttlSeconds = options.ttlSeconds;
  }

  #key(id: string) {
    return `${this.#prefix}${createHash('sha256').update(id).digest('base64url')}`;
  }

  async create(data: Omit<Session, 'csrf'>): Promise<{ id: string; session: Session }> {
    const id = newId();
    const session: Session = { ...data, csrf: newId() };
    await this.#redis.set(this.#key(id), JSON.stringify(session), 'EX', this.#ttlSeconds);
    return { id, session };
  }

  async get(id: string): Promise<Session | undefined> {
    const value = await this.#redis.get(this.#key(id));
    return value ? (JSON.parse(value) as Session) : undefined;
  }

  /** Keeps the session's remaining lifetime: a refreshed token does not extend the working day. */
  async update(id: string, session: Session): Promise<void> {
    await this.#redis.set(this.#key(id), JSON.stringify(session), 'KEEPTTL');
  }

  async delete(id: string): Promise<void> {
    await this.#redis.del(this.#key(id));
  }
}
