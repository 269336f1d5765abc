import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { findActor } from '../auth/plugin.ts';
import { badRequest, conflict, DomainError, unprocessable } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** POST/PUT/PATCH route honours the Idempotency-Key header. */
    idempotent?: boolean;
  }
}

export interface IdempotencyOptions {
  redis: Redis;
  namespace: string;
  /** How long a completed response is replayed (24 h). */
  ttlMs?: number;
  /**
   * How long an in-flight claim holds once its instance stops renewing it (died before answering):
   * a running request renews it every third of this, however long it runs (10 s).
   */
  lockMs?: number;
}

interface InFlight {
  state: 'in-flight';
  fingerprint: string;
}
interface Completed {
  state: 'completed';
  fingerprint: string;
  status: number;
  contentType?: string;
  body: string;
}
type Entry = InFlight | Completed;

const kClaim = Symbol('parcours.idempotencyClaim');
type Claimed = FastifyRequest & {
  [kClaim]?: { key: string; fingerprint: string; renewal: NodeJS.Timeout };
};

// Printable ASCII without spaces, as the IETF Idempotency-Key draft's examples (UUIDs, ULIDs).
const keyPattern = /^[\x21-\x7e]{1,255}$/;

/** Key order must not change the fingerprint: the same command sent twice is the same request. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

const fingerprintOf = (request: FastifyRequest) =>
  createHash('sha256')
    .update(JSON.stringify(canonical({ params: request.params ?? {}, body: request.body ?? null })))
    .digest('base64url');

/**
 * Idempotency-Key for routes with `config: { idempotent: true }`, backed by Redis so every
 * instance sees the same keys. Keys are scoped by actor and route. The first request claims the
 * key and runs; its response (status < 500) is kept for 24 h and replayed with
 * `idempotent-replayed: true`. A duplicate during the first run gets 409; the same key with
 * another body gets 422. A 5xx releases the key so the client can retry.
 */
/**
 * Redis not answering is no fault of the request: 503 with Retry-After, which a client retries
 * with the same key, rather than a 500 (bench/chaos: a stopped Redis answered every keyed POST 500).
 */
async function unlessDown<T>(command: Promise<T>): Promise<T> {
  try {
    return await command;
  } catch (error) {
    throw new DomainError('idempotency_unavailable', 503, {
      detail: 'The Idempotency-Key store does not answer; retry with the same key',
      headers: { 'retry-after': '1' },
      cause: error,
    });
  }
}

export const idempotencyPlugin = fp<IdempotencyOptions>(
  async (app, options) => {
    const ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    // Short and renewed, rather than long: a killed instance's keys free up within seconds, where
    // a 60 s claim kept every retry of its callers at 409 for a minute (bench/chaos, intake killed).
    const lockMs = options.lockMs ?? 10_000;
    const { redis } = options;
    /** The claim stops being renewed; undefined when the request had none (or it was let go already). */
    const letGo = (request: FastifyRequest) => {
      const claim = (request as Claimed)[kClaim];
      if (!claim) return undefined;
      clearInterval(claim.renewal);
      (request as Claimed)[kClaim] = undefined;
      return claim;
    };

    const claimOrReplay = async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers['idempotency-key'];
      if (header === undefined) return;
      if (typeof header !== 'string' || !keyPattern.test(header)) {
        throw badRequest(
          'invalid_idempotency_key',
          'Idempotency-Key must be 1 to 255 visible ASCII characters',
        );
      }
      const actor = findActor(request)?.id ?? `ip:${request.ip}`;
      const key = `${options.namespace}:idempotency:${actor}:${request.method} ${request.routeOptions.url}:${header}`;
      const fingerprint = fingerprintOf(request);
      const claim: InFlight = { state: 'in-flight', fingerprint };
      const claimed = await unlessDown(redis.set(key, JSON.stringify(claim), 'PX', lockMs, 'NX'));
      if (claimed === 'OK') {
        // Stopped before the answer is kept (onSend), and sent on the same connection before it:
        // the answer's own expiry is the last word.
        const renewal = setInterval(() => {
          redis.pexpire(key, lockMs).catch(() => undefined);
        }, lockMs / 3);
        renewal.unref();
        (request as Claimed)[kClaim] = { key, fingerprint, renewal };
        return;
      }
      const stored = await unlessDown(redis.get(key));
      if (stored === null) {
        throw conflict(
          'idempotency_key_in_flight',
          'A request with this Idempotency-Key was just released; retry',
        );
      }
      const entry = JSON.parse(stored) as Entry;
      if (entry.fingerprint !== fingerprint) {
        throw unprocessable(
          'idempotency_key_reused',
          'This Idempotency-Key was used with a different request',
        );
      }
      if (entry.state === 'in-flight') {
        throw conflict(
          'idempotency_key_in_flight',
          'A request with this Idempotency-Key is still being processed',
        );
      }
      reply.code(entry.status).header('idempotent-replayed', 'true');
      if (entry.contentType) reply.header('content-type', entry.contentType);
      return reply.send(entry.body);
    };

    // Appended to the route's own preHandlers, so role and scope guards run before a key is claimed.
    app.addHook('onRoute', (route) => {
      if (!route.config?.idempotent) return;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (!methods.every((method) => ['POST', 'PUT', 'PATCH'].includes(method))) {
        throw new Error(`idempotent route ${route.url} must be POST, PUT or PATCH`);
      }
      const own =
        route.preHandler === undefined
          ? []
          : Array.isArray(route.preHandler)
            ? route.preHandler
            : [route.preHandler];
      route.preHandler = [...own, claimOrReplay];
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const claim = letGo(request);
      if (!claim) return payload;
      if (reply.statusCode >= 500 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
        await redis.del(claim.key);
        return payload;
      }
      const contentType = reply.getHeader('content-type');
      const entry: Completed = {
        state: 'completed',
        fingerprint: claim.fingerprint,
        status: reply.statusCode,
        ...(typeof contentType === 'string' ? { contentType } : {}),
        body: payload.toString(),
      };
      // The command has happened: its answer goes out even when Redis cannot keep it (a retry is
      // then answered by the command's own idempotence, e.g. intake's ids derived from the key).
      await redis.set(claim.key, JSON.stringify(entry), 'PX', ttlMs).catch((error: unknown) => {
        request.log.warn({ err: error }, 'Idempotency-Key answer not kept: Redis did not answer');
      });
      return payload;
    });

    app.addHook('onRequestAbort', async (request) => {
      const claim = letGo(request);
      if (claim) await redis.del(claim.key);
    });
  },
  { name: 'parcours-idempotency', fastify: '5.x', dependencies: ['parcours-auth', 'parcours-problems'] },
);
