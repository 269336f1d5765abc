import { Value } from '@sinclair/typebox/value';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { defineAccess, relationOf } from './access.ts';
import { ClaimsSchema, serviceActor } from './auth/actor.ts';
import { DomainError } from './errors.ts';
import { accessMatrix, expectAccessMatrix } from './testing/access-matrix.ts';

// A policy as a service states it (referral-like): who may answer a referral, read a case, route.
const access = defineAccess({
  'referral.answer': {
    caseworker: ['own-office', 'own-association'],
    'office-manager': ['own-office', 'own-association'],
    admin: 'anywhere',
  },
  'case.read': {
    helpline: ['national'],
    caseworker: ['own-office', 'own-association'],
    auditor: ['own-office', 'own-association', 'from-national'],
    admin: 'anywhere',
  },
  'referral.propose': { helpline: ['national', 'from-national'], admin: 'anywhere' },
});
const router = serviceActor('referral-router', ['referral.propose'] as const);

const caseworker = {
  id: 'cw',
  roles: ['caseworker'] as const,
  association: 'asso-75',
  office: 'office-75-a',
};

describe('defineAccess', () => {
  it('walks the whole matrix of every action, service identities included', () => {
    expectAccessMatrix(
      access,
      {
        'referral.answer': `
          role                own-office own-association other-association from-national national
          helpline            -          -               -                 -             -
          caseworker          yes        yes             -                 -             -
          mediator            -          -               -                 -             -
          office-manager      yes        yes             -                 -             -
          association-manager -          -               -                 -             -
          federation-analyst  -          -               -                 -             -
          auditor             -          -               -                 -             -
          admin               yes        yes             yes               yes           yes
          system:referral-router -       -               -                 -             -`,
        'case.read': `
          role                own-office own-association other-association from-national national
          helpline            -          -               -                 -             yes
          caseworker          yes        yes             -                 -             -
          mediator            -          -               -                 -             -
          office-manager      -          -               -                 -             -
          association-manager -          -               -                 -             -
          federation-analyst  -          -               -                 -             -
          auditor             yes        yes             -                 yes           -
          admin               yes        yes             yes               yes           yes
          system:referral-router -       -               -                 -             -`,
        'referral.propose': `
          role                own-office own-association other-association from-national national
          helpline            -          -               -                 yes           yes
          caseworker          -          -               -                 -             -
          mediator            -          -               -                 -             -
          office-manager      -          -               -                 -             -
          association-manager -          -               -                 -             -
          federation-analyst  -          -               -                 -             -
          auditor             -          -               -                 -             -
          admin               yes        yes             yes               yes           yes
          system:referral-router yes     yes             yes               yes           yes`,
      },
      [router],
    );
  });

  it('fails when the stated matrix differs from the rules', () => {
    const wrong = accessMatrix(access, 'case.read')
      .join('\n')
      .replace('helpline - - - - yes', 'helpline - - - yes yes');
    expect(() =>
      expectAccessMatrix(access, { 'case.read': wrong, 'referral.answer': '', 'referral.propose': '' }),
    ).toThrow();
  });

  it('places a resource relative to the actor', () => {
    expect(relationOf(caseworker, { associationId: 'asso-75', officeId: 'office-75-a' })).toBe('own-office');
    expect(relationOf(caseworker, { associationId: 'asso-75', officeId: 'office-75-b' })).toBe(
      'own-association',
    );
    expect(relationOf(caseworker, { associationId: 'asso-75' })).toBe('own-association');
    expect(relationOf(caseworker, { associationId: 'asso-69', officeId: 'office-69-a' })).toBe(
      'other-association',
    );
    expect(relationOf({}, { associationId: 'asso-69' })).toBe('from-national');
    expect(relationOf(caseworker, {})).toBe('national');
  });

  it('refuses with role_not_allowed for a role that may never, out_of_scope (or the given code) elsewhere', () => {
    const refusal = (run: () => void) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        return { status: (error as DomainError).status, code: (error as DomainError).code };
      }
      return undefined;
    };
    const other = { associationId: 'asso-69', officeId: 'office-69-a' };
    expect(
      refusal(() => access.check(caseworker, 'referral.answer', { associationId: 'asso-75' })),
    ).toBeUndefined();
    expect(refusal(() => access.check(caseworker, 'referral.answer', other))).toEqual({
      status: 403,
      code: 'out_of_scope',
    });
    expect(
      refusal(() => access.check(caseworker, 'referral.answer', other, 'referral_out_of_scope')),
    ).toEqual({
      status: 403,
      code: 'referral_out_of_scope',
    });
    expect(refusal(() => access.check(caseworker, 'referral.propose', {}))).toEqual({
      status: 403,
      code: 'role_not_allowed',
    });
    expect(refusal(() => access.check(router, 'referral.answer', {}))).toEqual({
      status: 403,
      code: 'out_of_scope',
    });
  });

  it('guards a route by role before any resource is read', async () => {
    const request = (roles: readonly string[]) =>
      ({ actor: { ...caseworker, roles } }) as unknown as FastifyRequest;
    await expect(access.guard('referral.answer')(request(['caseworker']))).resolves.toBeUndefined();
    await expect(access.guard('referral.answer')(request(['helpline']))).rejects.toMatchObject({
      status: 403,
      code: 'role_not_allowed',
    });
  });
});

describe('service identities', () => {
  it('are named system:<name>, hold no role, and only their rights', () => {
    expect(router).toEqual({
      id: 'system:referral-router',
      name: 'referral-router',
      roles: [],
      rights: ['referral.propose'],
    });
    expect(access.can(router, 'referral.propose', { associationId: 'asso-75' })).toBe(true);
    expect(access.can(router, 'case.read', {})).toBe(false);
    expect(() => serviceActor('Referral Router', [])).toThrow();
  });

  it('cannot be claimed by a token', () => {
    const claims = { sub: 'system:referral-router', name: 'x', roles: ['admin'] };
    expect(Value.Check(ClaimsSchema, claims)).toBe(false);
    expect(Value.Check(ClaimsSchema, { ...claims, sub: 'dev-admin' })).toBe(true);
  });
});
