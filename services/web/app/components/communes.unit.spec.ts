import { describe, expect, it } from 'vitest';
import { choicesOf } from './communes.ts';

const lyon3 = { code: '69383', name: 'Lyon 3e Arrondissement', postcodes: ['69003'], departement: '69' };
const marseille = {
  code: '13055',
  name: 'Marseille',
  postcodes: ['13001', '13002', '13016'],
  departement: '13',
};

describe('the commune picker’s choices', () => {
  it('makes one choice per commune and postcode, routing needing the pair', () => {
    expect(choicesOf([lyon3, marseille], 'mars')).toEqual([
      { code: '69383', name: 'Lyon 3e Arrondissement', postcode: '69003', departement: '69' },
      { code: '13055', name: 'Marseille', postcode: '13001', departement: '13' },
      { code: '13055', name: 'Marseille', postcode: '13002', departement: '13' },
      { code: '13055', name: 'Marseille', postcode: '13016', departement: '13' },
    ]);
  });

  it('keeps only the postcodes starting with the digits typed', () => {
    expect(choicesOf([marseille], '1300').map((c) => c.postcode)).toEqual(['13001', '13002']);
    expect(choicesOf([marseille], '13016').map((c) => c.postcode)).toEqual(['13016']);
  });
});
