import type { FastifyRequest } from 'fastify';
import type { Role } from './auth/actor.ts';
import { traceparentOf } from './plugins/tracing.ts';

/** What a command carries besides its data: who, which conversation, which trace, and when. */
export interface CommandMetadata {
  actor: { id: string; roles: Role[]; association?: string; office?: string };
  correlationId: string;
  causationId?: string;
  traceparent?: string;
  now: Date;
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
export function commandMetadata(request: FastifyRequest): CommandMetadata {
  const { id, roles, association, office } = request.actor;
  const causationId = headerId(request, 'x-causation-id');
  const traceparent = traceparentOf(request);
  return {
    actor: { id, roles, ...(association ? { association } : {}), ...(office ? { office } : {}) },
    correlationId: correlationIdOf(request),
    ...(causationId ? { causationId } : {}),
    ...(traceparent ? { traceparent } : {}),
    now: new Date(),
  };
}

/**
 * What every event of a command keeps of its metadata: who, which conversation, which trace; not
 * the clock (events have their own time). Plain data, ready for the event store.
 */
export function eventMetadata(metadata: {
  actor: { id: string; roles: readonly string[]; association?: string; office?: string };
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
}) {
  const { id, roles, association, office } = metadata.actor;
  return {
    actor: { id, roles: [...roles], ...(association ? { association } : {}), ...(office ? { office } : {}) },
    ...(metadata.correlationId ? { correlationId: metadata.correlationId } : {}),
    ...(metadata.causationId ? { causationId: metadata.causationId } : {}),
    ...(metadata.traceparent ? { traceparent: metadata.traceparent } : {}),
  };
}
