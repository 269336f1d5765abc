import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { IntegrationEvent } from './integration-event.ts';

/** One reason data does not match its contract; `path` is a JSON pointer into `data`. */
export interface ValidationError {
  path: string;
  message: string;
}

export interface ValidateOptions {
  /**
   * Accept properties the schema does not declare. Consumers validate this way (tolerant reader),
   * so adding an optional field within a major version does not send every older consumer's
   * messages to the dead-letter topic; producers validate strictly, so nothing undeclared (such as
   * personal data in clear) leaves a service.
   */
  allowUnknownProperties?: boolean;
}

export interface IntegrationEventContract<Type extends string = string, Schema extends TSchema = TSchema> {
  type: Type;
  topic: string;
  source: string;
  summary: string;
  /** JSON Schema (TypeBox) of `data`. */
  schema: Schema;
  /** Every reason `data` does not match; empty when it does. */
  validate(data: unknown, options?: ValidateOptions): ValidationError[];
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
  const strict = TypeCompiler.Compile(definition.schema);
  const tolerant = TypeCompiler.Compile(withoutClosedObjects(definition.schema));
  return {
    ...definition,
    validate(data, options) {
      const checker = options?.allowUnknownProperties ? tolerant : strict;
      if (checker.Check(data)) return [];
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

/** A copy of the schema whose objects accept undeclared properties (TypeBox's symbols kept). */
function withoutClosedObjects<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(withoutClosedObjects) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  // Spread keeps own symbol keys, which TypeBox's compiler needs ([Kind]).
  const copy: Record<string | symbol, unknown> = { ...(schema as Record<string | symbol, unknown>) };
  for (const key of Object.keys(copy)) {
    if (key === 'additionalProperties' && copy[key] === false) delete copy[key];
    else copy[key] = withoutClosedObjects(copy[key]);
  }
  return copy as T;
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
