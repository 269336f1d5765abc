// How the harness's drivers (the calls' surge, the offices' acceptances) send one request through
// an outage: retried with the same Idempotency-Key until answered, every retried answer counted.
import { sleep } from './servers.ts';

export interface SendStats {
  /** Requests answered as hoped (each exactly once, whatever the retries). */
  accepted: number;
  /** Retried answers and failed connections, by kind ("503", "409", "ECONNREFUSED"...). */
  retries: Record<string, number>;
  /** Requests that got a 4xx not retried: each one a finding (the first few kept). */
  refused: number;
  refusals: string[];
  /** Answers 5xx other than 503 (retried like the others, but each one a finding: expect none). */
  errors5xx: number;
}

export const newSendStats = (): SendStats => ({
  accepted: 0,
  retries: {},
  refused: 0,
  refusals: [],
  errors5xx: 0,
});

/**
 * Sends `request` until it is answered `ok`: 5xx, 429, the answers `retriable` names and failed
 * connections are retried (backoff 200 ms to 2 s); another 4xx is a refusal and ends it. The text of
 * the `ok` answer, or undefined when refused.
 */
export async function sendUntilAnswered(
  stats: SendStats,
  request: () => Promise<Response>,
  ok: number,
  retriable: (status: number, text: string) => boolean,
): Promise<string | undefined> {
  const count = (kind: string) => {
    stats.retries[kind] = (stats.retries[kind] ?? 0) + 1;
  };
  let backoff = 200;
  for (;;) {
    try {
      const response = await request();
      const text = await response.text();
      if (response.status === ok) {
        stats.accepted++;
        return text;
      }
      if (response.status < 500 && response.status !== 429 && !retriable(response.status, text)) {
        stats.refused++;
        if (stats.refusals.length < 5) stats.refusals.push(`${response.status} ${text.slice(0, 300)}`);
        return undefined;
      }
      count(String(response.status));
      if (response.status >= 500 && response.status !== 503) stats.errors5xx++;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      count(cause ?? (error as Error).name ?? 'error');
    }
    await sleep(backoff);
    backoff = Math.min(backoff * 2, 2_000);
  }
}
