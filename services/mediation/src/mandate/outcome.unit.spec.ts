import { deciderSpec } from '@parcours/testing';
import { describe, expect, it } from 'vitest';
import {
  afterJoint,
  agreed,
  apology,
  at,
  by,
  commands,
  compensation,
  held,
  jointSlot,
  local,
  ordered,
  policy,
  readyForJoint,
  rejection,
  scheduled,
  signatures,
  signed,
  system,
  withParties,
} from '../test-builders.ts';
import type { MandateCommand, SignAgreement } from './commands.ts';
import { mandateDecider } from './decide.ts';
import type { MandateEvent } from './mandate.ts';
import type { Term } from './terms.ts';

const spec = deciderSpec(mandateDecider(policy));
const cmd = commands<MandateCommand>();

const terms = [compensation, apology];
const sign = (overrides: Partial<SignAgreement['data']> = {}) =>
  cmd('SignAgreement', { terms, signatures, ...overrides });

describe('the agreement', () => {
  it('is signed after a joint session both sides attended, by each of them', () => {
    spec.given(afterJoint).when(sign()).then([signed]);
  });

  it('is refused without such a session, or without every signature', () => {
    expect(rejection(spec.given(readyForJoint).when(sign()).events)).toMatchObject({
      code: 'joint_session_missing',
      status: 409,
    });
    const missedJoint = [
      ...readyForJoint,
      scheduled('s-j', 'joint', jointSlot),
      held('s-j', ['p-victim'], ['p-respondent', 'p-lawyer']),
    ];
    expect(rejection(spec.given(missedJoint).when(sign()).events)).toMatchObject({
      code: 'joint_session_missing',
    });
    expect(
      rejection(spec.given(afterJoint).when(sign({ signatures: signatures.slice(0, 1) })).events),
    ).toMatchObject({
      code: 'agreement_unsigned',
      status: 422,
    });
  });

  it.each([
    ['instalments that do not add up', { ...compensation, amountCents: 50_000 }, '/body/terms/0/instalments'],
    [
      'an amount in fractions of a cent',
      { ...compensation, amountCents: 450.5, instalments: [{ dueDate: '2026-04-30', amountCents: 450.5 }] },
      '/body/terms/0/amountCents',
    ],
    ['a due date before the signature', { ...apology, dueDate: '2026-03-01' }, '/body/terms/0/dueDate'],
    ['a term for someone outside the mediation', { ...apology, to: 'p-nobody' }, '/body/terms/0/to'],
    ['a compensation without instalments', { ...compensation, instalments: [] }, '/body/terms/0/instalments'],
  ])('refuses %s, naming the field', (_, term, field) => {
    const refused = rejection(spec.given(afterJoint).when(sign({ terms: [term as Term] })).events);
    expect(refused).toMatchObject({ code: 'invalid_terms', status: 422 });
    expect(refused.errors?.map((e) => e.field)).toContain(field);
  });
});

describe('the execution of each term', () => {
  const executed = (termId: string, instalment: number | undefined, executedOn: string): MandateEvent => ({
    type: 'TermExecuted',
    data: {
      mandateId: 'm-1',
      termId,
      ...(instalment === undefined ? {} : { instalment }),
      executedOn,
      by,
      at,
    },
  });
  const check = (termId: string, instalment: number | undefined, when: Date) =>
    cmd('CheckTermExecution', { termId, ...(instalment === undefined ? {} : { instalment }) }, system(when));

  it('records each instalment and term once; the last one settles the agreement as fulfilled', () => {
    const record = (termId: string, instalment?: number) =>
      cmd('RecordTermExecution', {
        termId,
        ...(instalment === undefined ? {} : { instalment }),
        executedOn: '2026-03-20',
      });
    spec
      .given(agreed)
      .when(record('t-pay', 1))
      .then([executed('t-pay', 1, '2026-03-20')]);
    spec
      .given([...agreed, executed('t-pay', 1, '2026-03-20')])
      .when(record('t-pay', 1))
      .then([]);
    spec
      .given([...agreed, executed('t-pay', 1, '2026-03-20'), executed('t-sorry', undefined, '2026-03-20')])
      .when(record('t-pay', 2))
      .then([
        executed('t-pay', 2, '2026-03-20'),
        { type: 'AgreementSettled', data: { mandateId: 'm-1', fulfilled: true, by, at } },
      ]);
    expect(rejection(spec.given(agreed).when(record('t-pay', 3)).events)).toMatchObject({
      code: 'term_not_found',
    });
    expect(rejection(spec.given(afterJoint).when(record('t-pay', 1)).events)).toMatchObject({
      code: 'mandate_status',
    });
  });

  it('reports an item still due once its day is over, not before, not when executed', () => {
    const dayAfter = local('2026-05-01', '00:00');
    spec
      .given(agreed)
      .when(check('t-pay', 1, dayAfter))
      .then([
        {
          type: 'TermNotExecuted',
          data: {
            mandateId: 'm-1',
            termId: 't-pay',
            instalment: 1,
            dueDate: '2026-04-30',
            by: 'system:mediation',
            at: dayAfter.toISOString(),
          },
        },
      ]);
    spec
      .given(agreed)
      .when(check('t-pay', 1, local('2026-04-30', '23:59')))
      .then([]);
    spec
      .given([...agreed, executed('t-pay', 1, '2026-04-29')])
      .when(check('t-pay', 1, dayAfter))
      .then([]);
  });

  it('settles as not fulfilled when the last item is reported unexecuted', () => {
    const late = local('2026-06-01', '00:00');
    const events = spec
      .given([...agreed, executed('t-pay', 1, '2026-04-29'), executed('t-sorry', undefined, '2026-03-20')])
      .when(check('t-pay', 2, late))
      .events();
    expect(events.map((e) => e.type)).toEqual(['TermNotExecuted', 'AgreementSettled']);
    expect(events[1]?.data).toMatchObject({ fulfilled: false });
  });
});

describe('returning the file to the prosecutor', () => {
  const returned = (reason: string, extra = {}): MandateEvent =>
    ({ type: 'MandateReturned', data: { mandateId: 'm-1', reason, ...extra, by, at } }) as MandateEvent;

  it('returns an open file with the reason, citing the rule when there is one; once', () => {
    spec
      .given(withParties)
      .when(cmd('ReturnMandate', { reason: 'no-agreement' }))
      .then([returned('no-agreement')]);
    spec
      .given(withParties)
      .when(cmd('ReturnMandate', { reason: 'victim-refused', partyId: 'p-victim' }))
      .then([returned('victim-refused', { partyId: 'p-victim', legalBasis: 'victimAgreement' })]);
    spec
      .given([...withParties, returned('no-agreement')])
      .when(cmd('ReturnMandate', { reason: 'no-shows' }))
      .then([]);
    expect(
      rejection(spec.given(agreed).when(cmd('ReturnMandate', { reason: 'no-shows' })).events),
    ).toMatchObject({
      code: 'mandate_status',
    });
  });

  it('returns a file still open after the prosecutor’s deadline', () => {
    const expire = (when: Date) => cmd('ExpireMandate', {}, system(when));
    const after = local('2026-07-01', '00:00');
    spec
      .given([ordered])
      .when(expire(after))
      .then([
        {
          type: 'MandateReturned',
          data: {
            mandateId: 'm-1',
            reason: 'deadline-passed',
            by: 'system:mediation',
            at: after.toISOString(),
          },
        },
      ]);
    spec
      .given([ordered])
      .when(expire(local('2026-06-30', '23:00')))
      .then([]);
    spec.given(agreed).when(expire(after)).then([]);
  });

  it('sends the report once the mediation is over, once', () => {
    const send = cmd('SendReport', { reportId: 'r-1' });
    const sent: MandateEvent = { type: 'ReportSent', data: { mandateId: 'm-1', reportId: 'r-1', by, at } };
    spec.given(agreed).when(send).then([sent]);
    spec
      .given([...withParties, returned('no-agreement')])
      .when(send)
      .then([sent]);
    spec
      .given([...agreed, sent])
      .when(send)
      .then([]);
    expect(
      rejection(spec.given([...agreed, sent]).when(cmd('SendReport', { reportId: 'r-2' })).events),
    ).toMatchObject({
      code: 'report_exists',
    });
    expect(rejection(spec.given(withParties).when(send).events)).toMatchObject({ code: 'mandate_status' });
  });
});
