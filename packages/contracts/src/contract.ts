import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { IntegrationEvent } from './integration-event.ts';

/** One reason data does not match its contract; `path` is a JSON pointer into `data`. */
export interface ValidationError {
  path: string;
  message: string;
}

/**
 * The data of a contract's events, for what builds them (`toOutboxMessage`): `never` for a contract
 * only known as `TSchema` (taken from a registry), so data is checked at compile time or not built.
 * Not used inside IntegrationEventContract: it would make contracts unassignable to the registry's.
 */
export type DataOf<Schema extends TSchema> = TSchema extends Schema ? never : Static<Schema>;

export interface IntegrationEventContract<Type extends string = string, Schema extends TSchema = TSchema> {
  type: Type;
  topic: string;
  source: string;
  summary: string;
  /** JSON Schema (TypeBox) of `data`. */
  schema: Schema;
  /**
   * Every reason `data` does not match, exactly: no coercion, no undeclared property, no text
   * PostgreSQL cannot store. Empty when it matches. Producers and consumers check alike.
   */
  validate(data: unknown): ValidationError[];
  /** Builds the event with this contract's type and source; ids and time come from the caller. */
  create(input: {
    id: string;
    subject: string;
    time: string | Date;
    data: Static<Schema>;
  }): IntegrationEvent<Type, Static<Schema>>;
}

/** The event type a contract describes, e.g. `EventOf<typeof IntakeReadyForOrientation>`. */
export type EventOf<C> =
  C extends IntegrationEventContract<infer Type, infer Schema>
    ? IntegrationEvent<Type, Static<Schema>>
    : never;

export function defineIntegrationEvent<const Type extends string, Schema extends TSchema>(definition: {
  type: Type;
  topic: string;
  source: string;
  schema: Schema;
  summary: string;
}): IntegrationEventContract<Type, Schema> {
  // Compiled once per contract: validation runs on every publish and every consumed message.
  const checker = TypeCompiler.Compile(definition.schema);
  return {
    ...definition,
    validate(data) {
      if (checker.Check(data)) return unstorableText(data);
      const errors: ValidationError[] = [];
      const seen = new Set<string>();
      for (const error of checker.Errors(data)) {
        const path = error.path === '' ? '/' : error.path;
        const key = `${path}\u0000${error.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        errors.push({ path, message: error.message });
      }
      return errors;
    },
    create({ id, subject, time, data }) {
      return {
        id,
        type: definition.type,
        source: definition.source,
        subject,
        time: typeof time === 'string' ? time : time.toISOString(),
        data,
      };
    },
  };
}

// PostgreSQL's jsonb refuses NUL and a UTF-16 surrogate without its pair: such text would fail
// whichever service stores the event, so it crosses the wire in neither direction.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (text: string) => !text.includes('\u0000') && !loneSurrogate.test(text);

// The walk runs on every message: a path is only spelt out for a field at fault.
const pointer = (keys: string[]) =>
  keys.length === 0 ? '/' : keys.map((key) => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/** Where data that matches its schema holds text that cannot be stored (names the field, never the text). */
function unstorableText(
  value: unknown,
  keys: string[] = [],
  errors: ValidationError[] = [],
): ValidationError[] {
  if (typeof value === 'string') {
    if (!storable(value))
      errors.push({ path: pointer(keys), message: 'Expected text without NUL or unpaired surrogates' });
  } else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      if (!storable(key)) {
        errors.push({
          path: pointer(keys),
          message: 'Expected property names without NUL or unpaired surrogates',
        });
        continue;
      }
      keys.push(key);
      unstorableText(object[key], keys, errors);
      keys.pop();
    }
  }
  return errors;
}

export class UnknownEventTypeError extends Error {
  readonly code = 'UNKNOWN_EVENT_TYPE';
  readonly eventType: string;
  constructor(eventType: string) {
    super(`No integration event contract for type "${eventType}"`);
    this.name = 'UnknownEventTypeError';
    this.eventType = eventType;
  }
}

/** The contracts a service knows, by type: what messaging validates against on publish and consume. */
export interface ContractRegistry {
  get(type: string): IntegrationEventContract | undefined;
  /** Like `get`, but throws UnknownEventTypeError. */
  require(type: string): IntegrationEventContract;
  all(): IntegrationEventContract[];
}

export function createContractRegistry(contracts: readonly IntegrationEventContract[]): ContractRegistry {
  const byType = new Map<string, IntegrationEventContract>();
  for (const contract of contracts) {
    if (byType.has(contract.type))
      throw new Error(`Integration event type "${contract.type}" is defined twice`);
    byType.set(contract.type, contract);
  }
  return {
    get: (type) => byType.get(type),
    require(type) {
      const contract = byType.get(type);
      if (!contract) throw new UnknownEventTypeError(type);
      return contract;
    },
    all: () => [...byType.values()],
  };
}
