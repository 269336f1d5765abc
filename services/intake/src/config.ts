import { Topics } from '@parcours/contracts';
import { personalDataConfigProperties, serviceConfigSchema } from '@parcours/service-kit';
import { type StaticDecode, Type } from '@sinclair/typebox';

export const intakeConfigSchema = serviceConfigSchema({
  ...personalDataConfigProperties,
  /** Secret of the duplicate match key (HMAC-SHA256): at least 32 characters. */
  MATCH_KEY_SECRET: Type.String({ minLength: 32 }),
  INTAKE_TOPIC: Type.String({ minLength: 1, default: Topics.intake }),
  /** Run the outbox relay and the read-model projections in this process. */
  RUN_WORKERS: Type.Boolean({ default: true }),
  IMPORT_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 64, default: 16 }),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
});
export type IntakeConfig = StaticDecode<typeof intakeConfigSchema>;
