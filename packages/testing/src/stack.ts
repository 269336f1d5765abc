import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Where the servers the tests and the dev stack talk to are. */
export interface Stack {
  databaseUrl: string;
  redisUrl: string;
  kafkaBrokers: string[];
  /** How each was found, for the status lines. */
  origin: { postgres: Origin; redis: Origin; kafka: Origin };
}
export type Origin = 'env' | 'localhost' | 'testcontainers' | 'infra/kafka';

const run = promisify(execFile);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const defaults = {
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: 'redis://127.0.0.1:6379',
  kafkaBrokers: ['127.0.0.1:9092'],
};

export function portOpen(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port });
    const finish = (open: boolean) => {
      socket.destroy();
      done(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

function hostPort(url: string, fallbackPort: number): [string, number] {
  const parsed = new URL(url);
  return [parsed.hostname, Number(parsed.port || fallbackPort)];
}

async function dockerEngineRunning(): Promise<boolean> {
  if (!existsSync('/var/run/docker.sock') && !process.env['DOCKER_HOST']) return false;
  try {
    await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds each server in the order the README gives: explicit env → localhost default ports
 * → Testcontainers when a Docker engine runs → (Kafka only) a broker started from infra/kafka.
 */
export async function resolveStack(env: NodeJS.ProcessEnv = process.env): Promise<Stack> {
  const origin = {} as Stack['origin'];
  const docker = { checked: false, running: false };
  const hasDocker = async () => {
    if (!docker.checked) docker.running = await dockerEngineRunning();
    docker.checked = true;
    return docker.running;
  };

  let databaseUrl = env['DATABASE_URL'];
  if (databaseUrl) origin.postgres = 'env';
  else if (await portOpen(...hostPort(defaults.databaseUrl, 5432))) {
    databaseUrl = defaults.databaseUrl;
    origin.postgres = 'localhost';
  } else if (await hasDocker()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql' as string);
    const container = await new PostgreSqlContainer('postgres:17-alpine').start();
    databaseUrl = container.getConnectionUri() as string;
    origin.postgres = 'testcontainers';
  } else throw new Error('PostgreSQL is not reachable on 127.0.0.1:5432 and DATABASE_URL is not set');

  let redisUrl = env['REDIS_URL'];
  if (redisUrl) origin.redis = 'env';
  else if (await portOpen(...hostPort(defaults.redisUrl, 6379))) {
    redisUrl = defaults.redisUrl;
    origin.redis = 'localhost';
  } else if (await hasDocker()) {
    const { GenericContainer } = await import('testcontainers');
    const container = await new GenericContainer('redis:7-alpine').withExposedPorts(6379).start();
    redisUrl = `redis://${container.getHost()}:${container.getMappedPort(6379)}`;
    origin.redis = 'testcontainers';
  } else throw new Error('Redis is not reachable on 127.0.0.1:6379 and REDIS_URL is not set');

  let kafkaBrokers = env['KAFKA_BROKERS']?.split(',').filter(Boolean);
  if (kafkaBrokers?.length) origin.kafka = 'env';
  else if (await portOpen('127.0.0.1', 9092)) {
    kafkaBrokers = defaults.kafkaBrokers;
    origin.kafka = 'localhost';
  } else if (await hasDocker()) {
    const { KafkaContainer } = await import('@testcontainers/kafka' as string);
    const container = await new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start();
    kafkaBrokers = [`${container.getHost()}:${container.getMappedPort(9093)}`];
    origin.kafka = 'testcontainers';
  } else {
    await startLocalKafka();
    kafkaBrokers = defaults.kafkaBrokers;
    origin.kafka = 'infra/kafka';
  }

  return { databaseUrl, redisUrl, kafkaBrokers, origin };
}

export type KafkaMode = 'single' | 'spare' | 'cluster';

/** Starts the single-node KRaft broker from infra/kafka (jars from Maven Central, cached). */
export async function startLocalKafka(mode: KafkaMode = 'single'): Promise<void> {
  await run('bash', [resolve(repoRoot, 'infra/kafka/kafka.sh'), 'start', mode], {
    timeout: 600_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}

export async function stopLocalKafka(mode: KafkaMode = 'single'): Promise<void> {
  await run('bash', [resolve(repoRoot, 'infra/kafka/kafka.sh'), 'stop', mode], { timeout: 120_000 });
}

export async function localKafkaNode(
  action: 'stop-node' | 'start-node',
  mode: 'single' | 'cluster',
  node: number,
) {
  await run('bash', [resolve(repoRoot, 'infra/kafka/kafka.sh'), action, mode, String(node)], {
    timeout: 120_000,
  });
}
