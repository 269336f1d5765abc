import { describe, expect, it } from 'vitest';
import { civiDeadline, lateness, sarviAdvance, sarviWindow } from './deadlines.ts';
import { legalReferences } from './references.ts';

// The worked examples of services/follow-up/docs/compensation.md, one per line.
describe('CIVI deadline', () => {
  it.each([
    [
      'adult, no prosecution: 3 years from the offence',
      { offenceOn: '2022-03-15', prosecuted: false },
      '2025-03-15',
    ],
    [
      'prosecution: 1 year after the last final decision, when later',
      { offenceOn: '2022-03-15', prosecuted: true, lastFinalDecisionOn: '2024-11-20' },
      '2025-11-20',
    ],
    [
      'prosecution decided early: the 3 years are later and stand',
      { offenceOn: '2019-01-10', prosecuted: true, lastFinalDecisionOn: '2020-06-01' },
      '2022-01-10',
    ],
    [
      'prosecution still pending (no final decision yet): 3 years for now',
      { offenceOn: '2022-03-15', prosecuted: true },
      '2025-03-15',
    ],
    [
      'minor victim: 3 years from majority',
      { offenceOn: '2015-05-02', majorityOn: '2021-09-30', prosecuted: false },
      '2024-09-30',
    ],
    [
      'minor victim and a later final decision',
      {
        offenceOn: '2015-05-02',
        majorityOn: '2021-09-30',
        prosecuted: true,
        lastFinalDecisionOn: '2024-02-01',
      },
      '2025-02-01',
    ],
    [
      'a majority before the offence changes nothing (an adult victim)',
      { offenceOn: '2022-03-15', majorityOn: '2001-01-01', prosecuted: false },
      '2025-03-15',
    ],
    [
      'an offence on 29 February closes on 28 February',
      { offenceOn: '2024-02-29', prosecuted: false },
      '2027-02-28',
    ],
  ])('%s', (_, input, closesOn) => {
    expect(civiDeadline(input).closesOn).toBe(closesOn);
  });

  it('gives the references it applied, from the table', () => {
    expect(
      civiDeadline({ offenceOn: '2015-05-02', majorityOn: '2021-09-30', prosecuted: false }).basis,
    ).toEqual([
      { code: 'civi-deadline', reference: 'CPP art. 706-5' },
      { code: 'minor-suspension', reference: 'C. civ. art. 2235' },
    ]);
    expect(
      civiDeadline({
        offenceOn: '2022-03-15',
        prosecuted: true,
        lastFinalDecisionOn: '2024-11-20',
      }).basis.map((r) => r.code),
    ).toEqual(['civi-deadline', 'civi-deadline-prosecution']);
  });

  it('cites a renumbered article from the table it is given, with the same rule', () => {
    const renumbered = {
      ...legalReferences,
      'civi-deadline': { ...legalReferences['civi-deadline'], article: '811-4' },
    };
    const deadline = civiDeadline({ offenceOn: '2022-03-15', prosecuted: false }, renumbered);
    expect(deadline).toEqual({
      closesOn: '2025-03-15',
      basis: [{ code: 'civi-deadline', reference: 'CPP art. 811-4' }],
    });
  });
});

describe('SARVI window', () => {
  it.each([
    ['final on 31 March 2024', { finalOn: '2024-03-31' }, '2024-05-31', '2025-03-31'],
    [
      'final on 31 December 2024: two months land on 28 February',
      { finalOn: '2024-12-31' },
      '2025-02-28',
      '2025-12-31',
    ],
    [
      'after a CIVI refusal notified later: 1 year from the refusal',
      { finalOn: '2024-03-31', civiRefusalNotifiedOn: '2025-06-10' },
      '2024-05-31',
      '2026-06-10',
    ],
    [
      'after a CIVI refusal notified early: 1 year from the final decision still',
      { finalOn: '2024-03-31', civiRefusalNotifiedOn: '2024-01-15' },
      '2024-05-31',
      '2025-03-31',
    ],
  ])('%s', (_, input, opensOn, closesOn) => {
    const window = sarviWindow(input);
    expect([window.opensOn, window.closesOn]).toEqual([opensOn, closesOn]);
    expect(window.basis.map((r) => r.reference)).toEqual(['CPP art. 706-15-1', 'CPP art. 706-15-2']);
  });
});

describe('SARVI advance (cents)', () => {
  it.each([
    ['€800: in full', 80_000, 80_000, true],
    ['€1,000: in full', 100_000, 100_000, true],
    ['€1,000.01: 30 % is €300, raised to the €1,000 minimum', 100_001, 100_000, false],
    ['€2,500: 30 % is €750, raised to €1,000', 250_000, 100_000, false],
    ['€5,000: 30 %, €1,500', 500_000, 150_000, false],
    ['€3,333.35: 30 % is €1,000.005, rounded to the cent', 333_335, 100_001, false],
    ['€10,000: 30 % is exactly the €3,000 maximum', 1_000_000, 300_000, false],
    ['€12,000: 30 % is €3,600, capped at €3,000', 1_200_000, 300_000, false],
  ])('%s', (_, award, advance, inFull) => {
    expect(sarviAdvance(award)).toMatchObject({ advanceCents: advance, inFull });
  });

  it('refuses amounts that are not whole cents', () => {
    expect(() => sarviAdvance(10.5)).toThrow(RangeError);
    expect(() => sarviAdvance(-1)).toThrow(RangeError);
  });
});

describe('lateness', () => {
  const civi = civiDeadline({ offenceOn: '2022-03-15', prosecuted: false });
  it('is in time on the last day, late the day after, with the reference that allows relief', () => {
    expect(lateness('civi', civi, '2025-03-15')).toEqual({ late: false, early: false });
    expect(lateness('civi', civi, '2025-03-16')).toEqual({
      late: true,
      early: false,
      relief: { code: 'civi-relief', reference: 'CPP art. 706-5' },
    });
  });

  it('knows a SARVI claim filed before the window opens', () => {
    const sarvi = sarviWindow({ finalOn: '2024-03-31' });
    expect(lateness('sarvi', sarvi, '2024-05-30').early).toBe(true);
    expect(lateness('sarvi', sarvi, '2024-05-31').early).toBe(false);
    expect(lateness('sarvi', sarvi, '2025-04-01').relief?.code).toBe('sarvi-relief');
  });
});
