import { followUpContracts } from '@parcours/contracts';
import { describe, expect, it } from 'vitest';
import { assessment } from '../evvi/test-builders.ts';
import { daysLater, event, lyon, opened } from '../test-builders.ts';
import { evolve, type FileEvent, initialState } from './file.ts';
import { integrationEventFor, type Mapped } from './integration.ts';

const secret = 'c2VjcmV0'; // the envelope's ciphertext in the builders
const story: FileEvent[] = [
  opened(),
  event('FileAssigned', { caseworkerId: 'cw-1', forced: true, openFiles: 31, capacity: 30 }, 'om-1'),
  event('SupportActionRecorded', {
    actionId: 'a-1',
    kind: 'legal-information',
    on: daysLater(-1).toISOString(),
    durationMinutes: 40,
    channel: 'phone',
    staffIds: ['cw-1', 'cw-2'],
    note: opened().data.facts.personal,
  }),
  event('ContactAttemptStarted', {
    attemptId: 'att-1',
    channel: 'phone',
    number: 'safe',
    localTime: '11:00',
    timeZone: 'Europe/Paris',
  }),
  event('ContactAttemptEnded', { attemptId: 'att-1', answered: false, voicemailLeft: false }),
  event('EvviRequested', {
    requestId: 'evvi-req-1',
    requestedBy: 'prosecutor',
    dueOn: '2025-05-30',
    reference: 'PARQUET-1',
  }),
  event('EvviSubmitted', assessment()),
  event('HearingScheduled', {
    hearingId: 'h-1',
    court: 'tj-paris',
    chamber: '10e',
    startsAt: daysLater(20).toISOString(),
    accompanimentPlanned: true,
  }),
  event('CompensationDeadlineTracked', { scheme: 'civi', closesOn: '2027-01-01', basis: [] }),
  event('CompensationClaimFiled', { scheme: 'civi', filedOn: '2025-06-01', late: false }),
  event('MediationRequested', {
    mediationRequestId: 'med-1',
    court: 'tj-paris',
    victimConsent: true,
    offenceCategory: 'physical-violence',
  }),
  event('ClosureRequested', {
    reason: 'other',
    details: 'moved abroad, sister in Lyon',
    openItems: ['hearing'],
  }),
  event('ClosureRefused', { comment: 'the hearing first' }, 'om-1'),
  event('FileFlaggedInactive', { since: daysLater(1).toISOString(), weeks: 6 }, 'system:follow-up'),
  event(
    'FileClosed',
    {
      reason: 'other',
      details: 'moved abroad, sister in Lyon',
      requestedBy: 'om-1',
      approvedBy: 'om-1',
      openItems: ['hearing'],
    },
    'om-1',
  ),
  event('FileReopened', { reason: 'new judgment' }),
  event('FileTransferred', { referralId: 'ref-2', to: lyon }, 'system:follow-up'),
];

function mapAll(): Mapped[] {
  let state = initialState();
  const mapped: Mapped[] = [];
  for (const e of story) {
    state = evolve(state, e);
    const integration = integrationEventFor(e, state);
    if (integration) mapped.push(integration);
  }
  return mapped;
}

describe('integration events', () => {
  it('match their contracts strictly (nothing undeclared leaves the service), every contract used', () => {
    const mapped = mapAll();
    for (const { contract, data } of mapped) expect(contract.validate(data), contract.type).toEqual([]);
    expect(new Set(mapped.map((m) => m.contract.type))).toEqual(
      new Set(followUpContracts.map((c) => c.type)),
    );
  });

  it('carry ids, places and counts, never personal data in clear; the mediation request alone carries the envelope', () => {
    const mapped = mapAll();
    const others = mapped.filter((m) => !m.contract.type.includes('mediation-requested'));
    const text = JSON.stringify(others.map((m) => m.data));
    for (const personal of [secret, 'moved abroad', 'the hearing first', 'PARQUET-1', 'new judgment', '10e'])
      expect(text).not.toContain(personal);
    const mediation = mapped.find((m) => m.contract.type.includes('mediation-requested'));
    expect(mediation?.data).toMatchObject({
      subjectId: 'victim-1',
      personal: { ct: secret },
      victimConsent: true,
    });
    expect(mapped.find((m) => m.contract.type.includes('support-action'))?.data).toMatchObject({
      staffCount: 2,
    });
    expect(mapped.find((m) => m.contract.type.includes('evvi-submitted'))?.data).toMatchObject({
      late: true,
      version: 1,
    });
  });

  it('tells a transfer as a closure with where the case went', () => {
    const closed = mapAll().filter((m) => m.contract.type.includes('file-closed'));
    expect(closed.map((m) => m.data)).toMatchObject([
      { reason: 'other', approved: true, openItems: ['hearing'] },
      {
        reason: 'transferred',
        approved: false,
        transferredTo: lyon,
        associationId: 'asso-75',
        officeId: 'office-75-bav',
      },
    ]);
  });
});
