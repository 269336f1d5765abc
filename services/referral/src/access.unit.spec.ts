import { expectAccessMatrix } from '@parcours/service-kit/testing';
import { describe, expect, it } from 'vitest';
import { access, ownerOfSender, ownerOfTarget } from './access.ts';
import { routerIdentity, schedulerIdentity } from './referral/identities.ts';

// The matrix, written out on its own so that a change to access.ts has to be made here too.
// Columns: where the resource stands from the actor (service-kit's relations).
const header = 'role own-office own-association other-association from-national national';
const everyone = `
  ${header}
  helpline            yes yes yes yes yes
  caseworker          yes yes yes yes yes
  mediator            -   -   -   -   -
  office-manager      yes yes yes yes yes
  association-manager yes yes yes yes yes
  federation-analyst  yes yes yes yes yes
  auditor             yes yes yes yes yes
  admin               yes yes yes yes yes`;
const adminOnly = `
  ${header}
  helpline            -   -   -   -   -
  caseworker          -   -   -   -   -
  mediator            -   -   -   -   -
  office-manager      -   -   -   -   -
  association-manager -   -   -   -   -
  federation-analyst  -   -   -   -   -
  auditor             -   -   -   -   -
  admin               yes yes yes yes yes`;
const officeStaff = (helpline: string, auditor: string) => `
  ${header}
  helpline            ${helpline}
  caseworker          yes yes -   -   -
  mediator            -   -   -   -   -
  office-manager      yes yes -   -   -
  association-manager yes yes -   -   -
  federation-analyst  -   -   -   -   -
  auditor             ${auditor}
  admin               yes yes yes yes yes`;
const nationalPlatform = `
  ${header}
  helpline            -   -   -   -   yes
  caseworker          -   -   -   -   -
  mediator            -   -   -   -   -
  office-manager      -   -   -   -   -
  association-manager -   -   -   -   -
  federation-analyst  -   -   -   -   -
  auditor             -   -   -   -   -
  admin               yes yes yes yes yes`;

describe('who may do what in the referral service', () => {
  it('walks every action × role × relation', () => {
    expectAccessMatrix(access, {
      'directory.read': everyone,
      'directory.manage': adminOnly,
      'inbox.read': officeStaff('-   -   -   -   -', 'yes yes -   yes yes'),
      'referral.read': officeStaff('yes yes yes yes yes', 'yes yes -   yes yes'),
      'referral.answer': officeStaff('-   -   -   -   yes', '-   -   -   -   -'),
      'referral.revoke': officeStaff('-   -   -   -   yes', '-   -   -   -   -'),
      'queue.read': nationalPlatform,
      'queue.route': nationalPlatform,
    });
  });

  it('gives the background identities no action of a person', () => {
    for (const identity of [routerIdentity, schedulerIdentity])
      for (const action of access.actions)
        expect(access.can(identity, action, { associationId: 'asso-75', officeId: 'office-75-bav' })).toBe(
          false,
        );
  });

  it('places a referral with its receiver and its sender; a foreign organisation or the helpline with nobody', () => {
    expect(ownerOfTarget({ kind: 'office', associationId: 'asso-75', officeId: 'office-75-bav' })).toEqual({
      associationId: 'asso-75',
      officeId: 'office-75-bav',
    });
    expect(
      ownerOfTarget({ kind: 'foreign-organisation', organisationId: 'foreign-be', countryCode: 'BE' }),
    ).toEqual({});
    expect(ownerOfSender({ kind: 'national-platform' })).toEqual({});
  });
});
