import { Topics } from '@parcours/contracts';
import { personalDataConfigProperties, serviceConfigSchema } from '@parcours/service-kit';
import { type StaticDecode, Type } from '@sinclair/typebox';

export const followUpConfigSchema = serviceConfigSchema({
  ...personalDataConfigProperties,
  FOLLOWUP_TOPIC: Type.String({ minLength: 1, default: Topics.followUp }),
  /** Where intakes ready for orientation arrive: the case's facts. */
  INTAKE_TOPIC: Type.String({ minLength: 1, default: Topics.intake }),
  /** Where referrals are proposed and accepted: which office opens a file. */
  REFERRAL_TOPIC: Type.String({ minLength: 1, default: Topics.referral }),
  /** Where mediations report their outcome. */
  MEDIATION_TOPIC: Type.String({ minLength: 1, default: Topics.mediation }),
  CONSUMER_GROUP: Type.String({ minLength: 1, default: 'follow-up' }),
  /** Partitions handled at once by the consumer (one case's messages stay in order). */
  CONSUMER_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 16, default: 3 }),
  /** Closing as unreachable needs this many unanswered attempts… */
  UNREACHABLE_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 20, default: 3 }),
  /** …spread over at least this many days. */
  UNREACHABLE_DAYS: Type.Integer({ minimum: 0, maximum: 90, default: 14 }),
  /** A file with no activity for this many weeks is flagged. */
  INACTIVITY_WEEKS: Type.Integer({ minimum: 1, maximum: 52, default: 6 }),
  /** Run the outbox relay, the consumers and the scheduler here. */
  RUN_WORKERS: Type.Boolean({ default: true }),
  SCHEDULER_POLL_MS: Type.Integer({ minimum: 50, maximum: 60_000, default: 1_000 }),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  /**
   * Files whose state is kept in memory after a read, so that the next read folds only the events
   * appended since (a few kB each; 0: none kept).
   */
  FILE_STATE_CACHE: Type.Integer({ minimum: 0, maximum: 100_000, default: 2_000 }),
});
export type FollowUpConfig = StaticDecode<typeof followUpConfigSchema>;
