import { Topics } from '@parcours/contracts';
import { personalDataConfigProperties, serviceConfigSchema } from '@parcours/service-kit';
import { type StaticDecode, Type } from '@sinclair/typebox';

export const intakeConfigSchema = serviceConfigSchema({
  ...personalDataConfigProperties,
  /** Secret of the duplicate match key (HMAC-SHA256): at least 32 characters. */
  MATCH_KEY_SECRET: Type.String({ minLength: 32 }),
  INTAKE_TOPIC: Type.String({ minLength: 1, default: Topics.intake }),
  /** The network directory's feed (offices, partners, agreements), kept by the referral service. */
  DIRECTORY_TOPIC: Type.String({ minLength: 1, default: Topics.directory }),
  DIRECTORY_CONSUMER_GROUP: Type.String({ minLength: 1, default: 'intake-directory' }),
  /** How often an instance reloads its copy of the directory from the database. */
  DIRECTORY_REFRESH_MS: Type.Integer({ minimum: 1_000, maximum: 3_600_000, default: 15_000 }),
  /** Run the outbox relay, the read-model projections and the directory consumer in this process. */
  RUN_WORKERS: Type.Boolean({ default: true }),
  IMPORT_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 64, default: 16 }),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
});
export type IntakeConfig = StaticDecode<typeof intakeConfigSchema>;
