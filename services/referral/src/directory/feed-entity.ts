import { defineEntity, p } from '@mikro-orm/core';

/** The directory feed's snapshots published (migrations 0202, 0204; directory/publish.ts). */
export const DirectoryFeedRow = defineEntity({
  name: 'DirectoryFeedRow',
  tableName: 'directory_feed',
  properties: {
    version: p.integer().primary().autoincrement(false),
    publishedAt: p.datetime().columnType('timestamptz'),
    messages: p.integer(),
    publications: p.integer().default(1),
    topicOffsets: p.json<Record<string, unknown>>().columnType('jsonb').nullable(),
    confirmedAt: p.datetime().columnType('timestamptz').nullable(),
  },
});
