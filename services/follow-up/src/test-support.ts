import { randomBytes, randomUUID } from 'node:crypto';
import type { IntegrationEvent } from '@parcours/contracts';
import type { MessageContext } from '@parcours/messaging';
import { DevIssuer, type DevUser, type DevUserName, loadConfig } from '@parcours/service-kit';
import { testServiceEnv } from '@parcours/service-kit/testing';
import { createTestDatabase, uniqueTopic } from '@parcours/testing';
import { Redis } from 'ioredis';
import { buildApp } from './app.ts';
import type { Place } from './command.ts';
import { followUpConfigSchema } from './config.ts';
import { caseHandler } from './consumers.ts';
import { bav, intakeReady, referralAccepted, referralProposed } from './test-events.ts';

/**
 * The follow-up service on the real stack for one test file: a fresh database, topics of its own, a
 * dev issuer, a unique service name. Workers do not run unless asked: tests call
 * `relay.drainOnce`, `scheduler.fireDue` or the consumers' handlers themselves.
 */
export async function startTestService(
  name: string,
  options: { env?: Record<string, string>; issuer?: DevIssuer; clock?: () => Date } = {},
) {
  const database = await createTestDatabase(`followup_${name}`);
  const issuer =
    options.issuer ?? (await DevIssuer.create({ issuer: 'test-issuer', audience: 'test-audience' }));
  const config = loadConfig(followUpConfigSchema, {
    ...testServiceEnv('follow-up-test', database.url),
    LOG_LEVEL: process.env['FOLLOWUP_TEST_LOG'] ?? 'silent',
    KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    FOLLOWUP_TOPIC: uniqueTopic('followup'),
    INTAKE_TOPIC: uniqueTopic('intake'),
    REFERRAL_TOPIC: uniqueTopic('referral'),
    MEDIATION_TOPIC: uniqueTopic('mediation'),
    CONSUMER_GROUP: `follow-up-${randomUUID().slice(0, 8)}`,
    RUN_WORKERS: 'false',
    ...options.env,
  });
  const redis = new Redis(config.REDIS_URL);
  const { openFollowUpModule } = await import('./module.ts');
  const module = await openFollowUpModule(config, options.clock ? { clock: options.clock } : {});
  const { app } = await buildApp({ config, module, redis, devIssuer: issuer });
  await app.ready();
  return {
    app,
    module,
    config,
    database,
    issuer,
    auth: async (user: DevUserName | DevUser) => ({ authorization: `Bearer ${await issuer.sign(user)}` }),
    async close() {
      await app.close();
      await module.close();
      await redis.quit();
      await database.drop();
    },
  };
}

export type TestService = Awaited<ReturnType<typeof startTestService>>;

/** The delivery context the consumers' handlers get from Kafka, for tests that call them directly. */
export const messageContext: MessageContext = {
  topic: 't',
  partition: 0,
  offset: '0',
  key: null,
  attempt: 1,
  traceparent: undefined,
  tracestate: undefined,
  headers: {},
};

/** Feeds intake's and referral's events to the service as its consumer would. */
export const deliverTo = (service: TestService) => {
  const handler = caseHandler(service.module.db, service.module.followUp);
  return (event: IntegrationEvent) => handler(event, messageContext);
};

/** A case accepted by an office, its file opened by the consumer: the file's id. */
export async function openedFile(
  service: TestService,
  place: Place = bav,
  overrides: Parameters<typeof intakeReady>[1] = {},
): Promise<string> {
  const deliver = deliverTo(service);
  const intake = await intakeReady(service.module.keys, overrides);
  const proposed = referralProposed(intake.data.caseId, place);
  for (const event of [intake, proposed, referralAccepted(proposed)]) await deliver(event);
  const [row] = await service.module.db.query<{ file_id: string }>(
    'SELECT file_id FROM followup_files WHERE case_id = $1',
    [intake.data.caseId],
  );
  return row!.file_id;
}
