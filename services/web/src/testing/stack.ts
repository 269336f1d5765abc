import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@parcours/service-kit';
import { testServiceEnv } from '@parcours/service-kit/testing';
import { uniqueTopic } from '@parcours/testing';
import { Redis } from 'ioredis';
import { startTestService as startFollowUp } from '../../../follow-up/src/test-support.ts';
import { startTestService as startIntake } from '../../../intake/src/test-support.ts';
import { startTestService as startProjections } from '../../../projections/src/test-support.ts';
import { startTestService as startReferral } from '../../../referral/src/test-support.ts';
import { buildApp } from '../app.ts';
import { webConfigSchema } from '../config.ts';
import { startMediation } from './services.ts';

export const distDir = fileURLToPath(new URL('../../dist', import.meta.url));

/** A free port on the loopback, for a server whose own URL must be known before it listens. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface StackOptions {
  /**
   * How far behind real time the referral service's routing clock runs: its proposals are made
   * "that long ago", so those whose answer time is shorter arrive overdue (30 h: urgency high
   * (24 h) and immediate (4 h) are overdue on arrival, normal (72 h) and low are not).
   */
  routingLagMs?: number;
}

/**
 * The whole system on the real PostgreSQL, Redis and Kafka, in this process: intake, referral,
 * follow-up, mediation and projections as their tests build them (fresh databases and topics, one dev issuer), listening on
 * the loopback with their workers running, and the web BFF serving the built app (services/web/dist).
 */
export async function startWebStack(options: StackOptions = {}) {
  const directoryTopic = uniqueTopic('directory');
  const intake = await startIntake('web_e2e', { DIRECTORY_TOPIC: directoryTopic });
  const lag = options.routingLagMs ?? 0;
  const referral = await startReferral('web_e2e', {
    issuer: intake.issuer,
    env: { INTAKE_TOPIC: intake.topic, DIRECTORY_TOPIC: directoryTopic },
    clock: () => new Date(Date.now() - lag),
  });
  // The deployment's one key store: what intake encrypted for the victim, follow-up decrypts.
  const followUp = await startFollowUp('web_e2e', {
    issuer: intake.issuer,
    env: {
      INTAKE_TOPIC: intake.topic,
      REFERRAL_TOPIC: referral.config.REFERRAL_TOPIC,
      KEYSTORE_URL: intake.config.DATABASE_URL,
      KEY_ENCRYPTION_KEY: intake.config.KEY_ENCRYPTION_KEY,
    },
  });
  const mediation = await startMediation(intake.issuer, {
    FOLLOWUP_TOPIC: followUp.config.FOLLOWUP_TOPIC,
    MEDIATION_TOPIC: followUp.config.MEDIATION_TOPIC,
  });
  // Projections reads every topic and tells the browsers through the BFF's live channel.
  const liveChannel = `parcours:web-test:${randomUUID()}`;
  const projections = await startProjections('web_e2e', {
    issuer: intake.issuer,
    env: {
      INTAKE_TOPIC: intake.topic,
      REFERRAL_TOPIC: referral.config.REFERRAL_TOPIC,
      DIRECTORY_TOPIC: directoryTopic,
      FOLLOWUP_TOPIC: followUp.config.FOLLOWUP_TOPIC,
      MEDIATION_TOPIC: followUp.config.MEDIATION_TOPIC,
      LIVE_CHANNEL: liveChannel,
    },
  });
  // Every worker runs, as in production; the scheduler's clock lags with the routing's, so no
  // proposal expires during a test.
  await intake.module.startWorkers();
  await referral.module.startWorkers();
  await followUp.module.startWorkers();
  await mediation.module.startWorkers();
  await projections.module.startWorkers();
  const intakeUrl = await intake.app.listen({ host: '127.0.0.1', port: 0 });
  const referralUrl = await referral.app.listen({ host: '127.0.0.1', port: 0 });
  const followUpUrl = await followUp.app.listen({ host: '127.0.0.1', port: 0 });
  const mediationUrl = await mediation.app.listen({ host: '127.0.0.1', port: 0 });
  const projectionsUrl = await projections.app.listen({ host: '127.0.0.1', port: 0 });

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig(webConfigSchema, {
    ...testServiceEnv('web-test'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env['WEB_TEST_LOG'] ?? 'silent',
    PUBLIC_URL: baseUrl,
    INTAKE_URL: intakeUrl,
    REFERRAL_URL: referralUrl,
    FOLLOW_UP_URL: followUpUrl,
    MEDIATION_URL: mediationUrl,
    PROJECTIONS_URL: projectionsUrl,
    STATIC_DIR: distDir,
    LIVE_TOPICS: `${referral.config.REFERRAL_TOPIC},${intake.topic}`,
    LIVE_CONSUMER_GROUP: `web-live-${randomUUID().slice(0, 8)}`,
    LIVE_CHANNEL: liveChannel,
  });
  const redis = new Redis(config.REDIS_URL);
  const web = await buildApp({ config, redis, devIssuer: intake.issuer });
  await web.listen({ host: '127.0.0.1', port });
  return {
    baseUrl,
    intakeUrl,
    referralUrl,
    followUpUrl,
    intake,
    referral,
    followUp,
    mediation,
    projections,
    web,
    async close() {
      await web.close();
      await redis.quit();
      await projections.close();
      await mediation.close();
      await followUp.close();
      await referral.close();
      await intake.close();
    },
  };
}

export type WebStack = Awaited<ReturnType<typeof startWebStack>>;
