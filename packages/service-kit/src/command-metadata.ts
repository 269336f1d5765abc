import type { FastifyRequest } from 'fastify';
import type { Role } from './auth/actor.ts';
import { traceparentOf } from './plugins/tracing.ts';

/** Who acts, as commands and events carry it: a person (from a verified token) or a service identity. */
export interface CommandActor {
  id: string;
  roles: readonly Role[];
  association?: string;
  office?: string;
}

/** What `decide` needs besides the command's data: who acts, and when (read once by the caller). */
export interface CommandMetadata {
  now: Date;
  actor: CommandActor;
}

/**
 * CommandMetadata plus the conversation and trace the command continues: what the handlers pass
 * on to the events (see eventMetadata). `commandMetadata(request)` builds it for HTTP; a consumer
 * or a scheduler builds it for background work (causation = the event or deadline it acts on).
 */
export interface RequestMetadata extends CommandMetadata {
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  /**
   * The request's Idempotency-Key. A command that creates something derives its id from it, so
   * that a retry after a crash between the commit and the key's completion in Redis finds what the
   * first try created instead of creating it twice. Never copied into events.
   */
  idempotencyKey?: string;
}

// Ids from headers are echoed into events and logs: accept only plain tokens.
const idPattern = /^[A-Za-z0-9._:-]{1,128}$/;

function headerId(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && idPattern.test(value) ? value : undefined;
}

export function correlationIdOf(request: FastifyRequest): string {
  return headerId(request, 'x-correlation-id') ?? request.id;
}

/**
 * Metadata for a command handled in this request. The clock is read here, once, so `decide`
 * stays pure. Requires an authenticated route (reads request.actor).
 */
export function commandMetadata(request: FastifyRequest): RequestMetadata & { correlationId: string } {
  const { id, roles, association, office } = request.actor;
  const causationId = headerId(request, 'x-causation-id');
  const traceparent = traceparentOf(request);
  // Checked by the idempotency plugin before any handler runs (printable ASCII, at most 255).
  const idempotencyKey = request.headers['idempotency-key'];
  return {
    actor: { id, roles, ...(association ? { association } : {}), ...(office ? { office } : {}) },
    correlationId: correlationIdOf(request),
    ...(causationId ? { causationId } : {}),
    ...(traceparent ? { traceparent } : {}),
    ...(typeof idempotencyKey === 'string' ? { idempotencyKey } : {}),
    now: new Date(),
  };
}

/**
 * What every event of a command keeps of its metadata: who, which conversation, which trace; not
 * the clock (events have their own time). Plain data, ready for the event store.
 */
export function eventMetadata(metadata: Omit<RequestMetadata, 'now'>) {
  const { id, roles, association, office } = metadata.actor;
  return {
    actor: { id, roles: [...roles], ...(association ? { association } : {}), ...(office ? { office } : {}) },
    ...(metadata.correlationId ? { correlationId: metadata.correlationId } : {}),
    ...(metadata.causationId ? { causationId: metadata.causationId } : {}),
    ...(metadata.traceparent ? { traceparent: metadata.traceparent } : {}),
  };
}
