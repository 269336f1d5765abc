import { defineEntity, p } from '@mikro-orm/core';

/**
 * One read of a file with personal data (es_access_log, migration 0004_access_log): who, when, why.
 * The event store's own read model, and the worked example of docs/read-models.md.
 */
export const AccessLogEntry = defineEntity({
  name: 'AccessLogEntry',
  tableName: 'es_access_log',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    at: p.datetime().columnType('timestamptz').defaultRaw('now()'),
    actor: p.text(),
    subjectKind: p.text(),
    subjectId: p.text(),
    purpose: p.text(),
  },
});

/** The entities every Database registers, whatever the service adds. */
export const eventStoreEntities = [AccessLogEntry] as const;
