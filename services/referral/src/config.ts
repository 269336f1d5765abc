import { Topics } from '@parcours/contracts';
import { serviceConfigSchema } from '@parcours/service-kit';
import { type StaticDecode, Type } from '@sinclair/typebox';

export const referralConfigSchema = serviceConfigSchema({
  REFERRAL_TOPIC: Type.String({ minLength: 1, default: Topics.referral }),
  /** Where intakes ready for orientation arrive. */
  INTAKE_TOPIC: Type.String({ minLength: 1, default: Topics.intake }),
  ROUTING_CONSUMER_GROUP: Type.String({ minLength: 1, default: 'referral-routing' }),
  /**
   * Members of the routing consumer group in this process: kafkajs handles one partition at a time
   * per member, so several members route several partitions in parallel (bench/referral).
   */
  ROUTING_CONSUMERS: Type.Integer({ minimum: 1, maximum: 16, default: 3 }),
  /** Run the outbox relay, the inbox projection, the intake consumer and the deadline scheduler here. */
  RUN_WORKERS: Type.Boolean({ default: true }),
  SCHEDULER_POLL_MS: Type.Integer({ minimum: 50, maximum: 60_000, default: 1_000 }),
  /** Seed the synthetic network when the directory is empty (development, tests, demos). */
  SEED_DIRECTORY: Type.Boolean({ default: true }),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
});
export type ReferralConfig = StaticDecode<typeof referralConfigSchema>;
