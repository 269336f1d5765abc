/**
 * An integration event: what one service tells the others. Separate from domain events, each
 * with its own id and time. On Kafka it travels as a CloudEvent in binary mode (see
 * packages/messaging): `id`, `type`, `source`, `subject` and `time` become ce_* headers, `data`
 * the JSON body, and `subject` (the case id) the message key.
 */
export interface IntegrationEvent<Type extends string = string, Data = unknown> {
  /** Unique per event (a UUID); consumers' inboxes deduplicate on it. */
  id: string;
  /** Reverse-DNS type with major version, e.g. `fr.parcours.intake.ready-for-orientation.v1`. */
  type: Type;
  /** The producing service, e.g. `/parcours/intake`. */
  source: string;
  /** The case id: Kafka key, so one case's events keep their order. */
  subject: string;
  /** RFC 3339 time the fact happened. */
  time: string;
  data: Data;
}
