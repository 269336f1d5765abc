import { Topics } from '@parcours/contracts';
import { serviceConfigSchema } from '@parcours/service-kit';
import { type StaticDecode, Type } from '@sinclair/typebox';

export const projectionsConfigSchema = serviceConfigSchema({
  INTAKE_TOPIC: Type.String({ minLength: 1, default: Topics.intake }),
  REFERRAL_TOPIC: Type.String({ minLength: 1, default: Topics.referral }),
  DIRECTORY_TOPIC: Type.String({ minLength: 1, default: Topics.directory }),
  FOLLOWUP_TOPIC: Type.String({ minLength: 1, default: Topics.followUp }),
  MEDIATION_TOPIC: Type.String({ minLength: 1, default: Topics.mediation }),
  CONSUMER_GROUP: Type.String({ minLength: 1, default: 'projections' }),
  /** Partitions of the topics handled at once (one case's messages stay in order). */
  CONSUMER_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 16, default: 3 }),
  /** Run the consumer of every topic in this process. */
  RUN_WORKERS: Type.Boolean({ default: true }),
  /** Federation figures under this count are suppressed (docs in README: statistical disclosure). */
  SUPPRESSION_THRESHOLD: Type.Integer({ minimum: 1, maximum: 1_000, default: 11 }),
  /** Weeks without activity after which an open file counts as without activity. */
  INACTIVE_WEEKS: Type.Integer({ minimum: 1, maximum: 52, default: 8 }),
  /** A view further behind the log than this many seconds fails readiness. */
  MAX_VIEW_LAG_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 300 }),
  /** Redis channel of the web application's live relay (services/web/src/live). */
  LIVE_CHANNEL: Type.String({ minLength: 1, default: 'parcours:web:live' }),
  /** Load the demo year of network activity into an empty log at boot (scripts/up.sh --demo). */
  DEMO_DATA: Type.Boolean({ default: false }),
  DEMO_VICTIMS: Type.Integer({ minimum: 100, maximum: 2_000_000, default: 320_000 }),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
});
export type ProjectionsConfig = StaticDecode<typeof projectionsConfigSchema>;
