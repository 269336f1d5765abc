import { resolveStack } from './stack.ts';

/** Vitest global setup for the int and e2e projects: find or start the real servers once. */
export default async function setup(): Promise<void> {
  const stack = await resolveStack();
  process.env['DATABASE_URL'] = stack.databaseUrl;
  process.env['REDIS_URL'] = stack.redisUrl;
  process.env['KAFKA_BROKERS'] = stack.kafkaBrokers.join(',');
}
