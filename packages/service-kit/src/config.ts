import { type StaticDecode, type TObject, type TProperties, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** Boot-time configuration error: lists every bad or missing variable, never their values (they may be secrets). */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** A comma-separated list in one variable, decoded to a non-empty array of trimmed items. */
export const CommaList = (options: { minItems?: number } = {}) =>
  Type.Transform(Type.String({ minLength: 1 }))
    .Decode((value) => {
      const items = value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
      if (items.length < (options.minItems ?? 1))
        throw new Error(`expected at least ${options.minItems ?? 1} item`);
      return items;
    })
    .Encode((items) => items.join(','));

export const LogLevel = Type.Union(
  [
    Type.Literal('fatal'),
    Type.Literal('error'),
    Type.Literal('warn'),
    Type.Literal('info'),
    Type.Literal('debug'),
    Type.Literal('trace'),
    Type.Literal('silent'),
  ],
  { default: 'info' },
);

/** The variables every service reads. Extend with `serviceConfigSchema({ ... })`. */
export const baseConfigProperties = {
  SERVICE_NAME: Type.String({ minLength: 1, pattern: '^[a-z][a-z0-9-]*$' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0' }),
  DATABASE_URL: Type.String({ pattern: '^postgres(ql)?://' }),
  REDIS_URL: Type.String({ pattern: '^rediss?://' }),
  KAFKA_BROKERS: CommaList(),
  /** Partitions and replication of the topics a service creates at boot (3 and 2 on a 3-broker cluster). */
  KAFKA_TOPIC_PARTITIONS: Type.Integer({ minimum: 1, default: 6 }),
  KAFKA_REPLICATION_FACTOR: Type.Integer({ minimum: 1, default: 1 }),
  LOG_LEVEL: LogLevel,
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://' })),
  AUTH_ISSUER: Type.String({ minLength: 1 }),
  AUTH_AUDIENCE: Type.String({ minLength: 1 }),
  AUTH_JWKS_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** Trust the local development issuer's keys instead of AUTH_JWKS_URL (development and tests only). */
  AUTH_DEV_ISSUER: Type.Boolean({ default: false }),
  RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 300 }),
  RATE_LIMIT_WINDOW_MS: Type.Integer({ minimum: 1, default: 60_000 }),
} satisfies TProperties;

export const baseConfigSchema = Type.Object(baseConfigProperties);

/**
 * For services that read or write victims' personal data: the key-encryption key wrapping every
 * victim's data key, and the key store's database (one for the whole deployment, so that an
 * erasure reaches every service; the service's own database when unset).
 */
export const personalDataConfigProperties = {
  KEY_ENCRYPTION_KEY: Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: '32 bytes, base64' }),
  KEYSTORE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
} satisfies TProperties;
export type BaseConfig = StaticDecode<typeof baseConfigSchema>;

/** A service's schema: the base variables plus its own. */
export function serviceConfigSchema<P extends TProperties>(properties: P) {
  return Type.Object({ ...baseConfigProperties, ...properties });
}

/**
 * Validates the environment once at boot: applies defaults, coerces numbers and booleans, decodes
 * transforms (comma lists), and throws one ConfigError naming every bad or missing variable.
 * The only place in the codebase that reads process.env.
 */
export function loadConfig<T extends TObject>(
  schema: T,
  env: Record<string, string | undefined> = process.env,
): StaticDecode<T> {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const value = env[key];
    // An empty variable counts as unset, so `FOO=` falls back to the default or is reported missing.
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const withDefaults = Value.Default(schema, raw);
  const converted = Value.Convert(schema, withDefaults);
  const problems: string[] = [];
  for (const error of Value.Errors(schema, converted)) {
    const name = error.path.replace(/^\//, '').split('/')[0] || '(root)';
    const missing = (converted as Record<string, unknown>)[name] === undefined;
    const problem = missing ? `${name}: missing` : `${name}: ${error.message}`;
    if (!problems.some((p) => p.startsWith(`${name}:`))) problems.push(problem);
  }
  if (problems.length === 0) {
    try {
      return Value.Decode(schema, converted);
    } catch (error) {
      // TypeBox's TransformDecodeError carries the failing path and the decoder's message.
      const path = (error as { path?: string }).path?.replace(/^\//, '');
      problems.push(`${path || '(root)'}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new ConfigError(problems);
}
