import { DomainError } from '@parcours/service-kit';
import { deciderSpec } from '@parcours/testing';
import { describe, expect, it } from 'vitest';
import { at, listener } from '../intake/test-builders.ts';
import { type CallbackEvent, callbackDecider } from './callback.ts';

const spec = deciderSpec(callbackDecider);
const requested = (overrides: Partial<Extract<CallbackEvent, { type: 'CallbackRequested' }>['data']> = {}) =>
  ({
    type: 'CallbackRequested',
    data: {
      taskId: 't-1',
      source: 'voicemail',
      intakeId: null,
      urgency: 'high',
      dueAt: '2025-06-02T10:30:00.000Z',
      contact: null,
      requestedBy: 'listener-1',
      requestedAt: at,
      ...overrides,
    },
  }) as const satisfies CallbackEvent;

describe('callback tasks', () => {
  it('a voicemail becomes a task due according to its urgency', () => {
    spec
      .given([])
      .when({
        type: 'RequestCallback',
        data: { taskId: 't-1', source: 'voicemail', urgency: 'high', contact: null },
        metadata: listener,
      })
      .then([requested()]);
  });

  it('keeps an explicit due time', () => {
    spec
      .given([])
      .when({
        type: 'RequestCallback',
        data: {
          taskId: 't-1',
          source: 'email',
          urgency: 'low',
          dueAt: '2025-06-03T08:00:00.000Z',
          contact: null,
          intakeId: 'intake-1',
        },
        metadata: listener,
      })
      .then([
        requested({
          source: 'email',
          urgency: 'low',
          dueAt: '2025-06-03T08:00:00.000Z',
          intakeId: 'intake-1',
        }),
      ]);
  });

  it('an immediate callback is due within 15 minutes', () => {
    const [event] = spec
      .given([])
      .when({
        type: 'RequestCallback',
        data: { taskId: 't-1', source: 'missed-call', urgency: 'immediate', contact: null },
        metadata: listener,
      })
      .events();
    expect(event?.type === 'CallbackRequested' && event.data.dueAt).toBe('2025-06-02T09:45:00.000Z');
  });

  it('completing is recorded with its actor and outcome, once', () => {
    spec
      .given([requested()])
      .when({ type: 'CompleteCallback', data: { outcome: 'reached' }, metadata: listener })
      .then([
        { type: 'CallbackCompleted', data: { taskId: 't-1', outcome: 'reached', by: 'listener-1', at } },
      ]);
    spec
      .given([
        requested(),
        { type: 'CallbackCompleted', data: { taskId: 't-1', outcome: 'reached', by: 'x', at } },
      ])
      .when({ type: 'CompleteCallback', data: { outcome: 'reached' }, metadata: listener })
      .thenThrows(DomainError);
  });

  it('refuses to complete an unknown task or to request one twice', () => {
    spec
      .given([])
      .when({ type: 'CompleteCallback', data: { outcome: 'unreachable' }, metadata: listener })
      .thenThrows(/No such callback/);
    spec
      .given([requested()])
      .when({
        type: 'RequestCallback',
        data: { taskId: 't-1', source: 'voicemail', urgency: 'high', contact: null },
        metadata: listener,
      })
      .thenThrows(/exists/);
  });
});
