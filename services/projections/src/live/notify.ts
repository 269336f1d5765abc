import type { Sql } from '@parcours/eventstore';
import type { Redis } from 'ioredis';

/** The places (office, association) whose dashboards a batch changed. */
export interface Place {
  associationId: string;
  officeId: string;
}

/**
 * The offices a set of cases touches now (files, referrals' targets and senders, mediations),
 * read after the fold: whose dashboards changed.
 */
export async function placesOfCases(sql: Sql, caseKeys: readonly string[]): Promise<Place[]> {
  if (caseKeys.length === 0) return [];
  return sql.query<Place>(
    `SELECT DISTINCT association_id AS "associationId", office_id AS "officeId" FROM (
       SELECT association_id, office_id FROM pj_files WHERE case_key = ANY($1::text[])
       UNION ALL SELECT association_id, office_id FROM pj_referrals WHERE case_key = ANY($1::text[])
       UNION ALL SELECT association_id, office_id FROM pj_mediations WHERE case_key = ANY($1::text[])
     ) places WHERE association_id IS NOT NULL AND office_id IS NOT NULL`,
    [caseKeys],
    'pj_places_of_cases',
  );
}

/**
 * Tells the web application's live relay (services/web/src/live: its Redis channel, the shape of
 * its updates) that an office's dashboard changed: ids only, heard by the office's staff and their
 * association's managers. A change after a quiet spell is sent at once (an open dashboard follows
 * within a second); those that follow within `intervalMs` are gathered and sent once per office at
 * its end, so a burst of events costs each dashboard one refetch per interval.
 */
export class DashboardNotices {
  readonly #pending = new Map<string, Place>();
  #timer: NodeJS.Timeout | undefined;
  #lastFlush = 0;

  private readonly redis: Redis;
  private readonly channel: string;
  private readonly intervalMs: number;

  constructor(redis: Redis, channel: string, intervalMs = 200) {
    this.redis = redis;
    this.channel = channel;
    this.intervalMs = intervalMs;
  }

  changed(places: readonly Place[]): void {
    for (const place of places) this.#pending.set(place.officeId, place);
    if (this.#pending.size === 0 || this.#timer) return;
    const wait = Math.max(0, this.#lastFlush + this.intervalMs - Date.now());
    this.#timer = setTimeout(() => void this.flush(), wait);
  }

  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#lastFlush = Date.now();
    const places = [...this.#pending.values()];
    this.#pending.clear();
    const at = new Date().toISOString();
    for (const { associationId, officeId } of places) {
      const update = {
        resource: 'dashboard',
        change: 'updated',
        associationId,
        officeId,
        scope: { national: false, associations: [associationId], offices: [officeId] },
        at,
      };
      await this.redis.publish(this.channel, JSON.stringify(update)).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.flush();
  }
}
