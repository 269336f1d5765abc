import { describe, it } from 'vitest';
import {
  at,
  caseworker,
  daysLater,
  event,
  facts,
  fileSpec,
  later,
  opened,
  refuses,
} from '../test-builders.ts';
import type { RecordSupportAction, SupportAction } from './actions.ts';

const action = (overrides: Partial<SupportAction> = {}): SupportAction => ({
  actionId: 'act-1',
  kind: 'legal-information',
  on: later(-1).toISOString(),
  durationMinutes: 45,
  channel: 'in-person',
  staffIds: ['cw-1'],
  note: facts().personal,
  ...overrides,
});
const record = (overrides: Partial<SupportAction> = {}): RecordSupportAction => ({
  type: 'RecordSupportAction',
  data: action(overrides),
  metadata: caseworker,
});

describe('support actions', () => {
  it('records an action with its encrypted note', () => {
    fileSpec
      .given([opened()])
      .when(record())
      .then([event('SupportActionRecorded', action())]);
  });

  it('records an action with nothing written, once', () => {
    fileSpec
      .given([opened()])
      .when(record({ note: null }))
      .then([event('SupportActionRecorded', action({ note: null }))]);
    fileSpec
      .given([opened(), event('SupportActionRecorded', action())])
      .when(record())
      .then([]);
  });

  it('refuses an action in the future, a duration out of range, nobody', () => {
    refuses(fileSpec.given([opened()]).when(record({ on: later(1).toISOString() })), 'action_date', 422);
    refuses(fileSpec.given([opened()]).when(record({ on: 'yesterday' })), 'action_date');
    for (const durationMinutes of [0, 601, 12.5])
      refuses(fileSpec.given([opened()]).when(record({ durationMinutes })), 'action_duration', 422);
    refuses(fileSpec.given([opened()]).when(record({ staffIds: [] })), 'action_staff', 422);
  });

  it('asks a compensation file for its scheme and an orientation for its target', () => {
    refuses(
      fileSpec.given([opened()]).when(record({ kind: 'compensation-file' })),
      'action_scheme_required',
      422,
    );
    refuses(
      fileSpec.given([opened()]).when(record({ kind: 'orientation' })),
      'action_orientation_required',
      422,
    );
    fileSpec
      .given([opened()])
      .when(record({ kind: 'orientation', orientedTo: 'lawyer', channel: 'home-visit' }))
      .then([
        event(
          'SupportActionRecorded',
          action({ kind: 'orientation', orientedTo: 'lawyer', channel: 'home-visit' }),
        ),
      ]);
  });

  it('ties an accompaniment to a hearing of the file', () => {
    const hearing = event('HearingScheduled', {
      hearingId: 'h-1',
      court: 'tj-paris',
      chamber: '10e',
      startsAt: at,
      accompanimentPlanned: true,
    });
    const accompaniment = { kind: 'hearing-accompaniment' as const, hearingId: 'h-1', durationMinutes: 180 };
    fileSpec
      .given([opened(), hearing])
      .when(record(accompaniment))
      .then([event('SupportActionRecorded', action(accompaniment))]);
    refuses(fileSpec.given([opened()]).when(record(accompaniment)), 'hearing_not_found', 422);
  });

  it('needs an open file', () => {
    const closed = event('FileClosed', { reason: 'support-completed', requestedBy: 'cw-1', openItems: [] });
    refuses(fileSpec.given([opened(), closed]).when(record()), 'file_closed', 409);
    refuses(
      fileSpec.given([]).when({ ...record(), data: action({ on: daysLater(-1).toISOString() }) }),
      'file_not_found',
      404,
    );
  });
});
