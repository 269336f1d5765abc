import { Type } from '@sinclair/typebox';
import { defineIntegrationEvent } from './contract.ts';

/**
 * A contract for tests of the wire itself (messaging, relays): small data, on any topic, so each
 * test can own a unique topic.
 */
export function defineTestEvent(topic: string) {
  return defineIntegrationEvent({
    type: 'fr.parcours.test.something-happened.v1',
    topic,
    source: '/parcours/test',
    schema: Type.Object(
      {
        caseId: Type.String({ minLength: 1 }),
        step: Type.Integer({ minimum: 0 }),
        note: Type.Optional(Type.String({ maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
    summary: 'Something happened to a case (tests only).',
  });
}
