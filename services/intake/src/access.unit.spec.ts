import { expectAccessMatrix } from '@parcours/service-kit/testing';
import { describe, expect, it } from 'vitest';
import { intakeAccess, intakeOwner, national } from './access.ts';
import type { IntakeFacts } from './intake/intake.ts';

// The matrix, written out on its own so that a change to access.ts has to be made here too.
// Columns (the kit's relations): the resource in the actor's office, in another office of their
// association, in another association, in an association while the actor belongs to none, in no
// association. A national intake stands `national` to national staff and `other-association` to an
// association's staff (intakeOwner, tested below).
describe('who may do what in the intake service', () => {
  it('walks the whole matrix, every action and every role', () => {
    expectAccessMatrix(intakeAccess, {
      'intake.record-helpline-call': `
          role                   own-office own-association other-association from-national national
          helpline               -          -               -                 -             yes
          caseworker             -          -               -                 -             -
          mediator               -          -               -                 -             -
          office-manager         -          -               -                 -             -
          association-manager    -          -               -                 -             -
          federation-analyst     -          -               -                 -             -
          auditor                -          -               -                 -             -
          admin                  yes        yes             yes               yes           yes
        `,
      'intake.record-walk-in': `
          role                   own-office own-association other-association from-national national
          helpline               -          -               -                 -             -
          caseworker             yes        -               -                 -             -
          mediator               -          -               -                 -             -
          office-manager         yes        yes             -                 -             -
          association-manager    yes        yes             -                 -             -
          federation-analyst     -          -               -                 -             -
          auditor                -          -               -                 -             -
          admin                  yes        yes             yes               yes           yes
        `,
      'intake.record-requisition': `
          role                   own-office own-association other-association from-national national
          helpline               -          -               -                 -             -
          caseworker             -          -               -                 -             yes
          mediator               -          -               -                 -             -
          office-manager         -          -               -                 -             yes
          association-manager    -          -               -                 -             yes
          federation-analyst     -          -               -                 -             -
          auditor                -          -               -                 -             -
          admin                  yes        yes             yes               yes           yes
        `,
      'intake.record-partner-intake': `
          role                   own-office own-association other-association from-national national
          helpline               -          -               -                 -             yes
          caseworker             -          -               -                 -             yes
          mediator               -          -               -                 -             -
          office-manager         -          -               -                 -             yes
          association-manager    -          -               -                 -             -
          federation-analyst     -          -               -                 -             -
          auditor                -          -               -                 -             -
          admin                  yes        yes             yes               yes           yes
        `,
      'intake.list': `
          role                   own-office own-association other-association from-national national
          helpline               -          -               -                 -             yes
          caseworker             -          -               -                 -             -
          mediator               -          -               -                 -             -
          office-manager         yes        yes             -                 -             -
          association-manager    yes        yes             -                 -             -
          federation-analyst     -          -               -                 -             -
          auditor                -          -               -                 -             -
          admin                  yes        yes             yes               yes           yes
        `,
      'intake.read': `
          role                   own-office own-association other-association from-national national
          helpline               -          -               -                 -             yes
          caseworker             yes        yes             -                 -             -
          mediator               -          -               -                 -             -
          office-manager         yes        yes             -                 -             -
          association-manager    yes        yes             -                 -             -
          federation-analyst     -          -               -                 -             -
          auditor                -          -               -                 -             -
          admin                  yes        yes             yes               yes           yes
        `,
      'intake.change': `
          role                   own-office own-association other-association from-national national
          helpline               -          -               -                 -             yes
          caseworker             yes        yes             -                 -             -
          mediator               -          -               -                 -             -
          office-manager         yes        yes             -                 -             -
          association-manager    yes        yes             -                 -             -
          federation-analyst     -          -               -                 -             -
          auditor                -          -               -                 -             -
          admin                  yes        yes             yes               yes           yes
        `,
      'intake.merge': `
          role                   own-office own-association other-association from-national national
          helpline               -          -               -                 -             yes
          caseworker             -          -               -                 -             -
          mediator               -          -               -                 -             -
          office-manager         yes        yes             -                 -             -
          association-manager    yes        yes             -                 -             -
          federation-analyst     -          -               -                 -             -
          auditor                -          -               -                 -             -
          admin                  yes        yes             yes               yes           yes
        `,
      'intake.erase': `
          role                   own-office own-association other-association from-national national
          helpline               -          -               -                 -             -
          caseworker             -          -               -                 -             -
          mediator               -          -               -                 -             -
          office-manager         -          -               -                 -             -
          association-manager    -          -               -                 -             -
          federation-analyst     -          -               -                 -             -
          auditor                yes        yes             -                 yes           yes
          admin                  yes        yes             yes               yes           yes
        `,
      'intake.read-access-log': `
          role                   own-office own-association other-association from-national national
          helpline               -          -               -                 -             -
          caseworker             -          -               -                 -             -
          mediator               -          -               -                 -             -
          office-manager         -          -               -                 -             -
          association-manager    yes        yes             -                 -             -
          federation-analyst     -          -               -                 -             -
          auditor                yes        yes             -                 yes           yes
          admin                  yes        yes             yes               yes           yes
        `,
      'duplicates.list': `
          role                   own-office own-association other-association from-national national
          helpline               -          -               -                 -             yes
          caseworker             -          -               -                 -             -
          mediator               -          -               -                 -             -
          office-manager         -          -               -                 -             -
          association-manager    -          -               -                 -             -
          federation-analyst     -          -               -                 -             -
          auditor                -          -               -                 -             -
          admin                  yes        yes             yes               yes           yes
        `,
      'callback.work': `
          role                   own-office own-association other-association from-national national
          helpline               -          -               -                 -             yes
          caseworker             -          -               -                 -             -
          mediator               -          -               -                 -             -
          office-manager         -          -               -                 -             -
          association-manager    -          -               -                 -             -
          federation-analyst     -          -               -                 -             -
          auditor                -          -               -                 -             -
          admin                  yes        yes             yes               yes           yes
        `,
      'mass-event.manage': `
          role                   own-office own-association other-association from-national national
          helpline               -          -               -                 -             yes
          caseworker             -          -               -                 -             -
          mediator               -          -               -                 -             -
          office-manager         -          -               -                 -             -
          association-manager    -          -               -                 -             yes
          federation-analyst     -          -               -                 -             -
          auditor                -          -               -                 -             -
          admin                  yes        yes             yes               yes           yes
        `,
      'commune.search': `
          role                   own-office own-association other-association from-national national
          helpline               -          -               -                 -             yes
          caseworker             -          -               -                 -             yes
          mediator               -          -               -                 -             -
          office-manager         -          -               -                 -             yes
          association-manager    -          -               -                 -             yes
          federation-analyst     -          -               -                 -             -
          auditor                -          -               -                 -             -
          admin                  yes        yes             yes               yes           yes
        `,
    });
  });
});

const walkIn: Pick<IntakeFacts, 'details'> = {
  details: {
    channel: 'walk-in',
    officeId: 'office-75-bav',
    officeType: 'court-victim-office',
    associationId: 'asso-75',
  },
};
const call: Pick<IntakeFacts, 'details'> = {
  details: { channel: 'helpline', caller: 'victim', outcome: 'orientation', anonymous: false },
};
const dpo75 = { id: 'dpo-75', roles: ['auditor'] as const, association: 'asso-75' };
const nationalDpo = { id: 'dpo', roles: ['auditor'] as const };

describe('where an intake stands', () => {
  it('puts a walk-in in its office, a national intake with the national platform', () => {
    expect(intakeOwner(walkIn, dpo75)).toEqual({ associationId: 'asso-75', officeId: 'office-75-bav' });
    expect(intakeOwner(call, nationalDpo)).toEqual(national);
  });

  it("lets a national DPO erase any intake, an association's DPO only its association's", () => {
    const erase = (actor: typeof dpo75 | typeof nationalDpo, intake: typeof call) =>
      intakeAccess.can(actor, 'intake.erase', intakeOwner(intake, actor));
    expect(erase(dpo75, walkIn)).toBe(true);
    expect(erase(dpo75, call)).toBe(false);
    expect(erase(nationalDpo, walkIn)).toBe(true);
    expect(erase(nationalDpo, call)).toBe(true);
  });

  it('keeps a national intake from an association’s staff, and a walk-in from the helpline', () => {
    const caseworker = {
      id: 'cw',
      roles: ['caseworker'] as const,
      association: 'asso-75',
      office: 'office-75-bav',
    };
    const helpline = { id: 'hl', roles: ['helpline'] as const };
    expect(intakeAccess.can(caseworker, 'intake.read', intakeOwner(walkIn, caseworker))).toBe(true);
    expect(intakeAccess.can(caseworker, 'intake.read', intakeOwner(call, caseworker))).toBe(false);
    expect(intakeAccess.can(helpline, 'intake.read', intakeOwner(call, helpline))).toBe(true);
    expect(intakeAccess.can(helpline, 'intake.read', intakeOwner(walkIn, helpline))).toBe(false);
  });

  it('refuses with a 403 naming the scope, or the role when it may never', () => {
    const helpline = { id: 'hl', roles: ['helpline'] as const };
    expect(() =>
      intakeAccess.check(helpline, 'intake.read', intakeOwner(walkIn, helpline), 'intake_out_of_scope'),
    ).toThrow(expect.objectContaining({ status: 403, code: 'intake_out_of_scope' }));
    expect(() => intakeAccess.check(helpline, 'intake.erase', national)).toThrow(
      expect.objectContaining({ status: 403, code: 'role_not_allowed' }),
    );
  });
});
