import { schemaDrift } from '@parcours/eventstore';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestService, type TestService } from './test-support.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('entities');
});
afterAll(async () => {
  await service?.close();
});

it('its read models match their migrated tables', async () => {
  expect(await schemaDrift(service.module.db)).toEqual([]);
});
