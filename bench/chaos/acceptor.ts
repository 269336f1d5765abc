// The offices' side of the surge: every referral proposed to an office is accepted by a caseworker
// of that office through referral's HTTP API, each acceptance retried with its own Idempotency-Key
// until referral answers 200, as an office's screen would through an outage. Follow-up opens a file
// for each acceptance (checks.ts counts them).
import { DEV_AUDIENCE, DEV_ISSUER, DevIssuer } from '@parcours/service-kit';
import type pg from 'pg';
import { newSendStats, sendUntilAnswered } from './retry.ts';
import { sleep } from './servers.ts';

export class Acceptor {
  readonly stats = newSendStats();
  /** Referrals being accepted or done: never sent twice by this driver. */
  private readonly seen = new Set<string>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly tokens = new Map<string, Promise<string>>();
  private issuer: DevIssuer | undefined;
  private running = false;
  private loop: Promise<void> | undefined;

  private readonly referralUrl: () => string;
  private readonly referralDb: pg.Pool;
  private readonly concurrency: number;

  constructor(referralUrl: () => string, referralDb: pg.Pool, concurrency = 8) {
    this.referralUrl = referralUrl;
    this.referralDb = referralDb;
    this.concurrency = concurrency;
  }

  /** Acceptances still to be answered. */
  get pending() {
    return this.inflight.size;
  }

  async start() {
    this.issuer = await DevIssuer.shared({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
    this.running = true;
    this.loop = this.poll();
  }

  async stop() {
    this.running = false;
    await this.loop;
    await Promise.allSettled([...this.inflight]);
  }

  /** Reads the proposed referrals from referral's inbox (the driver's view of the offices' lists). */
  private async poll() {
    while (this.running) {
      const rows = await this.referralDb
        .query<{ referral_id: string; association_id: string; office_id: string }>(
          `SELECT referral_id, association_id, office_id FROM referral_inbox
            WHERE status = 'proposed' AND target_kind = 'office' ORDER BY proposed_at LIMIT 500`,
        )
        .then((r) => r.rows)
        .catch(() => []);
      for (const row of rows) {
        if (!this.running) break;
        if (this.seen.has(row.referral_id)) continue;
        while (this.inflight.size >= this.concurrency) await Promise.race(this.inflight);
        this.seen.add(row.referral_id);
        const accepting = this.accept(row.referral_id, row.association_id, row.office_id);
        this.inflight.add(accepting);
        void accepting.finally(() => this.inflight.delete(accepting));
      }
      await sleep(250);
    }
  }

  private token(associationId: string, officeId: string) {
    const key = `${associationId}/${officeId}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = this.issuer!.sign(
        {
          sub: `chaos-caseworker-${officeId}`,
          name: 'Chaos Caseworker',
          roles: ['caseworker'],
          association: associationId,
          office: officeId,
        },
        { expiresIn: '12h' },
      );
      this.tokens.set(key, token);
    }
    return token;
  }

  private async accept(referralId: string, associationId: string, officeId: string) {
    const authorization = `Bearer ${await this.token(associationId, officeId)}`;
    await sendUntilAnswered(
      this.stats,
      () =>
        fetch(`${this.referralUrl()}/referrals/${referralId}/accept`, {
          method: 'POST',
          headers: { authorization, 'idempotency-key': `chaos-accept-${referralId}` },
          signal: AbortSignal.timeout(15_000),
        }),
      200,
      // 409 idempotency_key_in_flight: the first try's claim, held until it expires (60 s) when
      // referral was killed under it; any other 409 is the referral's status: a finding.
      (status, text) => status === 409 && text.includes('idempotency_key_in_flight'),
    );
  }
}
