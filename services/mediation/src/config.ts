import { Topics } from '@parcours/contracts';
import { personalDataConfigProperties, serviceConfigSchema } from '@parcours/service-kit';
import { type StaticDecode, Type } from '@sinclair/typebox';

export const mediationConfigSchema = serviceConfigSchema({
  ...personalDataConfigProperties,
  MEDIATION_TOPIC: Type.String({ minLength: 1, default: Topics.mediation }),
  /** Where the follow-up service's mediation requests arrive. */
  FOLLOWUP_TOPIC: Type.String({ minLength: 1, default: Topics.followUp }),
  FOLLOWUP_CONSUMER_GROUP: Type.String({ minLength: 1, default: 'mediation-requests' }),
  /** Run the outbox relay, the follow-up consumer and the scheduler in this process. */
  RUN_WORKERS: Type.Boolean({ default: true }),
  SCHEDULER_POLL_MS: Type.Integer({ minimum: 50, maximum: 60_000, default: 1_000 }),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  /**
   * Bytes of office months (their JSON and gzip) this process keeps to answer unchanged months
   * (calendar/month-cache.ts); a busy month is about 0.5 MB and its gzip 0.1 MB. 0: none kept.
   */
  MEDIATION_MONTH_CACHE_BYTES: Type.Integer({ minimum: 0, default: 64 * 1024 * 1024 }),
  /** The policy (policy.ts): the courts' and parties' time zone, delays and gaps. */
  MEDIATION_TIME_ZONE: Type.String({ minLength: 1, default: 'Europe/Paris' }),
  FIRST_CONVOCATION_WITHIN_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  ARRIVAL_GAP_MINUTES: Type.Integer({ minimum: 0, maximum: 240, default: 15 }),
  NO_SHOWS_BEFORE_RETURN: Type.Integer({ minimum: 1, maximum: 10, default: 2 }),
  MEDIATOR_AGE_LIMIT: Type.Integer({ minimum: 60, maximum: 100, default: 75 }),
  /** Right-hand side of the invitations' UIDs, and the address they come from. */
  INVITATION_DOMAIN: Type.String({ minLength: 1, default: 'mediation.parcours.local' }),
  INVITATION_ORGANIZER_EMAIL: Type.String({ minLength: 3, default: 'mediation@parcours.local' }),
});
export type MediationConfig = StaticDecode<typeof mediationConfigSchema>;
