// The two checkouts of a series and one bench run in either: the start code in a git worktree of
// its own (made once, reused), each bench run in its own process group with the checkout's own
// Node and dependencies, and what a run leaves behind (processes, databases, topics) checked after it.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';

export type Side = 'before' | 'after';

export interface Checkout {
  side: Side;
  dir: string;
  commit: string;
  node: string;
}

const adminUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Runs `script` in bash inside `dir` after sourcing the checkout's bootstrap (its Node, its pnpm). */
function inCheckout(dir: string, script: string): string {
  return execFileSync('bash', ['-c', `source scripts/bootstrap.sh >&2 && ${script}`], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

/**
 * The start code's worktree at `dir`, made from `root`'s repository when missing, installed. The
 * start commit's lockfile lacks the bench's fastify (added by the next commit on main), so a frozen
 * install fails there: it installs with the lockfile updated in place, and records it as installed
 * so that bootstrap does not try again.
 */
export function startCheckout(root: string, commit: string, dir: string): Checkout {
  if (!existsSync(join(dir, '.git'))) {
    git(root, 'worktree', 'prune');
    git(root, 'worktree', 'add', '--detach', dir, commit);
  } else {
    git(dir, 'checkout', '--detach', '--force', commit);
  }
  // The same pinned Node and pnpm as this checkout's: copied rather than fetched again.
  if (!existsSync(join(dir, '.tools')) && existsSync(join(root, '.tools'))) {
    cpSync(join(root, '.tools'), join(dir, '.tools'), { recursive: true });
  }
  const stamp = join(dir, 'node_modules', '.parcours-lock');
  const lock = join(dir, 'pnpm-lock.yaml');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== readFileSync(lock, 'utf8')) {
    execFileSync(
      'bash',
      [
        '-c',
        'export PATH=$PWD/.tools/node/node_modules/.bin:$PWD/.tools/pnpm/node_modules/.bin:$PATH && pnpm install --no-frozen-lockfile --prefer-offline --reporter=append-only >&2',
      ],
      { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    writeFileSync(stamp, readFileSync(lock, 'utf8'));
  }
  return {
    side: 'before',
    dir,
    commit: git(dir, 'rev-parse', '--short', 'HEAD'),
    node: inCheckout(dir, 'node --version'),
  };
}

export function currentCheckout(root: string): Checkout {
  const dirty = git(root, 'status', '--porcelain', '--untracked-files=no') ? ' + uncommitted changes' : '';
  return {
    side: 'after',
    dir: root,
    commit: `${git(root, 'rev-parse', '--short', 'HEAD')}${dirty}`,
    node: inCheckout(root, 'node --version'),
  };
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Waits until every port is free (another bench on this machine may hold them): false after 2 min. */
export async function waitPortsFree(ports: number[]): Promise<boolean> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const busy = [];
    for (const port of ports) if (!(await portFree(port))) busy.push(port);
    if (busy.length === 0) return true;
    if (Date.now() > deadline) return false;
    console.error(`  ports ${busy.join(', ')} in use; waiting`);
    await new Promise((r) => setTimeout(r, 5000));
  }
}

async function benchDatabases(): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'parcours_bench%' OR datname LIKE 'bench\\_%'`,
    );
    return new Set(rows.map((r) => r.datname));
  } finally {
    await client.end();
  }
}

async function benchTopics(): Promise<Set<string>> {
  const admin = new Kafka({ clientId: 'parcours-series', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return new Set((await admin.listTopics()).filter((t) => t.startsWith('bench')));
  } finally {
    await admin.disconnect();
  }
}

export interface BenchRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  load: { before: number[]; after: number[] };
  /** Processes of the run's group still alive when its main process exited (then killed). */
  processesLeft: number;
  databasesLeft: string[];
  /** Kafka topics the run created and left (the services' topics: no bench deletes them). */
  topicsLeft: number;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `node <args>` in the checkout, in a process group of its own, with `env`; its output also
 * goes to `logFile`. Afterwards: anything left in its group is reported and ended, and the bench
 * databases and topics that appeared during the run and are still there are reported.
 */
export async function runBench(
  checkout: Checkout,
  args: string[],
  env: Record<string, string>,
  logFile: string,
): Promise<BenchRun> {
  const databases = await benchDatabases();
  const topics = await benchTopics().catch(() => new Set<string>());
  const log = createWriteStream(logFile);
  const load = { before: loadavg(), after: [] as number[] };
  const started = performance.now();
  const child = spawn('bash', ['-c', `source scripts/bootstrap.sh >&2 && exec node ${args.join(' ')}`], {
    cwd: checkout.dir,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    log.write(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
    log.write(chunk);
    process.stderr.write(chunk);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  load.after = loadavg();
  let processesLeft = 0;
  if (child.pid && groupAlive(child.pid)) {
    processesLeft = Number(
      execFileSync('bash', ['-c', `pgrep -g ${child.pid} | wc -l`], { encoding: 'utf8' }),
    );
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    if (groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
  }
  await new Promise((r) => log.end(r));
  const databasesLeft = [...(await benchDatabases())].filter((d) => !databases.has(d));
  const topicsAfter = await benchTopics().catch(() => new Set<string>());
  return {
    code,
    stdout,
    stderr,
    seconds,
    load,
    processesLeft,
    databasesLeft,
    topicsLeft: [...topicsAfter].filter((t) => !topics.has(t)).length,
  };
}
