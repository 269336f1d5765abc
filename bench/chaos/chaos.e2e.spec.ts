import { describe, expect, it } from 'vitest';
import { runChaos } from './harness.ts';
import { shortRun } from './presets.ts';

// The fault harness's short form (bench/README.md): 300 helpline calls through intake → referral →
// follow-up on servers of its own while each fault happens in turn; after each, nothing lost,
// doubled or leaked, and no answer 5xx other than 503.
describe('intake → referral → follow-up under faults (short form)', () => {
  it('drains after every fault with every check passed', async () => {
    const lines: string[] = [];
    const { results, accepted } = await runChaos({ ...shortRun, log: (line) => lines.push(line) });
    const failed = results
      .filter((r) => r.failures.length > 0)
      .map((r) => `${r.fault}: ${r.failures.join('; ')}`);
    expect(failed, lines.join('\n')).toEqual([]);
    expect(results.map((r) => r.fault)).toEqual(shortRun.faults);
    expect(accepted).toBe(shortRun.intakes);
    for (const result of results) {
      expect(result.recoverMs).not.toBeNull();
      expect(result.counts.referredCases).toBe(result.counts.recordedEvents);
      expect(result.errors5xx).toBe(0);
      expect(result.counts.fileRows).toBe(result.counts.acceptedReferrals);
    }
  }, 1_200_000);
});
