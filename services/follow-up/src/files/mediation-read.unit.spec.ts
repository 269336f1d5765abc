import { describe, expect, it } from 'vitest';
import { victimForMediation } from './mediation-read.ts';

const personal = {
  identity: { lastName: 'Testcase', firstName: 'Amina' },
  birthDate: '1990-04-02',
  contact: {
    phone: '+33600000001',
    email: 'amina@example.org',
    safeNumber: '+33600000002',
    safeHours: 'weekdays 9-12',
    thirdParty: 'her sister, +33600000003',
  },
  address: { lines: ['12 rue Secrète'] },
  narrative: 'Récit.',
};
const rules = { safeNumber: false, safeHours: false, noVoicemail: false, throughThirdParty: false };

describe('the victim as a mediation sees them', () => {
  it('gives the name and the usual phone and email when no rule restricts them', () => {
    expect(victimForMediation(personal, rules)).toEqual({
      lastName: 'Testcase',
      firstName: 'Amina',
      phone: '+33600000001',
      email: 'amina@example.org',
    });
  });

  it('gives the safe number alone, with the safe hours when flagged', () => {
    expect(victimForMediation(personal, { ...rules, safeNumber: true, safeHours: true })).toEqual({
      lastName: 'Testcase',
      firstName: 'Amina',
      phone: '+33600000002',
      safeHours: 'weekdays 9-12',
    });
  });

  it('gives the third party alone when contact goes through one', () => {
    expect(victimForMediation(personal, { ...rules, safeNumber: true, throughThirdParty: true })).toEqual({
      lastName: 'Testcase',
      firstName: 'Amina',
      thirdParty: 'her sister, +33600000003',
    });
  });

  it('gives nothing of an erased victim, and no contact the rules allow but intake did not record', () => {
    expect(victimForMediation(null, rules)).toBeNull();
    expect(
      victimForMediation({ identity: { lastName: 'Testcase' } }, { ...rules, safeNumber: true }),
    ).toEqual({
      lastName: 'Testcase',
    });
  });
});
