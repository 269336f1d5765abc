import type { Decider, EncryptedEnvelope, Event } from '@parcours/eventstore';
import { type CommandMetadata, conflict, notFound } from '@parcours/service-kit';
import type { Urgency } from '../intake/intake.ts';

export const CallbackSources = ['missed-call', 'voicemail', 'email', 'helpline-call'] as const;
export type CallbackSource = (typeof CallbackSources)[number];
export const CallbackOutcomes = ['reached', 'unreachable', 'cancelled'] as const;
export type CallbackOutcome = (typeof CallbackOutcomes)[number];

/** Queue order: the most urgent first, then the earliest due. */
export const urgencyRank: Record<Urgency, number> = { immediate: 0, high: 1, normal: 2, low: 3 };

/** How long the helpline has to call back when no due time is given. */
const defaultDelayMinutes: Record<Urgency, number> = { immediate: 15, high: 60, normal: 240, low: 1440 };

export type CallbackRequested = Event<
  'CallbackRequested',
  {
    taskId: string;
    source: CallbackSource;
    intakeId: string | null;
    urgency: Urgency;
    dueAt: string;
    /** The number or address to call back, encrypted for the caller's subject key. */
    contact: EncryptedEnvelope | null;
    requestedBy: string;
    requestedAt: string;
  }
>;
export type CallbackCompleted = Event<
  'CallbackCompleted',
  { taskId: string; outcome: CallbackOutcome; by: string; at: string }
>;
export type CallbackEvent = CallbackRequested | CallbackCompleted;

export type CallbackState =
  | { status: 'none' }
  | { status: 'open'; taskId: string; dueAt: string; urgency: Urgency }
  | { status: 'completed'; taskId: string; outcome: CallbackOutcome };

export type RequestCallback = {
  type: 'RequestCallback';
  data: {
    taskId: string;
    source: CallbackSource;
    intakeId?: string;
    urgency: Urgency;
    dueAt?: string;
    contact: EncryptedEnvelope | null;
  };
  metadata: CommandMetadata;
};
export type CompleteCallback = {
  type: 'CompleteCallback';
  data: { outcome: CallbackOutcome };
  metadata: CommandMetadata;
};
export type CallbackCommand = RequestCallback | CompleteCallback;

export const callbackStreamId = (taskId: string) => `callback-${taskId}`;
/** The data subject of the number to call back: erased with the intake the callback is for. */
export const callerSubject = (taskId: string) => `caller-${taskId}`;

export function evolve(_state: CallbackState, event: CallbackEvent): CallbackState {
  switch (event.type) {
    case 'CallbackRequested':
      return {
        status: 'open',
        taskId: event.data.taskId,
        dueAt: event.data.dueAt,
        urgency: event.data.urgency,
      };
    case 'CallbackCompleted':
      return { status: 'completed', taskId: event.data.taskId, outcome: event.data.outcome };
  }
}

export function decide(command: CallbackCommand, state: CallbackState): CallbackEvent[] {
  const { metadata } = command;
  switch (command.type) {
    case 'RequestCallback': {
      if (state.status !== 'none') {
        throw conflict('callback_already_requested', 'This callback task exists');
      }
      const { taskId, source, intakeId, urgency, contact } = command.data;
      const dueAt =
        command.data.dueAt ??
        new Date(metadata.now.getTime() + defaultDelayMinutes[urgency] * 60_000).toISOString();
      return [
        {
          type: 'CallbackRequested',
          data: {
            taskId,
            source,
            intakeId: intakeId ?? null,
            urgency,
            dueAt,
            contact,
            requestedBy: metadata.actor.id,
            requestedAt: metadata.now.toISOString(),
          },
        },
      ];
    }
    case 'CompleteCallback': {
      if (state.status === 'none') {
        throw notFound('callback_not_found', 'No such callback task');
      }
      if (state.status === 'completed') {
        throw conflict('callback_already_completed', 'This callback task is already completed');
      }
      return [
        {
          type: 'CallbackCompleted',
          data: {
            taskId: state.taskId,
            outcome: command.data.outcome,
            by: metadata.actor.id,
            at: metadata.now.toISOString(),
          },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const callbackDecider: Decider<CallbackCommand, CallbackEvent, CallbackState> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};
