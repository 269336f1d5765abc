import type { EncryptedEnvelope } from '@parcours/eventstore';

/**
 * Who acts and when: read once by the caller (HTTP request, consumer, scheduler), so decide stays
 * pure. Background work acts with the `system` role (a service identity, never in a user's token).
 */
export interface CommandMetadata {
  now: Date;
  actor: { id: string; roles: readonly string[]; association?: string; office?: string };
}

export type Cmd<Type extends string, Data> = { type: Type; data: Data; metadata: CommandMetadata };

/** An office of an association: where a file or a roster lives. */
export interface Place {
  associationId: string;
  officeId: string;
}

/** Who did it and when, on every event a person or the system causes. */
export interface Stamp {
  by: string;
  at: string;
}
export const stampOf = (metadata: CommandMetadata): Stamp => ({
  by: metadata.actor.id,
  at: metadata.now.toISOString(),
});

/** A calendar date, `YYYY-MM-DD` (a legal date: an offence, a decision, a due date). */
export type Day = string;

/** Personal data encrypted for the victim outside decide; an opaque value to the domain. */
export type Envelope = EncryptedEnvelope;

/** A deterministic id from a seed (a name-based UUID in the service), so a replayed reaction finds the same ids. */
export type NewId = (seed: string) => string;
