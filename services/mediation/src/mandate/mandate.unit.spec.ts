import { deciderSpec } from '@parcours/testing';
import { describe, expect, it } from 'vitest';
import { legalReferences } from '../legal.ts';
import {
  added,
  at,
  by,
  commands,
  mandate,
  mandateRequest,
  mediator,
  ordered,
  party,
  policy,
  rejection,
  respondent,
  victim,
} from '../test-builders.ts';
import type { MandateCommand, OrderMandate } from './commands.ts';
import { mandateDecider } from './decide.ts';
import type { MandateEvent, MandateRequest } from './mandate.ts';

const spec = deciderSpec(mandateDecider(policy));
const cmd = commands<MandateCommand>();

const { origin: _origin, firstConvocationBy: _first, ...order } = mandate;
const orderMandate = (overrides: Partial<OrderMandate['data']> = {}) =>
  cmd('OrderMandate', { ...order, ...overrides });

const request = mandateRequest;
const requestMandate = (overrides: Partial<MandateRequest> = {}) =>
  cmd('RequestMandate', { ...request, ...overrides });
const requested: MandateEvent = { type: 'MandateRequested', data: { ...request, by, at } };
const summary = {
  mandateId: 'm-1',
  associationId: 'asso-75',
  officeId: 'office-75-bav',
  court: 'tj-paris',
  offenceCategory: 'couple-violence' as const,
};

describe('a mandate ordered by the prosecutor', () => {
  it('opens, with the first convocation due within the configured days of its opening', () => {
    spec.given([]).when(orderMandate()).then([ordered]);
    const later = deciderSpec(mandateDecider({ ...policy, firstConvocationWithinDays: 10 }));
    const [event] = later.given([]).when(orderMandate()).events();
    expect(event?.type === 'MandateOrdered' && event.data.mandate.firstConvocationBy).toBe('2026-03-12');
  });

  it('is recorded once: the same order again is a no-op, another one under its id a conflict', () => {
    spec.given([ordered]).when(orderMandate()).then([]);
    expect(
      rejection(spec.given([ordered]).when(orderMandate({ prosecutorReference: 'other' })).events),
    ).toMatchObject({
      code: 'mandate_exists',
      status: 409,
    });
  });

  it('refuses a deadline before the order', () => {
    expect(rejection(spec.given([]).when(orderMandate({ deadline: '2026-02-01' })).events)).toMatchObject({
      code: 'invalid_deadline',
      status: 422,
    });
  });

  it('is refused for violence within a couple, saying which rule bars it (CPP 41-1 since 2020)', () => {
    spec
      .given([])
      .when(orderMandate({ offence: { category: 'couple-violence' } }))
      .then([
        {
          type: 'MandateRefused',
          data: {
            mandateId: 'm-1',
            summary,
            reason: 'couple-violence',
            legalBasis: 'coupleViolence',
            by,
            at,
          },
        },
      ]);
    expect(legalReferences.coupleViolence).toMatchObject({
      code: 'CPP',
      article: '41-1, 5°',
      since: '2020-08-01',
    });
  });
});

describe('a mediation requested from a follow-up file', () => {
  it('waits for the prosecutor, then opens on the order with the prosecutor’s reference and deadline', () => {
    spec.given([]).when(requestMandate()).then([requested]);
    spec.given([requested]).when(requestMandate()).then([]);
    const decision = cmd('RecordProsecutorDecision', {
      decision: 'ordered',
      prosecutorReference: 'PR-26-0042',
      orderedOn: '2026-02-20',
      deadline: '2026-06-30',
      qualification: 'vol simple',
    });
    spec
      .given([requested])
      .when(decision)
      .then([
        {
          type: 'MandateOrdered',
          data: {
            mandate: {
              ...mandate,
              origin: 'follow-up',
              caseId: 'case-1',
              fileId: 'file-1',
              requestId: 'req-7',
              offence: { category: 'robbery-theft', qualification: 'vol simple' },
            },
            by,
            at,
          },
        },
      ]);
  });

  it('is refused when the prosecutor declines', () => {
    spec
      .given([requested])
      .when(cmd('RecordProsecutorDecision', { decision: 'declined' }))
      .then([
        {
          type: 'MandateRefused',
          data: {
            mandateId: 'm-1',
            summary: {
              ...summary,
              offenceCategory: 'robbery-theft',
              caseId: 'case-1',
              fileId: 'file-1',
              requestId: 'req-7',
            },
            reason: 'prosecutor-declined',
            by,
            at,
          },
        },
      ]);
  });

  it('is refused at once for violence within a couple, the request kept for the file to see', () => {
    const events = spec
      .given([])
      .when(requestMandate({ offenceCategory: 'couple-violence' }))
      .events();
    expect(events.map((e) => e.type)).toEqual(['MandateRequested', 'MandateRefused']);
    expect(events[1]?.data).toMatchObject({ reason: 'couple-violence', legalBasis: 'coupleViolence' });
  });

  it('has no decision to record unless it waits for one', () => {
    const decline = cmd('RecordProsecutorDecision', { decision: 'declined' });
    expect(rejection(spec.given([]).when(decline).events)).toMatchObject({
      code: 'mandate_not_found',
      status: 404,
    });
    expect(rejection(spec.given([ordered]).when(decline).events)).toMatchObject({
      code: 'mandate_status',
      status: 409,
    });
  });
});

describe('violence within a couple found out later', () => {
  const returned: MandateEvent = {
    type: 'MandateReturned',
    data: { mandateId: 'm-1', reason: 'couple-violence', legalBasis: 'coupleViolence', by, at },
  };

  it.each(['former-spouse', 'partner', 'former-civil-partner', 'cohabitant'] as const)(
    'returns the file when the respondent is the victim’s %s',
    (relationship) => {
      const exPartner = party('p-respondent', 'respondent', { relationship });
      spec
        .given([ordered, added(victim)])
        .when(cmd('AddParty', exPartner))
        .then([added(exPartner), returned]);
    },
  );

  it('returns the file when the relationship is corrected to a couple', () => {
    spec
      .given([ordered, added(victim), added(respondent)])
      .when(cmd('RecordRelationship', { partyId: 'p-respondent', relationship: 'former-partner' }))
      .then([
        {
          type: 'RelationshipRecorded',
          data: { mandateId: 'm-1', partyId: 'p-respondent', relationship: 'former-partner', by, at },
        },
        returned,
      ]);
  });
});

describe('assigning the mediator', () => {
  const assign = (overrides = {}) =>
    cmd('AssignMediator', { mediatorId: 'med-1', mediator: { ...mediator, ...overrides } });

  it('assigns a mediator authorised at the court today', () => {
    spec
      .given([ordered])
      .when(assign())
      .then([{ type: 'MediatorAssigned', data: { mandateId: 'm-1', mediatorId: 'med-1', by, at } }]);
  });

  it('refuses, listing why: another court, a lapsed authorisation, the age limit, another association', () => {
    const [authorisation] = mediator.authorisations;
    const lapsed = [{ ...authorisation!, from: '2024-09-01', until: '2025-09-01' }];
    const cases = [
      [{ authorisations: [{ ...authorisation!, court: 'tj-bobigny' }] }, ['authorisation_other_court']],
      [{ authorisations: lapsed }, ['authorisation_lapsed']],
      [{ authorisations: [{ ...authorisation!, withdrawnOn: '2026-01-15' }] }, ['authorisation_lapsed']],
      [{ birthDate: '1951-03-02' }, ['mediator_age_limit']],
      [{ associationId: 'asso-69' }, ['mediator_other_association']],
    ] as const;
    for (const [overrides, codes] of cases) {
      const refused = rejection(spec.given([ordered]).when(assign(overrides)).events);
      expect(refused).toMatchObject({ code: 'mediator_ineligible', status: 422 });
      expect(refused.errors?.map((e) => e.message)).toEqual(codes);
    }
  });

  it('needs the minors authorisation when a party is a minor', () => {
    const minor = party('p-victim', 'victim', { minor: true });
    const refused = rejection(spec.given([ordered, added(minor)]).when(assign()).events);
    expect(refused.errors?.map((e) => e.message)).toEqual(['not_authorised_for_minors']);
  });

  it('is for an open mandate only', () => {
    expect(rejection(spec.given([]).when(assign()).events)).toMatchObject({ code: 'mandate_not_found' });
    const refused: MandateEvent = {
      type: 'MandateRefused',
      data: { mandateId: 'm-1', summary, reason: 'couple-violence', by, at },
    };
    expect(rejection(spec.given([refused]).when(assign()).events)).toMatchObject({ code: 'mandate_status' });
  });
});
