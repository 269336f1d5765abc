import { buildAsyncApiDocument, createContractRegistry, mediationContracts } from '@parcours/contracts';
import { describe, expect, it } from 'vitest';
import { agreed, at, by, held, ordered, policy, scheduled, slot, withParties } from '../test-builders.ts';
import { evolveMandate } from './evolve.ts';
import { publicationsOf } from './integration.ts';
import { initialMandateState, type MandateEvent, type MandateRequest, summaryOf } from './mandate.ts';

/** Every publication of a history, each against the state after its event. */
function publish(history: MandateEvent[]) {
  let state = initialMandateState();
  return history.flatMap((event) => {
    state = evolveMandate(state, event);
    return publicationsOf(event, state, policy);
  });
}

const agreedHistory: MandateEvent[] = [
  ...agreed,
  { type: 'TermExecuted', data: { mandateId: 'm-1', termId: 't-sorry', executedOn: '2026-03-20', by, at } },
  {
    type: 'TermExecuted',
    data: { mandateId: 'm-1', termId: 't-pay', instalment: 1, executedOn: '2026-04-28', by, at },
  },
  {
    type: 'TermNotExecuted',
    data: { mandateId: 'm-1', termId: 't-pay', instalment: 2, dueDate: '2026-05-31', by, at },
  },
  { type: 'AgreementSettled', data: { mandateId: 'm-1', fulfilled: false, by, at } },
];

describe('integration events', () => {
  it('follow a mediation from its opening to its settled agreement, in counts', () => {
    const published = publish(agreedHistory);
    expect(published.map((p) => p.contract.type)).toEqual([
      'fr.parcours.mediation.opened.v1',
      'fr.parcours.mediation.session-held.v1',
      'fr.parcours.mediation.session-held.v1',
      'fr.parcours.mediation.session-held.v1',
      'fr.parcours.mediation.agreed.v1',
      'fr.parcours.mediation.term-not-executed.v1',
      'fr.parcours.mediation.settled.v1',
    ]);
    expect(published[4]?.data).toMatchObject({
      terms: { compensation: 1, apology: 1, restitution: 0, undertaking: 0 },
      compensationCents: 45_000,
      instalments: 2,
      lastDueDate: '2026-05-31',
      sessionsHeld: 3,
    });
    expect(published[5]?.data).toMatchObject({
      termKind: 'compensation',
      instalment: 2,
      dueDate: '2026-05-31',
    });
    expect(published[6]?.data).toMatchObject({ fulfilled: false, executed: 2, notExecuted: 1 });
  });

  it('tell why a file went back, with the rule and the counts', () => {
    const history: MandateEvent[] = [
      ...withParties,
      scheduled('s-1', 'individual', slot('2026-03-10', '10:00', '11:00', { 'p-respondent': '10:00' })),
      held('s-1', [], ['p-respondent']),
      {
        type: 'MandateReturned',
        data: { mandateId: 'm-1', reason: 'victim-refused', legalBasis: 'victimAgreement', by, at },
      },
    ];
    expect(publish(history).at(-1)?.data).toEqual({
      mandateId: 'm-1',
      associationId: 'asso-75',
      officeId: 'office-75-bav',
      court: 'tj-paris',
      reason: 'victim-refused',
      legalBasis: 'victimAgreement',
      sessionsHeld: 1,
      noShows: 1,
      at,
    });
  });

  it('are keyed by the case when the mandate came from a file, else by the mandate', () => {
    const fromFile: MandateEvent = {
      type: 'MandateRequested',
      data: {
        mandateId: 'm-2',
        requestId: 'req-1',
        caseId: 'case-9',
        fileId: 'file-9',
        associationId: 'asso-75',
        officeId: 'office-75-bav',
        court: 'tj-paris',
        offenceCategory: 'couple-violence',
        by,
        at,
      },
    };
    const refused: MandateEvent = {
      type: 'MandateRefused',
      data: {
        mandateId: 'm-2',
        summary: summaryOf(fromFile.data as MandateRequest),
        reason: 'couple-violence',
        legalBasis: 'coupleViolence',
        by,
        at,
      },
    };
    const published = publish([fromFile, refused]);
    expect(published.map((p) => p.subject)).toEqual(['case-9', 'case-9']);
    expect(publish([ordered])[0]?.subject).toBe('m-1');
  });

  it('match their contracts strictly, and carry nothing personal', () => {
    const all = [
      ...publish(agreedHistory),
      ...publish([
        ordered,
        { type: 'MandateReturned', data: { mandateId: 'm-1', reason: 'no-shows', by, at } },
      ]),
    ];
    for (const { contract, data } of all) expect(contract.validate(data), contract.type).toEqual([]);
    const text = JSON.stringify(all.map((p) => p.data));
    for (const secret of [
      'aes-256-gcm',
      'subject-p-',
      'c2VjcmV0',
      'p-victim',
      'p-respondent',
      'med-1',
      'room-1',
    ])
      expect(text).not.toContain(secret);
  });

  it('form one registry and an AsyncAPI document on mediation.events.v1', () => {
    const registry = createContractRegistry(mediationContracts);
    expect(registry.all()).toHaveLength(8);
    const document = buildAsyncApiDocument(registry) as { channels: Record<string, { address: string }> };
    expect(Object.values(document.channels).map((channel) => channel.address)).toEqual([
      'mediation.events.v1',
    ]);
  });
});
