import { expectAccessMatrix } from '@parcours/service-kit/testing';
import { describe, it } from 'vitest';
import { access } from './access.ts';

// Columns: own-office own-association other-association from-national national.
describe('who may read what in the projections service', () => {
  it('walks the whole matrix', () => {
    expectAccessMatrix(access, {
      'path.read': `
        role                own-office own-association other-association from-national national
        helpline            -          -               -                 -             -
        caseworker          yes        yes             -                 -             -
        mediator            -          -               -                 -             -
        office-manager      yes        -               -                 -             -
        association-manager yes        yes             -                 -             -
        federation-analyst  -          -               -                 -             -
        auditor             yes        yes             -                 yes           -
        admin               -          -               -                 -             -`,
      'dashboard.read': `
        role                own-office own-association other-association from-national national
        helpline            -          -               -                 -             -
        caseworker          -          -               -                 -             -
        mediator            -          -               -                 -             -
        office-manager      yes        -               -                 -             -
        association-manager yes        yes             -                 -             -
        federation-analyst  -          -               -                 -             -
        auditor             yes        yes             -                 yes           -
        admin               -          -               -                 -             -`,
      'federation.read': `
        role                own-office own-association other-association from-national national
        helpline            -          -               -                 -             -
        caseworker          -          -               -                 -             -
        mediator            -          -               -                 -             -
        office-manager      yes        yes             yes               yes           yes
        association-manager yes        yes             yes               yes           yes
        federation-analyst  yes        yes             yes               yes           yes
        auditor             yes        yes             yes               yes           yes
        admin               yes        yes             yes               yes           yes`,
      'report.read': `
        role                own-office own-association other-association from-national national
        helpline            -          -               -                 -             -
        caseworker          -          -               -                 -             -
        mediator            -          -               -                 -             -
        office-manager      -          -               -                 -             -
        association-manager yes        yes             -                 -             -
        federation-analyst  -          -               -                 yes           -
        auditor             yes        yes             -                 yes           -
        admin               -          -               -                 -             -`,
      'report.read-national': `
        role                own-office own-association other-association from-national national
        helpline            -          -               -                 -             -
        caseworker          -          -               -                 -             -
        mediator            -          -               -                 -             -
        office-manager      -          -               -                 -             -
        association-manager yes        yes             yes               yes           yes
        federation-analyst  yes        yes             yes               yes           yes
        auditor             yes        yes             yes               yes           yes
        admin               yes        yes             yes               yes           yes`,
      'views.manage': `
        role                own-office own-association other-association from-national national
        helpline            -          -               -                 -             -
        caseworker          -          -               -                 -             -
        mediator            -          -               -                 -             -
        office-manager      -          -               -                 -             -
        association-manager -          -               -                 -             -
        federation-analyst  -          -               -                 -             -
        auditor             -          -               -                 -             -
        admin               yes        yes             yes               yes           yes`,
    });
  });
});
