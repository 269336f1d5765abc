import { describe, expect, it } from 'vitest';
import { MatchKeys, normalise } from './match-key.ts';

const keys = new MatchKeys('a-secret-of-at-least-thirty-two-bytes!!');
const person = { lastName: 'Lefèvre', firstName: 'Élodie', birthDate: '1990-04-12', communeCode: '75111' };

describe('match key', () => {
  it('normalises case, accents and spaces', () => {
    expect(normalise('  ÉLODIE   Anne-Marie ')).toBe('elodie anne marie');
  });

  it('is equal for the same person spelled differently, different otherwise', () => {
    const same = keys.of({ ...person, lastName: ' LEFEVRE ', firstName: 'elodie' });
    expect(same).toBe(keys.of(person));
    expect(keys.of({ ...person, birthDate: '1990-04-13' })).not.toBe(keys.of(person));
    expect(keys.of({ ...person, communeCode: '75112' })).not.toBe(keys.of(person));
  });

  it('depends on the secret and never contains the name', () => {
    const other = new MatchKeys('another-secret-of-at-least-thirty-two-b');
    expect(other.of(person)).not.toBe(keys.of(person));
    expect(keys.of(person).toLowerCase()).not.toContain('lefevre');
    expect(keys.of(person)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is absent when a part is missing', () => {
    expect(keys.maybe({ ...person, birthDate: undefined })).toBeNull();
    expect(keys.maybe(person)).toBe(keys.of(person));
  });
});
