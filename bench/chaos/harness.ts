// The fault harness: a surge of helpline calls through intake → referral → follow-up (each referral
// accepted by its office) on servers of its own, while, in turn, a Kafka broker is killed, each
// service is SIGKILLed, PostgreSQL is restarted, Redis is stopped and the whole of Kafka is down. After each fault it measures how long the system
// took to drain what piled up, then checks that nothing was lost, doubled or leaked (checks.ts).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Acceptor } from './acceptor.ts';
import { Checks, type Counts } from './checks.ts';
import { PrivateKafka, PrivatePostgres, PrivateRedis, sleep } from './servers.ts';
import { ServiceProcess } from './services.ts';
import { Surge } from './surge.ts';

export type FaultName =
  | 'kafka-broker'
  | 'intake-kill'
  | 'referral-kill'
  | 'followup-kill'
  | 'postgres-restart'
  | 'redis-stop'
  | 'kafka-down';

export interface ChaosOptions {
  /** Helpline calls in all, shared among the faults by how long each one lasts. */
  intakes: number;
  faults: FaultName[];
  /** How long each fault holds before it is undone (a killed service's restart delay included). */
  holdMs: Record<FaultName, number>;
  /** Calls sent before each fault starts. */
  leadMs: number;
  /** Time allowed for the pipeline to drain after each fault. */
  drainTimeoutMs: number;
  /** Ports from portBase + 1 (PostgreSQL, Redis, Kafka at +10..12, the services at +21...). */
  portBase: number;
  /** Keep the servers' directory (logs, data) after the run. */
  keepDir?: boolean;
  log?: (line: string) => void;
}

export interface PhaseResult {
  fault: FaultName;
  sent: number;
  /** From the fault's start to its undoing complete (servers or service back). */
  downMs: number;
  /** From the fault undone until every service's /health/ready answers 200. */
  readyAfterMs: number;
  /**
   * Calls waiting for intake, accepted calls not yet referred, referrals not yet accepted and
   * accepted referrals without their file, when the fault was undone.
   */
  backlogAtRestore: number;
  peakBacklog: number;
  /**
   * From the fault undone until every call is accepted and referred, every referral accepted and
   * filed, and every outbox empty.
   */
  recoverMs: number | null;
  retries: Record<string, number>;
  /** The acceptances' retried answers, by kind. */
  acceptRetries: Record<string, number>;
  /** Answers 5xx other than 503 to the calls and to the acceptances during the phase (expect 0). */
  errors5xx: number;
  counts: Counts;
  missing: number;
  unexpected: number;
  doubled: number;
  /** Accepted referrals without a file, with several, with one elsewhere or not open; files of no accepted referral. */
  filesMissing: number;
  filesDoubled: number;
  filesElsewhere: number;
  filesUnexpected: number;
  dlq: { topic: string; error: string }[];
  scanned: number;
  clear: number;
  /** Services that exited on their own during the phase (restarted by the harness). */
  exited: string[];
  failures: string[];
}

export async function runChaos(options: ChaosOptions) {
  const log = options.log ?? ((line: string) => console.log(line));
  const dir = mkdtempSync(join(tmpdir(), 'parcours-chaos-'));
  // PostgreSQL runs as its own user under root (servers.ts): it must reach its directory inside.
  chmodSync(dir, 0o755);
  const logDir = join(dir, 'logs');
  mkdirSync(logDir);
  const base = options.portBase;
  const postgres = new PrivatePostgres(join(dir, 'postgres'), base + 1);
  const redis = new PrivateRedis(join(dir, 'redis'), base + 2);
  const kafka = new PrivateKafka(join(dir, 'kafka'), base + 10);
  const services: ServiceProcess[] = [];
  let checks: Checks | undefined;
  let acceptor: Acceptor | undefined;
  log(`servers and logs in ${dir}`);
  try {
    // All three settle before a failure is thrown, so that the finally below stops what did start.
    const started = await Promise.allSettled([postgres.start(), redis.start(), kafka.start()]);
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    for (const db of ['chaos_intake', 'chaos_referral', 'chaos_followup'])
      await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const dbUrl = (db: string) => postgres.url.replace(/\/postgres$/, `/${db}`);
    const shared = {
      REDIS_URL: redis.url,
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_TOPIC_PARTITIONS: '3',
      KAFKA_REPLICATION_FACTOR: '3',
    };
    // Referral first: it seeds the directory and publishes it, which intake consumes.
    const referral = new ServiceProcess(
      'referral',
      base + 22,
      { ...shared, DATABASE_URL: dbUrl('chaos_referral') },
      logDir,
    );
    const kek = randomBytes(32).toString('base64');
    const intake = new ServiceProcess(
      'intake',
      base + 21,
      {
        ...shared,
        DATABASE_URL: dbUrl('chaos_intake'),
        KEY_ENCRYPTION_KEY: kek,
        MATCH_KEY_SECRET: randomBytes(32).toString('hex'),
      },
      logDir,
    );
    // Follow-up reads intake's and referral's topics; the deployment's one key store is intake's.
    const followUp = new ServiceProcess(
      'follow-up',
      base + 23,
      {
        ...shared,
        DATABASE_URL: dbUrl('chaos_followup'),
        KEYSTORE_URL: dbUrl('chaos_intake'),
        KEY_ENCRYPTION_KEY: kek,
      },
      logDir,
    );
    services.push(referral, intake, followUp);
    for (const service of services) await service.start();
    log('servers and services up');

    checks = new Checks(
      dbUrl('chaos_intake'),
      dbUrl('chaos_referral'),
      dbUrl('chaos_followup'),
      kafka.brokers,
    );
    const surge = new Surge(() => intake.base, `chaos-${randomBytes(4).toString('hex')}`);
    await surge.init();
    acceptor = new Acceptor(() => referral.base, checks.referral);
    await acceptor.start();
    // Warm-up: the directory reached intake, the consumer groups joined, the whole path works.
    await surge.send(10, 1);
    await surge.settled(120_000);
    await drain(checks, surge, acceptor, 180_000);
    log('warm-up through');

    const faults: Record<FaultName, { inject(): Promise<void>; restore(): Promise<void> }> = {
      'kafka-broker': { inject: () => kafka.killNode(2), restore: () => kafka.startNode(2) },
      'intake-kill': { inject: () => intake.kill(), restore: () => intake.start() },
      'referral-kill': { inject: () => referral.kill(), restore: () => referral.start() },
      'followup-kill': { inject: () => followUp.kill(), restore: () => followUp.start() },
      'postgres-restart': { inject: () => postgres.stop('fast'), restore: () => postgres.start() },
      'redis-stop': { inject: () => redis.stop(), restore: () => redis.start() },
      'kafka-down': { inject: () => kafka.stop(), restore: () => kafka.start() },
    };
    const windows = options.faults.map((f) => options.leadMs + options.holdMs[f]);
    const totalWindow = windows.reduce((a, b) => a + b, 0);
    const toSend = Math.max(0, options.intakes - surge.sent);
    const results: PhaseResult[] = [];
    let shared_ = 0;
    for (const [index, fault] of options.faults.entries()) {
      const count =
        index === options.faults.length - 1
          ? toSend - shared_
          : Math.round((toSend * windows[index]!) / totalWindow);
      shared_ += count;
      const failures: string[] = [];
      log(`${fault}: ${count} calls over ${windows[index]! / 1000} s`);
      const retriesBefore = { ...surge.stats.retries };
      const acceptRetriesBefore = { ...acceptor.stats.retries };
      const errors5xxBefore = surge.stats.errors5xx + acceptor.stats.errors5xx;
      const refusedBefore = acceptor.stats.refused;
      const sending = surge.send(count, windows[index]! / 1000);
      await sleep(options.leadMs);
      const faultAt = performance.now();
      await faults[fault].inject();
      await sleep(options.holdMs[fault]);
      await faults[fault].restore();
      const restoredAt = performance.now();
      const exited: string[] = [];
      for (const service of services) {
        if (service.alive) continue;
        if (fault === `${service.name.replace('-', '')}-kill`) continue;
        exited.push(service.name);
        await service.start();
      }
      while (!(await Promise.all(services.map((s) => s.isReady()))).every(Boolean)) {
        if (performance.now() - restoredAt > options.drainTimeoutMs) {
          failures.push('a service never became ready again');
          break;
        }
        await sleep(250);
      }
      const readyAt = performance.now();
      const atRestore = await retry(() => checks!.counts());
      const backlogAtRestore =
        surge.pending + acceptor.pending + Checks.backlog(surge.stats.accepted, atRestore);
      await sending;
      const drained = await drain(checks, surge, acceptor, options.drainTimeoutMs).catch((error: Error) => {
        failures.push(error.message);
        return undefined;
      });
      const counts = await retry(() => checks!.counts());
      const cases = await checks.caseDifferences(surge.cases.values());
      const files = await checks.fileDifferences();
      const scan = await checks.scanKafka();
      const since = (now: Record<string, number>, before: Record<string, number>) =>
        Object.fromEntries(
          Object.entries(now)
            .map(([kind, n]) => [kind, n - (before[kind] ?? 0)] as const)
            .filter(([, n]) => n > 0),
        );
      const retries = since(surge.stats.retries, retriesBefore);
      const acceptRetries = since(acceptor.stats.retries, acceptRetriesBefore);
      const errors5xx = surge.stats.errors5xx + acceptor.stats.errors5xx - errors5xxBefore;
      if (counts.distinctVictims !== counts.summaryRows) failures.push('a call was recorded twice');
      if (cases.missing > 0) failures.push(`${cases.missing} accepted cases without a referral`);
      if (cases.doubled > 0) failures.push(`${cases.doubled} cases referred twice`);
      if (cases.unexpected > 0) failures.push(`${cases.unexpected} referred cases intake never accepted`);
      if (counts.fileRows !== counts.openedEvents || counts.filedReferrals !== counts.fileRows)
        failures.push('a file was counted twice');
      if (files.filesMissing > 0) failures.push(`${files.filesMissing} accepted referrals without a file`);
      if (files.filesDoubled > 0) failures.push(`${files.filesDoubled} referrals with two files`);
      if (files.filesElsewhere > 0)
        failures.push(`${files.filesElsewhere} files not open in the accepting office`);
      if (files.filesUnexpected > 0) failures.push(`${files.filesUnexpected} files of no accepted referral`);
      if (errors5xx > 0) failures.push(`${errors5xx} answers 5xx other than 503`);
      if (scan.clear > 0) failures.push(`${scan.clear} messages with personal data in clear`);
      if (scan.dlq.length > 0) failures.push(`${scan.dlq.length} dead letters`);
      if (surge.stats.refused > 0) failures.push(`calls refused: ${surge.stats.refusals.join(' | ')}`);
      if (acceptor.stats.refused > refusedBefore)
        failures.push(`acceptances refused: ${acceptor.stats.refusals.join(' | ')}`);
      if (exited.length > 0) failures.push(`exited on their own: ${exited.join(', ')}`);
      const result: PhaseResult = {
        fault,
        sent: count,
        downMs: Math.round(restoredAt - faultAt),
        readyAfterMs: Math.round(readyAt - restoredAt),
        backlogAtRestore,
        peakBacklog: Math.max(backlogAtRestore, drained?.peak ?? 0),
        recoverMs: drained ? Math.round(drained.at - restoredAt) : null,
        retries,
        acceptRetries,
        errors5xx,
        counts,
        ...cases,
        ...files,
        dlq: scan.dlq,
        scanned: scan.scanned,
        clear: scan.clear,
        exited,
        failures,
      };
      log(JSON.stringify(result));
      results.push(result);
    }
    return { results, dir, accepted: surge.stats.accepted, referralsAccepted: acceptor.stats.accepted };
  } finally {
    await acceptor?.stop().catch(() => undefined);
    await checks?.close().catch(() => undefined);
    for (const service of services.reverse()) await service.close().catch(() => undefined);
    await kafka.stop().catch(() => undefined);
    await redis.stop().catch(() => undefined);
    await postgres.stop('immediate').catch(() => undefined);
    if (!options.keepDir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Retries a read while a server comes back (PostgreSQL after its restart). */
async function retry<T>(read: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}

/** Waits until every call is accepted and has gone all the way through; the peak backlog on the way. */
async function drain(checks: Checks, surge: Surge, acceptor: Acceptor, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let peak = 0;
  let last: Counts | undefined;
  for (;;) {
    const counts = await checks.counts().catch(() => undefined);
    if (counts) {
      last = counts;
      peak = Math.max(peak, surge.pending + acceptor.pending + Checks.backlog(surge.stats.accepted, counts));
      if (surge.pending === 0 && acceptor.pending === 0 && Checks.drained(surge.stats.accepted, counts))
        return { at: performance.now(), peak };
    }
    if (Date.now() > deadline)
      throw new Error(
        `not drained within ${timeoutMs / 1000} s: ${surge.pending} calls pending, ${surge.stats.accepted} accepted, ${JSON.stringify(last)}`,
      );
    await sleep(250);
  }
}
