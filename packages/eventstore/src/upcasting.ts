import { UpcastError } from './errors.ts';

/**
 * Event schema versions. `current[type]` is the version new events are written with (1 when
 * absent); `upcasters[type][v]` turns data of version v into data of version v + 1.
 */
export interface EventSchemas {
  current?: Record<string, number>;
  upcasters?: Record<string, Record<number, (data: any) => unknown>>;
}

export function currentSchemaVersion(schemas: EventSchemas, type: string): number {
  return schemas.current?.[type] ?? 1;
}

export function upcast(schemas: EventSchemas, type: string, version: number, data: unknown): unknown {
  const target = currentSchemaVersion(schemas, type);
  let upcasted = data;
  for (let v = version; v < target; v++) {
    const step = schemas.upcasters?.[type]?.[v];
    if (!step) throw new UpcastError(type, v, target);
    upcasted = step(upcasted);
  }
  return upcasted;
}
