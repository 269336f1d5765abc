import { describe, expect, it } from 'vitest';
import { caseworker, event, facts, fileSpec, opened, refuses, system } from '../test-builders.ts';
import type { EvviCommand, EvviRequest, SubmitEvvi } from './evvi.ts';
import { assessment, criteria } from './test-builders.ts';

const request: EvviRequest = {
  requestId: 'evvi-req-1',
  requestedBy: 'requisition',
  dueOn: '2025-06-20',
  reference: 'PARQUET-25-1234',
};
const requested = event('EvviRequested', request, 'system:follow-up');
const { version: _v, requestId: _r, ...content } = assessment();
const submit = (overrides: Partial<SubmitEvvi['data']> = {}): EvviCommand => ({
  type: 'SubmitEvvi',
  data: { ...content, ...overrides },
  metadata: caseworker,
});
const submitted = event('EvviSubmitted', assessment());

describe('EVVI', () => {
  it('is requested with its due date, once per request', () => {
    fileSpec
      .given([opened()])
      .when({ type: 'RequestEvvi', data: request, metadata: system })
      .then([requested]);
    fileSpec
      .given([opened(), requested])
      .when({ type: 'RequestEvvi', data: request, metadata: system })
      .then([]);
    refuses(
      fileSpec
        .given([opened()])
        .when({ type: 'RequestEvvi', data: { ...request, dueOn: '20/06/2025' }, metadata: caseworker }),
      'invalid_date',
      422,
    );
  });

  it('is submitted as version 1, answering the pending request', () => {
    fileSpec.given([opened(), requested]).when(submit()).then([submitted]);
  });

  it('is made only on a judicial authority’s request', () => {
    refuses(fileSpec.given([opened()]).when(submit()), 'evvi_not_requested', 409);
  });

  it('takes a new version when new facts appear, and keeps every version', () => {
    refuses(fileSpec.given([opened(), requested, submitted]).when(submit()), 'evvi_new_facts_required', 422);
    const v2 = submit({ level: 'high', newFacts: facts().personal });
    fileSpec
      .given([opened(), requested, submitted])
      .when(v2)
      .then([event('EvviSubmitted', assessment({ version: 2, level: 'high', newFacts: facts().personal }))]);
  });

  it('answers a later request (an investigating judge) without new facts', () => {
    const judge = event('EvviRequested', {
      requestId: 'evvi-req-2',
      requestedBy: 'investigating-judge',
      dueOn: '2025-09-01',
    });
    fileSpec
      .given([opened(), requested, submitted, judge])
      .when(submit())
      .then([event('EvviSubmitted', assessment({ version: 2, requestId: 'evvi-req-2' }))]);
  });

  it('assesses coercive control within a couple only, and each measure once', () => {
    refuses(
      fileSpec.given([opened(), requested]).when(
        submit({
          criteria: criteria({
            circumstances: { discriminatoryMotive: false, sexistMotive: false, linkWithAuthor: 'stranger' },
          }),
        }),
      ),
      'evvi_coercive_control',
      422,
    );
    refuses(
      fileSpec.given([opened(), requested]).when(submit({ measures: ['shelter', 'shelter'] })),
      'evvi_measures',
      422,
    );
    expect(
      fileSpec
        .given([opened(), requested])
        .when(
          submit({
            criteria: criteria({
              coerciveControl: false,
              circumstances: { discriminatoryMotive: true, sexistMotive: false, linkWithAuthor: 'stranger' },
            }),
          }),
        )
        .events(),
    ).toHaveLength(1);
  });
});
