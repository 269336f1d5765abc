import { describe, expect, it } from 'vitest';
import { retryDeadlocks } from './deadlocks.ts';

const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });

describe('retryDeadlocks', () => {
  it('runs a transaction chosen as a deadlock victim again, and gives its result', async () => {
    let runs = 0;
    const result = await retryDeadlocks(async () => {
      runs++;
      if (runs < 3) throw deadlock;
      return 'written';
    });
    expect([result, runs]).toEqual(['written', 3]);
  });

  it('gives up after its attempts, and never retries another error', async () => {
    let runs = 0;
    await expect(
      retryDeadlocks(async () => {
        runs++;
        throw deadlock;
      }, 2),
    ).rejects.toBe(deadlock);
    expect(runs).toBe(2);
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    runs = 0;
    await expect(
      retryDeadlocks(async () => {
        runs++;
        throw unique;
      }),
    ).rejects.toBe(unique);
    expect(runs).toBe(1);
  });
});
