import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { baseConfigSchema, ConfigError, loadConfig, serviceConfigSchema } from './config.ts';

const valid = {
  SERVICE_NAME: 'referral',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/referral',
  REDIS_URL: 'redis://127.0.0.1:6379',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
  AUTH_ISSUER: 'https://id.example.org',
  AUTH_AUDIENCE: 'parcours',
  AUTH_JWKS_URL: 'https://id.example.org/jwks',
};

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies defaults, coerces numbers and booleans and splits the broker list', () => {
    const config = loadConfig(baseConfigSchema, { ...valid, PORT: '8080', AUTH_DEV_ISSUER: 'false' });
    expect(config).toMatchObject({
      PORT: 8080,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      AUTH_DEV_ISSUER: false,
      RATE_LIMIT_MAX: 300,
      RATE_LIMIT_WINDOW_MS: 60_000,
      KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9093'],
    });
    expect(loadConfig(baseConfigSchema, { ...valid, AUTH_DEV_ISSUER: 'true' }).AUTH_DEV_ISSUER).toBe(true);
  });

  it('reads only the variables of the schema', () => {
    const config = loadConfig(baseConfigSchema, { ...valid, UNRELATED_SECRET: 'x' });
    expect(config).not.toHaveProperty('UNRELATED_SECRET');
  });

  it('lists every bad or missing variable in one error, without their values', () => {
    const error = errorOf(() =>
      loadConfig(baseConfigSchema, {
        SERVICE_NAME: 'referral',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://root:hunter2@db/x',
        AUTH_DEV_ISSUER: 'maybe',
        LOG_LEVEL: 'loud',
        KAFKA_BROKERS: ' , ',
        AUTH_ISSUER: 'x',
        AUTH_AUDIENCE: 'y',
      }),
    );
    const names = error.problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(
      expect.arrayContaining(['PORT', 'DATABASE_URL', 'REDIS_URL', 'AUTH_DEV_ISSUER', 'LOG_LEVEL']),
    );
    expect(error.problems).toContain('REDIS_URL: missing');
    expect(error.message).toMatch(/^Invalid configuration:\n {2}- /);
    expect(error.message).not.toContain('hunter2');
  });

  it('reports a comma list with no items', () => {
    const error = errorOf(() => loadConfig(baseConfigSchema, { ...valid, KAFKA_BROKERS: ' , ' }));
    expect(error.problems).toEqual([expect.stringMatching(/^KAFKA_BROKERS: /)]);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(baseConfigSchema, { ...valid, PORT: '' }).PORT).toBe(3000);
    expect(errorOf(() => loadConfig(baseConfigSchema, { ...valid, AUTH_AUDIENCE: '' })).problems).toEqual([
      'AUTH_AUDIENCE: missing',
    ]);
  });

  it('extends the base schema with a service’s own variables', () => {
    const schema = serviceConfigSchema({
      REFERRAL_DEADLINE_DAYS: Type.Integer({ minimum: 1, default: 15 }),
      KEK_BASE64: Type.String({ minLength: 44 }),
    });
    expect(errorOf(() => loadConfig(schema, valid)).problems).toEqual(['KEK_BASE64: missing']);
    const config = loadConfig(schema, { ...valid, REFERRAL_DEADLINE_DAYS: '30', KEK_BASE64: 'k'.repeat(44) });
    expect(config.REFERRAL_DEADLINE_DAYS).toBe(30);
    expect(config.KAFKA_BROKERS).toHaveLength(2);
  });
});
