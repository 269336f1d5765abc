import { upcast } from '@parcours/eventstore';
import { describe, expect, it } from 'vitest';
import { referralEventSchemas } from '../referral/referral.ts';
import { fromText, type ReasonCode, ReasonCodes, reason, reasonText, withReason } from './reasons.ts';

describe('reasons', () => {
  it('renders every code in English without a placeholder left', () => {
    const params = new Proxy(
      {},
      { get: (_, key) => (key === 'fit' ? 'hospital-for-violence' : `<${String(key)}>`) },
    );
    for (const code of ReasonCodes) {
      const text = reasonText({ code, params } as never);
      expect(text, code).not.toMatch(/undefined/);
      expect(text.length, code).toBeGreaterThan(0);
    }
  });

  it('cuts the English of a long user reason to 300 characters, keeping the value whole', () => {
    const long = reason('declined', { by: 'cw', where: 'office-75-bav', reason: 'x'.repeat(500) });
    expect(reasonText(long)).toHaveLength(300);
    expect(long.params?.['reason']).toHaveLength(500);
  });

  it('keeps the last 20 reasons of a referral', () => {
    const many = Array.from({ length: 20 }, () => reason('no-open-office'));
    const next = withReason(many, reason('routed-by-hand', { by: 'h', reason: 'r' }));
    expect(next).toHaveLength(20);
    expect(next.at(-1)?.code).toBe<ReasonCode>('routed-by-hand');
  });

  it('reads the English lines of the first events as notes', () => {
    expect(fromText(['residence in 75111', reason('no-open-office')])).toEqual([
      { code: 'note', params: { text: 'residence in 75111' } },
      { code: 'no-open-office' },
    ]);
  });

  it('upcasts a first proposal or queued referral (reasons in English) to reasons with codes', () => {
    for (const type of ['ReferralProposed', 'ReferralQueued'])
      expect(
        upcast(referralEventSchemas, type, 1, { referralId: 'r', reasons: ['sharing consent given'] }),
      ).toEqual({
        referralId: 'r',
        reasons: [{ code: 'note', params: { text: 'sharing consent given' } }],
      });
  });
});
