import { describe, expect, it } from 'vitest';
import { runChaos } from './harness.ts';
import { shortRun } from './presets.ts';

// The fault harness's short form (bench/README.md): 300 helpline calls through intake → referral on
// servers of its own while each fault happens in turn; after each, nothing lost, doubled or leaked.
describe('intake → referral under faults (short form)', () => {
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
    }
  }, 1_200_000);
});
