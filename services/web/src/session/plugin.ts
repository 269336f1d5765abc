import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import { forbidden, unauthorized } from '@parcours/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { type Session, SessionStore } from './store.ts';

/** Renews a session's access token before it expires (a refresh grant, or the dev issuer again). */
export type Renew = (session: Session) => Promise<Session | undefined>;

export interface SessionOptions {
  redis: Redis;
  publicUrl: string;
  ttlSeconds: number;
  namespace: string;
  renew: Renew;
}

declare module 'fastify' {
  interface FastifyInstance {
    sessions: {
      /** The signed-in session (401 otherwise); for unsafe methods, also checks the CSRF token (403). */
      require(request: FastifyRequest): Promise<{ id: string; session: Session }>;
      start(reply: FastifyReply, data: Omit<Session, 'csrf'>): Promise<Session>;
      end(request: FastifyRequest, reply: FastifyReply): Promise<void>;
      /** Refuses a request another site made the browser send (Origin or Sec-Fetch-Site says so). */
      requireSameOrigin(request: FastifyRequest): void;
    };
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const renewBeforeMs = 60_000;

const sameToken = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * The session cookie (httpOnly, SameSite=Lax, Secure and `__Host-` when the public URL is https)
 * and CSRF protection: every state-changing call must come from this origin and carry the
 * session's token in X-CSRF-Token, which only a page of this origin can read (GET /auth/session).
 */
export const sessionPlugin = fp<SessionOptions>(
  async (app, options) => {
    const secure = options.publicUrl.startsWith('https://');
    const cookieName = secure ? '__Host-parcours_session' : 'parcours_session';
    const origin = new URL(options.publicUrl).origin;
    const store = new SessionStore(options.redis, {
      prefix: `${options.namespace}:session:`,
      ttlSeconds: options.ttlSeconds,
    });
    await app.register(cookie);
    const cookieOptions = { httpOnly: true, secure, sameSite: 'lax' as const, path: '/' };

    const requireSameOrigin = (request: FastifyRequest) => {
      const from = request.headers.origin;
      const site = request.headers['sec-fetch-site'];
      if ((from !== undefined && from !== origin) || (site !== undefined && site !== 'same-origin')) {
        throw forbidden('cross_site_request', 'This request did not come from Parcours');
      }
    };

    app.decorate('sessions', {
      async require(request: FastifyRequest) {
        const id = request.cookies[cookieName];
        let session = id ? await store.get(id) : undefined;
        if (!id || !session) throw unauthorized('session_required', 'Sign in to continue');
        if (!safeMethods.has(request.method)) {
          requireSameOrigin(request);
          const token = request.headers['x-csrf-token'];
          if (typeof token !== 'string' || !sameToken(token, session.csrf)) {
            throw forbidden('csrf_failed', 'The page is out of date: reload it and try again');
          }
        }
        if (session.accessExpiresAt - Date.now() < renewBeforeMs) {
          const renewed = await options.renew(session);
          if (!renewed) {
            await store.delete(id);
            throw unauthorized('session_expired', 'Your session has ended: sign in again');
          }
          session = renewed;
          await store.update(id, session);
        }
        return { id, session };
      },
      async start(reply: FastifyReply, data: Omit<Session, 'csrf'>) {
        const { id, session } = await store.create(data);
        reply.setCookie(cookieName, id, { ...cookieOptions, maxAge: options.ttlSeconds });
        return session;
      },
      async end(request: FastifyRequest, reply: FastifyReply) {
        const id = request.cookies[cookieName];
        if (id) await store.delete(id);
        reply.clearCookie(cookieName, cookieOptions);
      },
      requireSameOrigin,
    });
  },
  { name: 'parcours-web-session', fastify: '5.x' },
);
