import { deciderSpec } from '@parcours/testing';
import { describe, expect, it } from 'vitest';
import {
  added,
  at,
  by,
  commands,
  consented,
  lawyer,
  ordered,
  party,
  policy,
  rejection,
  respondent,
  victim,
  withParties,
} from '../test-builders.ts';
import type { MandateCommand } from './commands.ts';
import { mandateDecider } from './decide.ts';

const spec = deciderSpec(mandateDecider(policy));
const cmd = commands<MandateCommand>();
const consent = (partyId: string, decision: 'given' | 'refused' = 'given') =>
  cmd('RecordConsent', { partyId, decision, expressedAt: at, channel: 'in-person' });

describe('parties', () => {
  it('adds the victim, the respondent and those who act for them', () => {
    spec
      .given([ordered])
      .when(cmd('AddParty', victim))
      .then([added(victim)]);
    spec
      .given([ordered, added(respondent)])
      .when(cmd('AddParty', lawyer))
      .then([added(lawyer)]);
    const minor = party('p-victim', 'victim', { minor: true });
    const guardian = party('p-mother', 'legal-guardian', { actsFor: 'p-victim' });
    spec
      .given([ordered, added(minor)])
      .when(cmd('AddParty', guardian))
      .then([added(guardian)]);
    spec
      .given([ordered, added(victim)])
      .when(cmd('AddParty', victim))
      .then([]);
  });

  it.each([
    ['a lawyer acting for nobody', party('p-x', 'lawyer'), '/body/actsFor'],
    ['a lawyer acting for another lawyer', party('p-x', 'lawyer', { actsFor: 'p-lawyer' }), '/body/actsFor'],
    [
      'a legal guardian of an adult',
      party('p-x', 'legal-guardian', { actsFor: 'p-victim' }),
      '/body/actsFor',
    ],
    ['a minor lawyer', party('p-x', 'lawyer', { actsFor: 'p-victim', minor: true }), '/body/minor'],
    [
      'a respondent without a relationship',
      party('p-x', 'respondent', { relationship: undefined }),
      '/body/relationship',
    ],
    ['a victim acting for someone', party('p-x', 'victim', { actsFor: 'p-victim' }), '/body/actsFor'],
  ])('refuses %s', (_, p, field) => {
    const refused = rejection(spec.given(withParties).when(cmd('AddParty', p)).events);
    expect(refused).toMatchObject({ code: 'invalid_party', status: 422, errors: [{ field }] });
  });

  it('refuses another party under a taken id', () => {
    expect(
      rejection(spec.given(withParties).when(cmd('AddParty', party('p-victim', 'respondent'))).events),
    ).toMatchObject({ code: 'party_exists', status: 409 });
  });
});

describe('consent', () => {
  it('records each party’s consent with when and how it was expressed, and who recorded it', () => {
    spec
      .given(withParties)
      .when(consent('p-victim'))
      .then([consented('p-victim')]);
    spec
      .given(withParties)
      .when(consent('p-respondent', 'refused'))
      .then([consented('p-respondent', 'refused')]);
  });

  it('records the same answer once; a change of mind is recorded', () => {
    spec
      .given([...withParties, consented('p-victim')])
      .when(consent('p-victim'))
      .then([]);
    spec
      .given([...withParties, consented('p-victim')])
      .when(consent('p-victim', 'refused'))
      .then([consented('p-victim', 'refused')]);
  });

  it('asks a minor’s legal guardians too, never a lawyer', () => {
    const minor = party('p-victim', 'victim', { minor: true });
    const guardian = party('p-mother', 'legal-guardian', { actsFor: 'p-victim' });
    spec
      .given([ordered, added(minor), added(guardian)])
      .when(consent('p-mother'))
      .then([consented('p-mother')]);
    expect(rejection(spec.given(withParties).when(consent('p-lawyer')).events)).toMatchObject({
      code: 'consent_not_needed',
      status: 422,
    });
    expect(rejection(spec.given(withParties).when(consent('p-nobody')).events)).toMatchObject({
      code: 'party_not_found',
      status: 404,
    });
  });

  it('is closed once the file went back to the prosecutor', () => {
    const returned = {
      type: 'MandateReturned' as const,
      data: { mandateId: 'm-1', reason: 'respondent-refused' as const, partyId: 'p-respondent', by, at },
    };
    expect(rejection(spec.given([...withParties, returned]).when(consent('p-victim')).events)).toMatchObject({
      code: 'mandate_status',
      status: 409,
    });
  });
});
