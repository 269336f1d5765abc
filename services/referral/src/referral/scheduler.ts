import type { Database } from '@parcours/eventstore';
import type { ReferralCommand } from './decide.ts';
import { schedulerIdentity } from './identities.ts';
import type { DeadlineKind } from './referral.ts';
import type { ReferralService } from './service.ts';

export interface SchedulerOptions {
  pollMs?: number;
  batchSize?: number;
  /** Names this instance in referral_deadlines.fired_by. */
  instance: string;
  clock?: () => Date;
  logger?: { error(o: object, m: string): void };
}

/**
 * Fires the reminders and expiries in referral_deadlines (Postgres is the system of record). Each due
 * row is claimed with FOR UPDATE SKIP LOCKED and fired in the transaction that marks it fired, so
 * with several instances running every deadline fires exactly once; the command itself is a no-op
 * when the referral was answered meanwhile or the reminder already sent.
 */
export class DeadlineScheduler {
  private readonly db: Database;
  private readonly referrals: ReferralService;
  private readonly options: Required<Omit<SchedulerOptions, 'logger'>> & Pick<SchedulerOptions, 'logger'>;
  private timer: NodeJS.Timeout | undefined;
  private loop: Promise<void> | undefined;
  private running = false;

  constructor(db: Database, referrals: ReferralService, options: SchedulerOptions) {
    this.db = db;
    this.referrals = referrals;
    this.options = { pollMs: 1_000, batchSize: 50, clock: () => new Date(), ...options };
  }

  /** Fires what is due now; returns how many deadlines this call fired. */
  async fireDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const n = await this.fireBatch();
      fired += n;
      if (n < this.options.batchSize) return fired;
    }
  }

  private fireBatch(): Promise<number> {
    const now = this.options.clock();
    return this.db.transaction(async (tx) => {
      const due = await tx.query<{ referral_id: string; kind: DeadlineKind }>(
        // One referral's deadlines go to one instance at a time (the advisory lock): two instances
        // firing a reminder and the expiry of the same referral would race on its stream.
        `SELECT referral_id, kind FROM referral_deadlines
         WHERE fired_at IS NULL AND due_at <= $1 AND pg_try_advisory_xact_lock(727003, hashtext(referral_id))
         ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, this.options.batchSize],
      );
      for (const row of due) {
        const metadata = { now, actor: schedulerIdentity };
        const command: ReferralCommand =
          row.kind === 'expiry'
            ? { type: 'ExpireReferral', data: {}, metadata }
            : { type: 'SendReminder', data: { reminder: row.kind }, metadata };
        await this.referrals.execute(row.referral_id, command, metadata, tx);
        await tx.query(
          'UPDATE referral_deadlines SET fired_at = $3, fired_by = $4 WHERE referral_id = $1 AND kind = $2',
          [row.referral_id, row.kind, now, this.options.instance],
        );
      }
      return due.length;
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const tick = async () => {
      try {
        await this.fireDue();
      } catch (error) {
        this.options.logger?.error(
          { err: error, actor: schedulerIdentity.id },
          'deadline scheduler failed; retrying at the next tick',
        );
      }
      if (this.running) this.timer = setTimeout(() => (this.loop = tick()), this.options.pollMs);
    };
    this.loop = tick();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.loop;
  }
}
