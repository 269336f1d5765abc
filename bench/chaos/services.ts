// The services under test, each in its own process as scripts/up.sh runs them, pointed at the
// harness's own servers; a service can be SIGKILLed and started again on the same port, database
// and consumer groups, as an orchestrator would restart a crashed container.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_AUDIENCE, DEV_ISSUER } from '@parcours/service-kit';
import { SERVICE_ENV } from '../node-flags.ts';
import { serviceNodeFlags } from '../support.ts';
import { sleep } from './servers.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export class ServiceProcess {
  private child: ChildProcess | undefined;
  private log: WriteStream;
  readonly base: string;
  /** Times this service was started (1 after the first start). */
  starts = 0;

  readonly name: string;
  readonly port: number;
  private readonly env: Record<string, string>;

  constructor(name: string, port: number, env: Record<string, string>, logDir: string) {
    this.name = name;
    this.port = port;
    this.env = env;
    this.base = `http://127.0.0.1:${port}`;
    this.log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  }

  get pid() {
    return this.child?.pid;
  }

  /** Whether the process still runs: a service that exits on its own under a fault is a finding. */
  get alive() {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(readyTimeoutMs = 300_000) {
    this.starts++;
    this.log.write(`--- start ${this.starts} at ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, [...serviceNodeFlags, 'src/server.ts'], {
      cwd: resolve(root, 'services', this.name),
      env: {
        ...process.env,
        ...SERVICE_ENV,
        SERVICE_NAME: this.name,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        AUTH_DEV_ISSUER: 'true',
        AUTH_ISSUER: DEV_ISSUER,
        AUTH_AUDIENCE: DEV_AUDIENCE,
        LOG_LEVEL: 'warn',
        // One driver sends the whole surge as one helpline user: the per-user budget is not under test.
        RATE_LIMIT_MAX: '100000000',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.child = child;
    await this.ready(readyTimeoutMs);
  }

  /** /health/ready answers 200: the database, Redis and Kafka all answer the service. */
  async ready(timeoutMs = 300_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined)
        throw new Error(`${this.name} exited with ${this.child.exitCode} (see its log)`);
      if (await this.isReady()) return;
      if (Date.now() > deadline) throw new Error(`${this.name} not ready within ${timeoutMs / 1000} s`);
      await sleep(250);
    }
  }

  async isReady() {
    try {
      const response = await fetch(`${this.base}/health/ready`, { signal: AbortSignal.timeout(5_000) });
      return response.ok;
    } catch {
      return false;
    }
  }

  /** A crash: no shutdown hook runs, in-flight requests and uncommitted work are lost. */
  async kill() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  async close() {
    await this.stop();
    await new Promise((r) => this.log.end(r));
  }
}
