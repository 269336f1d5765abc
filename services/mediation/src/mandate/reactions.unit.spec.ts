import { deciderSpec } from '@parcours/testing';
import { describe, expect, it } from 'vitest';
import {
  added,
  afterJoint,
  at,
  by,
  compensation,
  consented,
  held,
  local,
  mandateRequest,
  ordered,
  party,
  policy,
  scheduled,
  slot,
  system,
  victim,
  withParties,
} from '../test-builders.ts';
import type { MandateCommand } from './commands.ts';
import { mandateDecider } from './decide.ts';
import { evolveMandate } from './evolve.ts';
import { initialMandateState, type MandateEvent } from './mandate.ts';
import { onMediationRequested, type Reaction, react } from './reactions.ts';
import type { Term } from './terms.ts';

/** given(history).when(event).then(reactions): the state handed to `react` is the mandate after the event. */
const given = (history: MandateEvent[]) => ({
  when: (event: MandateEvent) => ({
    then: (expected: Reaction[]) =>
      expect(react(event, [...history, event].reduce(evolveMandate, initialMandateState()), policy)).toEqual(
        expected,
      ),
  }),
});
const returnFor = (reason: string, partyId: string): Reaction =>
  ({ mandateId: 'm-1', command: { type: 'ReturnMandate', data: { reason, partyId } } }) as Reaction;

const interview = (sessionId: string, partyId: string, day: string) =>
  scheduled(sessionId, 'individual', slot(day, '10:00', '11:00', { [partyId]: '10:00' }));

describe('a refusal returns the file', () => {
  it('when the victim refuses (CPP 41-1: the victim’s agreement)', () => {
    given(withParties)
      .when(consented('p-victim', 'refused'))
      .then([returnFor('victim-refused', 'p-victim')]);
  });

  it('when the respondent, or a minor respondent’s guardian, refuses', () => {
    given(withParties)
      .when(consented('p-respondent', 'refused'))
      .then([returnFor('respondent-refused', 'p-respondent')]);
    const minor = party('p-respondent', 'respondent', { minor: true });
    const guardian = party('p-father', 'legal-guardian', { actsFor: 'p-respondent' });
    given([ordered, added(victim), added(minor), added(guardian)])
      .when(consented('p-father', 'refused'))
      .then([returnFor('respondent-refused', 'p-father')]);
  });

  it('not when a party consents', () => {
    given(withParties).when(consented('p-victim')).then([]);
  });
});

describe('no-shows return the file', () => {
  const first = [
    ...withParties,
    interview('s-1', 'p-respondent', '2026-03-10'),
    interview('s-2', 'p-respondent', '2026-03-17'),
  ];

  it('at the second no-show of a party, not the first', () => {
    given(first)
      .when(held('s-1', [], ['p-respondent']))
      .then([]);
    given([...first, held('s-1', [], ['p-respondent'])])
      .when(held('s-2', [], ['p-respondent']))
      .then([returnFor('no-shows', 'p-respondent')]);
  });

  it('not for an excused absence, nor for a lawyer’s absences', () => {
    given([...first, held('s-1', [], ['p-respondent'])])
      .when(held('s-2', [], [], ['p-respondent']))
      .then([]);
    const withLawyer = [
      ...withParties,
      scheduled(
        's-1',
        'individual',
        slot('2026-03-10', '10:00', '11:00', { 'p-respondent': '10:00', 'p-lawyer': '10:00' }),
      ),
      scheduled(
        's-2',
        'individual',
        slot('2026-03-17', '10:00', '11:00', { 'p-respondent': '10:00', 'p-lawyer': '10:00' }),
      ),
      held('s-1', ['p-respondent'], ['p-lawyer']),
    ];
    given(withLawyer)
      .when(held('s-2', ['p-respondent'], ['p-lawyer']))
      .then([]);
  });

  it('after a configured number of no-shows', () => {
    const three = { ...policy, noShowsBeforeReturn: 3 };
    const history = [...first, held('s-1', [], ['p-respondent'])];
    const state = [...history, held('s-2', [], ['p-respondent'])].reduce(
      evolveMandate,
      initialMandateState(),
    );
    expect(react(held('s-2', [], ['p-respondent']), state, three)).toEqual([]);
  });

  it('and the return is decided once, even when two reactions ask for it', () => {
    const spec = deciderSpec(mandateDecider(policy));
    const returned: MandateEvent = {
      type: 'MandateReturned',
      data: { mandateId: 'm-1', reason: 'no-shows', partyId: 'p-respondent', by: 'system:mediation', at },
    };
    const command = {
      ...returnFor('victim-refused', 'p-victim').command,
      metadata: system(new Date(at)),
    } as never;
    spec
      .given([...withParties, returned])
      .when(command)
      .then([]);
  });
});

describe('two no-shows, through the decider and back', () => {
  it('record the second absence, react with a return, and return the file once', () => {
    const decider = mandateDecider(policy);
    const fold = (events: MandateEvent[]) => events.reduce(decider.evolve, decider.initialState());
    const history = [
      ...withParties,
      interview('s-1', 'p-respondent', '2026-03-10'),
      interview('s-2', 'p-respondent', '2026-03-17'),
      held('s-1', [], ['p-respondent']),
    ];
    const after = system(local('2026-03-17', '11:00'));
    const attendance = decider.decide(
      {
        type: 'RecordAttendance',
        data: { sessionId: 's-2', attendance: { present: [], absent: ['p-respondent'], excused: [] } },
        metadata: after,
      },
      fold(history),
    );
    const [reaction, ...none] = react(attendance[0]!, fold([...history, ...attendance]), policy);
    expect(none).toEqual([]);
    const returned = decider.decide(
      { ...reaction!.command, metadata: after } as MandateCommand,
      fold([...history, ...attendance]),
    );
    expect(returned).toEqual([
      {
        type: 'MandateReturned',
        data: {
          mandateId: 'm-1',
          reason: 'no-shows',
          partyId: 'p-respondent',
          by: 'system:mediation',
          at: after.now.toISOString(),
        },
      },
    ]);
    const again = decider.decide(
      { ...reaction!.command, metadata: after } as MandateCommand,
      fold([...history, ...attendance, ...returned]),
    );
    expect(again).toEqual([]);
  });
});

describe('what a returned or agreed file schedules and cancels', () => {
  it('cancels the sessions still planned when the file goes back', () => {
    const planned = [
      ...withParties,
      interview('s-1', 'p-victim', '2026-03-10'),
      interview('s-2', 'p-respondent', '2026-03-11'),
    ];
    given([...planned, held('s-1', ['p-victim'])])
      .when({ type: 'MandateReturned', data: { mandateId: 'm-1', reason: 'respondent-refused', by, at } })
      .then([
        {
          mandateId: 'm-1',
          command: { type: 'CancelSession', data: { sessionId: 's-2', reason: 'mandate-ended' } },
        },
      ]);
  });

  it('schedules the deadline check the day after the prosecutor’s deadline', () => {
    given([])
      .when(ordered)
      .then([
        {
          mandateId: 'm-1',
          command: { type: 'ExpireMandate', data: {} },
          at: local('2026-07-01', '00:00').toISOString(),
        },
      ]);
  });

  it('schedules a check of each term and instalment once its due date is over', () => {
    const signed: MandateEvent = {
      type: 'AgreementSigned',
      data: {
        mandateId: 'm-1',
        terms: [
          {
            ...compensation,
            amountCents: 30_000,
            instalments: [
              { dueDate: '2026-04-30', amountCents: 10_000 },
              { dueDate: '2026-10-31', amountCents: 20_000 },
            ],
          } as Term,
          { termId: 't-help', kind: 'undertaking', by: 'p-respondent', dueDate: '2026-05-15' },
        ],
        signatures: [],
        by,
        at,
      },
    };
    const check = (termId: string, instalment: number | undefined, day: string): Reaction => ({
      mandateId: 'm-1',
      command: { type: 'CheckTermExecution', data: { termId, ...(instalment ? { instalment } : {}) } },
      at: local(day, '00:00').toISOString(),
    });
    // The second instalment falls after the change back to winter time: midnight in Paris is 23:00 UTC.
    given(afterJoint)
      .when(signed)
      .then([
        check('t-pay', 1, '2026-05-01'),
        check('t-pay', 2, '2026-11-01'),
        check('t-help', undefined, '2026-05-16'),
      ]);
    expect(local('2026-11-01', '00:00').toISOString()).toBe('2026-10-31T23:00:00.000Z');
  });
});

describe('a mediation requested from a follow-up file', () => {
  it('opens a mandate awaiting the prosecutor under the id passed in', () => {
    const { mandateId: _unknownYet, ...request } = mandateRequest;
    expect(onMediationRequested(request, { mandateId: 'm-9' })).toEqual({
      mandateId: 'm-9',
      command: { type: 'RequestMandate', data: { ...request, mandateId: 'm-9' } },
    });
  });
});
