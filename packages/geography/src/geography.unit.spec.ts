import { describe, expect, it } from 'vitest';
import { loadGeography, postcodeProblem, searchCommunes } from './geography.ts';

describe('postcode rules', () => {
  it("refuses what no French département uses, and Corsica's département codes", () => {
    for (const postcode of ['2A000', '2B200', '00000', '99999', '96000', '7501', '750111'])
      expect(postcodeProblem('FR', postcode), postcode).toMatch(/^must be five digits/);
    for (const postcode of ['75011', '20200', '97600', '10110', '01000', '98000'])
      expect(postcodeProblem('FR', postcode), postcode).toBeUndefined();
  });

  it('checks other countries by their own rule, and leaves a country without one alone', () => {
    expect(postcodeProblem('BE', '1000')).toBeUndefined();
    expect(postcodeProblem('BE', '0999')).toMatch(/four digits/);
    expect(postcodeProblem('PT', '1000-001')).toBeUndefined();
    expect(postcodeProblem('GB', 'SW1A 1AA')).toBeUndefined();
    expect(postcodeProblem('MA', '20000')).toBeUndefined();
  });
});

describe('commune search', () => {
  const geography = loadGeography();

  it('finds communes by name, accents and "Saint" aside, the largest first', () => {
    const [first] = searchCommunes(geography, 'saint etienne', 5);
    expect(first).toMatchObject({ code: '42218', name: 'Saint-Étienne' });
    expect(searchCommunes(geography, 'Valence', 3)[0]).toMatchObject({ code: '26362' });
  });

  it('finds the communes of a postcode, arrondissements for a split city', () => {
    expect(
      searchCommunes(geography, '20200', 20)
        .map((c) => c.code)
        .sort(),
    ).toEqual([...(geography.byPostcode.get('20200') ?? [])].map((c) => c.code).sort());
    expect(searchCommunes(geography, '75011', 5).map((c) => c.code)).toEqual(['75111']);
  });
});
