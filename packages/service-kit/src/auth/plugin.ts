import { Value } from '@sinclair/typebox/value';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { createRemoteJWKSet, type JWTVerifyGetKey, errors as joseErrors, jwtVerify } from 'jose';
import { forbidden, unauthorized } from '../errors.ts';
import { type Actor, actorFromClaims, ClaimsSchema, type Role } from './actor.ts';

const kActor = Symbol('parcours.actor');
type WithActor = FastifyRequest & { [kActor]?: Actor };

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller. Reading it on a public route (no token checked) throws a 401. */
    readonly actor: Actor;
  }
  interface FastifyContextConfig {
    /** No token required (health, docs). */
    public?: boolean;
  }
}

export interface AuthOptions {
  issuer: string;
  audience: string;
  /** Where the verification keys come from: a remote JWKS URL or a local key set (DevIssuer.keySet()). */
  keys: { jwksUrl: string } | { keySet: JWTVerifyGetKey };
  /** Realm named in WWW-Authenticate. */
  realm?: string;
}

/** The caller if a token was verified for this request, without throwing (rate-limit keys, logs). */
export function findActor(request: FastifyRequest): Actor | undefined {
  return (request as WithActor)[kActor];
}

/**
 * Verifies the bearer token of every request except routes with `config: { public: true }` and
 * unknown routes (so they answer 404), and decorates `request.actor`. Failures answer 401
 * problem+json with `WWW-Authenticate: Bearer` (RFC 6750); the reason stays in the server log.
 */
export const authPlugin = fp<AuthOptions>(
  async (app, options) => {
    const keySet =
      'jwksUrl' in options.keys ? createRemoteJWKSet(new URL(options.keys.jwksUrl)) : options.keys.keySet;
    const realm = options.realm ?? 'parcours';
    const challenge = (error?: 'invalid_token') =>
      unauthorized(
        'unauthorized',
        error ? 'The access token is invalid or expired' : 'An access token is required',
        {
          headers: {
            'www-authenticate': error
              ? `Bearer realm="${realm}", error="${error}"`
              : `Bearer realm="${realm}"`,
          },
        },
      );

    app.decorateRequest('actor', {
      getter(this: FastifyRequest) {
        const actor = findActor(this);
        if (!actor) throw challenge();
        return actor;
      },
    });

    // A token verified once stays valid until it expires: caching the outcome spares a signature
    // check per request (7% of the intake service's CPU under load, bench/intake).
    const verified = new Map<string, { actor: ReturnType<typeof actorFromClaims>; expiresAt: number }>();
    const maxCached = 10_000;

    app.addHook('onRequest', async (request) => {
      if (request.routeOptions.config.public || request.is404) return;
      const header = request.headers.authorization;
      const match = header ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header) : null;
      if (!match?.[1]) throw challenge();
      const token = match[1];
      const cached = verified.get(token);
      if (cached && cached.expiresAt > Date.now()) {
        (request as WithActor)[kActor] = cached.actor;
        return;
      }
      try {
        const { payload } = await jwtVerify(token, keySet, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ['ES256', 'RS256', 'EdDSA'],
          clockTolerance: 5,
          requiredClaims: ['exp', 'sub'],
        });
        // jwtVerify required `exp`.
        const expiresAt = (payload.exp as number) * 1000;
        if (!Value.Check(ClaimsSchema, payload)) {
          request.log.info({ reason: 'claims do not match the Parcours schema' }, 'token rejected');
          throw challenge('invalid_token');
        }
        const actor = actorFromClaims(payload);
        (request as WithActor)[kActor] = actor;
        if (verified.size >= maxCached) verified.delete(verified.keys().next().value as string);
        verified.set(token, { actor, expiresAt });
      } catch (error) {
        if (error instanceof joseErrors.JOSEError) {
          // Only the error code is logged: the token itself is a credential.
          request.log.info({ reason: error.code }, 'token rejected');
          throw challenge('invalid_token');
        }
        throw error;
      }
    });
  },
  { name: 'parcours-auth', fastify: '5.x', dependencies: ['parcours-problems'] },
);

/** Route guard: the actor must hold one of the roles, or the route answers 403. Use as `preHandler`. */
export function requireRole(...allowed: Role[]): onRequestAsyncHookHandler {
  return async (request) => {
    const actor = request.actor;
    if (!actor.roles.some((role) => allowed.includes(role))) {
      throw forbidden('role_not_allowed', `This action requires one of the roles: ${allowed.join(', ')}`);
    }
  };
}

/**
 * Whether the actor may reach an association's files:
 * - their own association, whatever their role;
 * - admin: every association (platform administration);
 * - auditor without an association (national DPO): every association, to audit access;
 * - helpline and federation analyst are national and never reach an association's files: the
 *   helpline hands cases over by referral, the analyst sees aggregates only.
 */
export function canReachAssociation(actor: Actor, associationId: string): boolean {
  if (actor.association === associationId) return true;
  if (actor.roles.includes('admin')) return true;
  return actor.roles.includes('auditor') && actor.association === undefined;
}

/** Throws 403 unless the actor may reach this association (see canReachAssociation). */
export function requireAssociation(request: FastifyRequest, associationId: string): Actor {
  const actor = request.actor;
  if (!canReachAssociation(actor, associationId)) {
    throw forbidden('association_out_of_scope', 'This resource belongs to another association');
  }
  return actor;
}
