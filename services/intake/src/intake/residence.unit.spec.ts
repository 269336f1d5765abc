import { loadGeography } from '@parcours/geography';
import { DomainError } from '@parcours/service-kit';
import { describe, expect, it } from 'vitest';
import { resolveResidence } from './residence.ts';

const geography = loadGeography();
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const { status, code, errors } = error as DomainError;
    return { status, code, fields: errors?.map((e) => e.field) };
  }
  throw new Error('expected a refusal');
};

describe('a residence', () => {
  it('refuses a malformed French postcode as a 400 naming the field', () => {
    for (const postcode of ['2A000', '00000', '99999'])
      expect(refusal(() => resolveResidence(geography, { countryCode: 'FR', postcode }))).toEqual({
        status: 400,
        code: 'invalid_postcode',
        fields: ['/body/profile/residence/postcode'],
      });
  });

  it('gets its commune from a postcode only one commune uses', () => {
    expect(resolveResidence(geography, { countryCode: 'FR', postcode: '26000' })).toEqual({
      residence: { countryCode: 'FR', postcode: '26000', communeCode: '26362' },
      candidates: [],
    });
    // A city's code with an arrondissement's postcode is the arrondissement.
    expect(
      resolveResidence(geography, { countryCode: 'FR', postcode: '75011', communeCode: '75056' }).residence,
    ).toMatchObject({ communeCode: '75111' });
  });

  it('answers the communes to choose from when several share the postcode', () => {
    for (const postcode of ['20200', '97600', '10110']) {
      const { residence, candidates } = resolveResidence(geography, { countryCode: 'FR', postcode });
      expect(residence.communeCode).toBeUndefined();
      expect(candidates.length, postcode).toBeGreaterThan(1);
      expect(candidates[0]).toEqual({ code: expect.any(String), name: expect.any(String) });
    }
    const chosen = resolveResidence(geography, {
      countryCode: 'FR',
      postcode: '20200',
      communeCode: '2B033',
    });
    expect(chosen).toMatchObject({ residence: { communeCode: '2B033' }, candidates: [] });
  });

  it('refuses an unknown commune, or one that does not use the postcode, naming the commune code', () => {
    expect(
      refusal(() =>
        resolveResidence(geography, { countryCode: 'FR', postcode: '75011', communeCode: '75999' }),
      ),
    ).toMatchObject({
      status: 400,
      code: 'unknown_commune',
      fields: ['/body/profile/residence/communeCode'],
    });
    expect(
      refusal(() =>
        resolveResidence(geography, { countryCode: 'FR', postcode: '20200', communeCode: '26362' }),
      ),
    ).toMatchObject({
      status: 400,
      code: 'commune_postcode_mismatch',
      fields: ['/body/profile/residence/communeCode'],
    });
  });

  it('leaves a residence abroad as given, once its postcode fits the country', () => {
    expect(resolveResidence(geography, { countryCode: 'BE', postcode: '1000' }).residence).toEqual({
      countryCode: 'BE',
      postcode: '1000',
    });
    expect(refusal(() => resolveResidence(geography, { countryCode: 'BE', postcode: '0999' })).code).toBe(
      'invalid_postcode',
    );
  });
});
