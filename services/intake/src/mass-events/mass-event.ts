import type { Decider, Event } from '@parcours/eventstore';
import { type CommandMetadata, conflict, unprocessable } from '@parcours/service-kit';
import type { MassEventSummary } from '../intake/decide.ts';
import type { OffenceCategory } from '../intake/intake.ts';

export const MassEventKinds = [
  'terrorist-attack',
  'collective-accident',
  'natural-disaster',
  'other',
] as const;
export type MassEventKind = (typeof MassEventKinds)[number];

export interface MassEventFacts {
  massEventId: string;
  name: string;
  kind: MassEventKind;
  occurredOn: string;
  communeCode: string | null;
  /** The category every victim of the list gets unless the row says otherwise. */
  offenceCategory: OffenceCategory;
}

export type MassEventRecorded = Event<'MassEventRecorded', MassEventFacts & { by: string; at: string }>;
export type MassEventClosed = Event<'MassEventClosed', { massEventId: string; by: string; at: string }>;
/** A victim list's import began: each of its rows then records an intake of its own. */
export type MassEventImportStarted = Event<
  'MassEventImportStarted',
  { massEventId: string; importId: string; by: string; at: string }
>;
export type MassEventEvent = MassEventRecorded | MassEventClosed | MassEventImportStarted;

export type MassEventState =
  | { status: 'none' }
  | { status: 'open'; event: MassEventFacts }
  | { status: 'closed'; event: MassEventFacts };

export type RecordMassEvent = { type: 'RecordMassEvent'; data: MassEventFacts; metadata: CommandMetadata };
export type CloseMassEvent = {
  type: 'CloseMassEvent';
  data: Record<string, never>;
  metadata: CommandMetadata;
};
export type StartImport = { type: 'StartImport'; data: { importId: string }; metadata: CommandMetadata };
export type MassEventCommand = RecordMassEvent | CloseMassEvent | StartImport;

export const massEventStreamId = (id: string) => `mass-event-${id}`;

export function evolve(state: MassEventState, event: MassEventEvent): MassEventState {
  switch (event.type) {
    case 'MassEventRecorded': {
      const { by: _by, at: _at, ...facts } = event.data;
      return { status: 'open', event: facts };
    }
    case 'MassEventClosed':
      return state.status === 'none' ? state : { status: 'closed', event: state.event };
    case 'MassEventImportStarted':
      return state;
  }
}

export function decide(command: MassEventCommand, state: MassEventState): MassEventEvent[] {
  const by = command.metadata.actor.id;
  const at = command.metadata.now.toISOString();
  switch (command.type) {
    case 'RecordMassEvent':
      if (state.status !== 'none') {
        throw conflict('mass_event_exists', 'This event is already recorded');
      }
      if (command.data.occurredOn > at.slice(0, 10)) {
        throw unprocessable('mass_event_in_future', 'A mass-casualty event cannot be in the future', {
          errors: [{ field: '/body/occurredOn', message: 'is in the future' }],
        });
      }
      return [{ type: 'MassEventRecorded', data: { ...command.data, by, at } }];
    case 'CloseMassEvent':
      if (state.status === 'none') throw unprocessable('unknown_mass_event');
      if (state.status === 'closed') return [];
      return [{ type: 'MassEventClosed', data: { massEventId: state.event.massEventId, by, at } }];
    case 'StartImport':
      if (state.status === 'none') throw unprocessable('unknown_mass_event', 'No such mass-casualty event');
      if (state.status === 'closed')
        throw unprocessable('mass_event_closed', 'The mass-casualty event is closed');
      return [
        {
          type: 'MassEventImportStarted',
          data: { massEventId: state.event.massEventId, importId: command.data.importId, by, at },
        },
      ];
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const massEventDecider: Decider<MassEventCommand, MassEventEvent, MassEventState> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};

/** What the intake decider needs to know of the event (passed in as a value). */
export const summaryOf = (state: MassEventState): MassEventSummary | undefined =>
  state.status === 'none' ? undefined : { massEventId: state.event.massEventId, status: state.status };
