import { describe, expect, it } from 'vitest';
import { backoffMs } from './consumer.ts';
import { describeError } from './dead-letters.ts';

describe('retry backoff', () => {
  it('doubles from initialMs and stops at maxMs', () => {
    const retry = { attempts: 6, initialMs: 100, maxMs: 1_000 };
    expect([1, 2, 3, 4, 5].map((attempt) => backoffMs(retry, attempt))).toEqual([100, 200, 400, 800, 1_000]);
  });
});

describe('dead-letter error header', () => {
  it('carries the error name and message, never the stack', () => {
    const error = new TypeError('no office covers 69003');
    expect(describeError(error)).toBe('TypeError: no office covers 69003');
    expect(describeError('plain')).toBe('plain');
  });

  it('is truncated to 1000 characters', () => {
    const text = describeError(new Error('x'.repeat(5_000)));
    expect(text).toHaveLength(1_000);
    expect(text.endsWith('…')).toBe(true);
  });
});
