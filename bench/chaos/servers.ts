// The fault harness's own servers, on ports and in a directory of its own: a PostgreSQL cluster
// (initdb), a redis-server and a three-broker Kafka cluster (infra/kafka's cluster mode). The
// harness stops, kills and restarts these, never the servers other work on the machine uses.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { portOpen } from '@parcours/testing';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const kafkaScript = resolve(root, 'infra/kafka/kafka.sh');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

/** PostgreSQL's binaries: PG_BIN, else the newest of Debian's /usr/lib/postgresql/<version>/bin. */
function postgresBin(): string {
  if (process.env['PG_BIN']) return process.env['PG_BIN'];
  const versions = readdirSync('/usr/lib/postgresql')
    .filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('no PostgreSQL binaries: set PG_BIN');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

/**
 * A private PostgreSQL cluster. PostgreSQL refuses to run as root: under root (containers, CI) its
 * programs run as the `postgres` user (PG_USER), which owns the data directory.
 */
export class PrivatePostgres {
  readonly url: string;
  private readonly dataDir: string;
  private readonly bin = postgresBin();
  private readonly dir: string;
  readonly port: number;

  constructor(dir: string, port: number) {
    this.dir = dir;
    this.port = port;
    this.dataDir = join(dir, 'pg');
    this.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  private pg(program: string, args: string[]) {
    const asRoot = process.getuid?.() === 0;
    const command = asRoot ? 'runuser' : join(this.bin, program);
    const argv = asRoot
      ? ['-u', process.env['PG_USER'] ?? 'postgres', '--', join(this.bin, program), ...args]
      : args;
    return run(command, argv, { timeout: 120_000 });
  }

  private ctl(...args: string[]) {
    return this.pg('pg_ctl', ['-D', this.dataDir, ...args]);
  }

  async start() {
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) {
      mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
      if (process.getuid?.() === 0)
        await run('chown', ['-R', process.env['PG_USER'] ?? 'postgres', this.dir]);
      await this.pg('initdb', ['-D', this.dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync']);
    }
    // Sockets in the data directory (not /var/run/postgresql, which may belong to another server);
    // enough connections for three services' pools, their workers and the harness.
    const options = `-p ${this.port} -k ${this.dataDir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c shared_buffers=128MB`;
    await this.ctl('-l', join(this.dir, 'pg.log'), '-o', options, '-w', 'start');
    await waitUntil('private PostgreSQL', () => portOpen('127.0.0.1', this.port));
  }

  /** `fast`: connections are closed, as a restart by an operator would. */
  async stop(mode: 'fast' | 'immediate' = 'fast') {
    if (!existsSync(join(this.dataDir, 'postmaster.pid'))) return;
    await this.ctl('-m', mode, '-w', 'stop');
  }

  async restart() {
    await this.stop('fast');
    await this.start();
  }
}

/** A private redis-server without persistence: a stopped Redis comes back empty, as a lost cache would. */
export class PrivateRedis {
  readonly url: string;
  private child: ChildProcess | undefined;
  private readonly dir: string;
  readonly port: number;

  constructor(dir: string, port: number) {
    this.dir = dir;
    this.port = port;
    this.url = `redis://127.0.0.1:${port}`;
  }

  async start() {
    mkdirSync(this.dir, { recursive: true });
    this.child = spawn(
      'redis-server',
      [
        '--bind',
        '127.0.0.1',
        '--port',
        String(this.port),
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.dir,
      ],
      { stdio: 'ignore' },
    );
    await waitUntil('private Redis', () => portOpen('127.0.0.1', this.port));
  }

  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    this.child = undefined;
  }
}

/** A three-broker KRaft cluster from infra/kafka, moved to `firstPort` and `dir`. */
export class PrivateKafka {
  readonly brokers: string[];
  private readonly env: NodeJS.ProcessEnv;
  private readonly dir: string;
  readonly firstPort: number;

  constructor(dir: string, firstPort: number) {
    this.dir = dir;
    this.firstPort = firstPort;
    this.brokers = [0, 1, 2].map((i) => `127.0.0.1:${firstPort + i}`);
    this.env = {
      ...process.env,
      KAFKA_CLUSTER_PORT: String(firstPort),
      KAFKA_RUN_DIR: dir,
      KAFKA_HEAP: process.env['KAFKA_HEAP'] ?? '320m',
      KAFKA_START_TIMEOUT: '300',
      // KRaft's defaults expect a quiet machine: on two busy cores three nodes starting at once miss
      // heartbeats and registrations and shut down. Longer timeouts; a killed broker is then noticed
      // after the session timeout (30 s) rather than 9 s.
      KAFKA_EXTRA_CONFIG: [
        'broker.session.timeout.ms=30000',
        'broker.heartbeat.interval.ms=3000',
        'controller.quorum.election.timeout.ms=5000',
        'controller.quorum.fetch.timeout.ms=10000',
        'initial.broker.registration.timeout.ms=240000',
      ].join('\n'),
    };
  }

  private script(...args: string[]) {
    return run('bash', [kafkaScript, ...args], { env: this.env, timeout: 600_000, maxBuffer: 1 << 24 });
  }

  async start() {
    await this.script('start', 'cluster');
    for (const node of [1, 2, 3]) await this.nodeReady(node);
  }

  /** Every node's pid file names a live process and its port answers. */
  private async nodeReady(node: number) {
    await waitUntil(`Kafka node ${node}`, async () => {
      const pid = Number(readFileSync(join(this.dir, `node-${node}`, 'pid'), 'utf8'));
      process.kill(pid, 0);
      return portOpen('127.0.0.1', this.firstPort + node - 1);
    });
  }

  async stop() {
    await this.script('stop', 'cluster');
  }

  /** SIGKILL: a crashed broker, not a controlled shutdown. */
  async killNode(node: 1 | 2 | 3) {
    await this.script('kill-node', 'cluster', String(node));
  }

  async startNode(node: 1 | 2 | 3) {
    await this.script('start-node', 'cluster', String(node));
    await this.nodeReady(node);
  }

  async reset() {
    await this.script('reset', 'cluster');
  }
}
