import { DomainError } from '@parcours/service-kit';
import { deciderSpec } from '@parcours/testing';
import { describe, expect, it } from 'vitest';
import { at, listener } from '../intake/test-builders.ts';
import { type MassEventFacts, massEventDecider, summaryOf } from './mass-event.ts';

const spec = deciderSpec(massEventDecider);
const facts: MassEventFacts = {
  massEventId: 'me-1',
  name: 'Accident de car A7',
  kind: 'collective-accident',
  occurredOn: '2025-06-01',
  communeCode: '26198',
  offenceCategory: 'road-accident',
};

describe('mass-casualty event', () => {
  it('is recorded with its actor', () => {
    spec
      .given([])
      .when({ type: 'RecordMassEvent', data: facts, metadata: listener })
      .then([{ type: 'MassEventRecorded', data: { ...facts, by: 'listener-1', at } }]);
  });

  it('cannot be recorded twice nor in the future', () => {
    spec
      .given([{ type: 'MassEventRecorded', data: { ...facts, by: 'x', at } }])
      .when({ type: 'RecordMassEvent', data: facts, metadata: listener })
      .thenThrows(DomainError);
    spec
      .given([])
      .when({ type: 'RecordMassEvent', data: { ...facts, occurredOn: '2025-06-03' }, metadata: listener })
      .thenThrows(/future/);
  });

  it('closes once; the summary tells the intake decider its status', () => {
    const recorded = { type: 'MassEventRecorded' as const, data: { ...facts, by: 'x', at } };
    spec
      .given([recorded])
      .when({ type: 'CloseMassEvent', data: {}, metadata: listener })
      .then([{ type: 'MassEventClosed', data: { massEventId: 'me-1', by: 'listener-1', at } }]);
    const closed = [
      recorded,
      { type: 'MassEventClosed' as const, data: { massEventId: 'me-1', by: 'x', at } },
    ];
    spec.given(closed).when({ type: 'CloseMassEvent', data: {}, metadata: listener }).then([]);
    expect(summaryOf(closed.reduce(massEventDecider.evolve, massEventDecider.initialState()))).toEqual({
      massEventId: 'me-1',
      status: 'closed',
    });
    expect(summaryOf({ status: 'none' })).toBeUndefined();
  });

  it('starts an import of its victim list only while it is open', () => {
    const recorded = { type: 'MassEventRecorded' as const, data: { ...facts, by: 'x', at } };
    const start = { type: 'StartImport' as const, data: { importId: 'imp-1' }, metadata: listener };
    spec
      .given([recorded])
      .when(start)
      .then([
        {
          type: 'MassEventImportStarted',
          data: { massEventId: 'me-1', importId: 'imp-1', by: 'listener-1', at },
        },
      ]);
    const closed = { type: 'MassEventClosed' as const, data: { massEventId: 'me-1', by: 'x', at } };
    spec
      .given([recorded, closed])
      .when(start)
      .thenThrows(/closed/);
    spec
      .given([])
      .when(start)
      .thenThrows(/No such/);
  });
});
