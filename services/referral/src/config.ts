import { Topics } from '@parcours/contracts';
import { serviceConfigSchema } from '@parcours/service-kit';
import { type StaticDecode, Type } from '@sinclair/typebox';

export const referralConfigSchema = serviceConfigSchema({
  REFERRAL_TOPIC: Type.String({ minLength: 1, default: Topics.referral }),
  /** Where the directory's offices, partners and agreements are published (compacted). */
  DIRECTORY_TOPIC: Type.String({ minLength: 1, default: Topics.directory }),
  /** Where intakes ready for orientation arrive. */
  INTAKE_TOPIC: Type.String({ minLength: 1, default: Topics.intake }),
  ROUTING_CONSUMER_GROUP: Type.String({ minLength: 1, default: 'referral-routing' }),
  /** Partitions of the intake topic routed at once (one case's messages stay in order). */
  ROUTING_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 16, default: 3 }),
  /** Run the outbox relay, the inbox projection, the intake consumer and the deadline scheduler here. */
  RUN_WORKERS: Type.Boolean({ default: true }),
  /** How often the directory feed's topic is checked for a lost snapshot (directory/publish.ts). */
  DIRECTORY_FEED_CHECK_MS: Type.Integer({ minimum: 1_000, maximum: 3_600_000, default: 60_000 }),
  SCHEDULER_POLL_MS: Type.Integer({ minimum: 50, maximum: 60_000, default: 1_000 }),
  /** Seed the synthetic network when the directory is empty (development, tests, demos). */
  SEED_DIRECTORY: Type.Boolean({ default: true }),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
});
export type ReferralConfig = StaticDecode<typeof referralConfigSchema>;
