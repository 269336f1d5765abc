import type { Decider } from '@parcours/eventstore';
import type { FieldError } from '@parcours/service-kit';
import { addYears, isEmptyRange, type LocalDate } from '../calendar/time.ts';
import type { WeeklyWindow } from '../calendar/weekly.ts';
import type { Cmd } from '../command.ts';
import { MediationErrors } from '../errors.ts';
import { authorisationYears } from '../legal.ts';
import type { MediationPolicy } from '../policy.ts';
import { pastAgeLimit } from './eligibility.ts';
import {
  type AvailabilityException,
  evolveMediator,
  initialMediatorState,
  type Mediator,
  type MediatorEvent,
  type MediatorState,
} from './mediator.ts';

export type RegisterMediator = Cmd<
  'RegisterMediator',
  { mediatorId: string; associationId: string; birthDate: LocalDate; name?: string }
>;
export type NameMediator = Cmd<'NameMediator', { name: string }>;
/** The prosecutor's decision as the association records it; the decider sets its kind and end. */
export type AuthoriseMediator = Cmd<
  'AuthoriseMediator',
  { authorisationId: string; court: string; from: LocalDate; minors: boolean; decisionReference: string }
>;
export type WithdrawAuthorisation = Cmd<
  'WithdrawAuthorisation',
  { authorisationId: string; on: LocalDate; reason: string }
>;
export type SetWeeklyAvailability = Cmd<'SetWeeklyAvailability', { windows: WeeklyWindow[] }>;
export type AddAvailabilityException = Cmd<'AddAvailabilityException', AvailabilityException>;
export type RemoveAvailabilityException = Cmd<'RemoveAvailabilityException', { exceptionId: string }>;

export type MediatorCommand =
  | RegisterMediator
  | NameMediator
  | AuthoriseMediator
  | WithdrawAuthorisation
  | SetWeeklyAvailability
  | AddAvailabilityException
  | RemoveAvailabilityException;

const timeOfDay = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

function windowErrors(windows: readonly WeeklyWindow[]): FieldError[] {
  return windows.flatMap((window, index) =>
    Number.isInteger(window.weekday) &&
    window.weekday >= 1 &&
    window.weekday <= 7 &&
    timeOfDay.test(window.from) &&
    timeOfDay.test(window.to) &&
    window.from < window.to
      ? []
      : [{ field: `/body/windows/${index}`, message: 'weekday 1-7 and from < to, as HH:MM' }],
  );
}

function registered(state: MediatorState): Mediator {
  if (state.status === 'none') throw MediationErrors.notFound('mediator');
  return state.mediator;
}

function authorise(mediator: Mediator, command: AuthoriseMediator, policy: MediationPolicy): MediatorEvent[] {
  const { authorisationId, court, from, minors, decisionReference } = command.data;
  const existing = mediator.authorisations.find((a) => a.authorisationId === authorisationId);
  if (existing) {
    const same = existing.court === court && existing.from === from && existing.minors === minors;
    if (same) return [];
    throw MediationErrors.exists('authorisation');
  }
  if (pastAgeLimit(mediator.birthDate, from, policy))
    throw MediationErrors.invalid('mediator_age_limit', 'The mediator has reached the age limit', [
      { field: '/body/from', message: 'mediator_age_limit' },
    ]);
  const kind = mediator.authorisations.some((a) => a.court === court) ? 'full' : 'probationary';
  const until = addYears(from, authorisationYears[kind]);
  return [
    {
      type: 'MediatorAuthorised',
      data: {
        mediatorId: mediator.mediatorId,
        authorisation: { authorisationId, court, kind, from, until, minors, decisionReference },
        by: command.metadata.actor.id,
        at: command.metadata.now.toISOString(),
      },
    },
  ];
}

export function decideMediator(
  command: MediatorCommand,
  state: MediatorState,
  policy: MediationPolicy,
): MediatorEvent[] {
  const by = command.metadata.actor.id;
  const at = command.metadata.now.toISOString();
  switch (command.type) {
    case 'RegisterMediator': {
      if (state.status === 'registered') {
        const { associationId, birthDate } = state.mediator;
        if (associationId === command.data.associationId && birthDate === command.data.birthDate) return [];
        throw MediationErrors.exists('mediator');
      }
      return [{ type: 'MediatorRegistered', data: { ...command.data, by, at } }];
    }
    case 'NameMediator': {
      const mediator = registered(state);
      if (mediator.name === command.data.name) return [];
      return [{ type: 'MediatorNamed', data: { mediatorId: mediator.mediatorId, ...command.data, by, at } }];
    }
    case 'AuthoriseMediator':
      return authorise(registered(state), command, policy);
    case 'WithdrawAuthorisation': {
      const mediator = registered(state);
      const authorisation = mediator.authorisations.find(
        (a) => a.authorisationId === command.data.authorisationId,
      );
      if (!authorisation) throw MediationErrors.notFound('authorisation');
      if (authorisation.withdrawnOn !== undefined) return [];
      return [
        {
          type: 'AuthorisationWithdrawn',
          data: { mediatorId: mediator.mediatorId, ...command.data, by, at },
        },
      ];
    }
    case 'SetWeeklyAvailability': {
      const mediator = registered(state);
      const errors = windowErrors(command.data.windows);
      if (errors.length > 0)
        throw MediationErrors.invalid('invalid_window', 'A weekly window is invalid', errors);
      return [
        {
          type: 'WeeklyAvailabilitySet',
          data: { mediatorId: mediator.mediatorId, windows: command.data.windows, by, at },
        },
      ];
    }
    case 'AddAvailabilityException': {
      const mediator = registered(state);
      const exception = command.data;
      const existing = mediator.exceptions.find((e) => e.exceptionId === exception.exceptionId);
      if (existing) return [];
      if (isEmptyRange(exception))
        throw MediationErrors.invalid('invalid_range', 'The exception ends before it starts', [
          { field: '/body/end', message: 'invalid_range' },
        ]);
      return [
        { type: 'AvailabilityExceptionAdded', data: { mediatorId: mediator.mediatorId, exception, by, at } },
      ];
    }
    case 'RemoveAvailabilityException': {
      const mediator = registered(state);
      if (!mediator.exceptions.some((e) => e.exceptionId === command.data.exceptionId)) return [];
      return [
        {
          type: 'AvailabilityExceptionRemoved',
          data: { mediatorId: mediator.mediatorId, exceptionId: command.data.exceptionId, by, at },
        },
      ];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** The mediator's decider, with the association's policy (the age limit). */
export const mediatorDecider = (
  policy: MediationPolicy,
): Decider<MediatorCommand, MediatorEvent, MediatorState> => ({
  initialState: initialMediatorState,
  evolve: evolveMediator,
  decide: (command, state) => decideMediator(command, state, policy),
});
