import type { Event } from '@parcours/eventstore';
import type { LocalDate } from '../calendar/time.ts';
import type { WeeklyWindow } from '../calendar/weekly.ts';

/** The first authorisation for a court is probationary; the following ones are full (legal.ts). */
export type AuthorisationKind = 'probationary' | 'full';

/** A prosecutor's decision authorising the mediator at a court, for a span of dates. */
export interface Authorisation {
  authorisationId: string;
  /** The court whose prosecutor decided (its id in the directory of courts). */
  court: string;
  kind: AuthorisationKind;
  from: LocalDate;
  /** The first day it no longer holds. */
  until: LocalDate;
  /** The decision allows missions concerning minors. */
  minors: boolean;
  /** The prosecutor's reference for the decision. */
  decisionReference: string;
  withdrawnOn?: LocalDate;
}

/** An absence takes time out of the weekly pattern; an extra slot adds some. */
export interface AvailabilityException {
  exceptionId: string;
  kind: 'absence' | 'extra';
  start: string;
  end: string;
}

/**
 * What the mediation service keeps about a mediator: the name the calendars and reports show, no
 * contact (the association's staff directory keeps it); the birth date only for the age limit,
 * never published.
 */
export interface Mediator {
  mediatorId: string;
  associationId: string;
  /** As the association writes it (“Claire Martin”); absent for mediators registered before names. */
  name?: string;
  birthDate: LocalDate;
  authorisations: Authorisation[];
  weekly: WeeklyWindow[];
  exceptions: AvailabilityException[];
}

type Act<Type extends string, Data> = Event<Type, Data & { mediatorId: string; by: string; at: string }>;

export type MediatorRegistered = Act<
  'MediatorRegistered',
  { associationId: string; birthDate: LocalDate; name?: string }
>;
export type MediatorNamed = Act<'MediatorNamed', { name: string }>;
export type MediatorAuthorised = Act<'MediatorAuthorised', { authorisation: Authorisation }>;
export type AuthorisationWithdrawn = Act<
  'AuthorisationWithdrawn',
  { authorisationId: string; on: LocalDate; reason: string }
>;
export type WeeklyAvailabilitySet = Act<'WeeklyAvailabilitySet', { windows: WeeklyWindow[] }>;
export type AvailabilityExceptionAdded = Act<
  'AvailabilityExceptionAdded',
  { exception: AvailabilityException }
>;
export type AvailabilityExceptionRemoved = Act<'AvailabilityExceptionRemoved', { exceptionId: string }>;

export type MediatorEvent =
  | MediatorRegistered
  | MediatorNamed
  | MediatorAuthorised
  | AuthorisationWithdrawn
  | WeeklyAvailabilitySet
  | AvailabilityExceptionAdded
  | AvailabilityExceptionRemoved;

export type MediatorState = { status: 'none' } | { status: 'registered'; mediator: Mediator };

export const initialMediatorState = (): MediatorState => ({ status: 'none' });
export const mediatorStreamId = (mediatorId: string) => `mediator-${mediatorId}`;

export function evolveMediator(state: MediatorState, event: MediatorEvent): MediatorState {
  if (event.type === 'MediatorRegistered') {
    const { mediatorId, associationId, birthDate, name } = event.data;
    const mediator: Mediator = {
      mediatorId,
      associationId,
      birthDate,
      authorisations: [],
      weekly: [],
      exceptions: [],
    };
    if (name !== undefined) mediator.name = name;
    return { status: 'registered', mediator };
  }
  if (state.status === 'none') return state;
  const mediator = state.mediator;
  const next = (changes: Partial<Mediator>): MediatorState => ({
    status: 'registered',
    mediator: { ...mediator, ...changes },
  });
  switch (event.type) {
    case 'MediatorNamed':
      return next({ name: event.data.name });
    case 'MediatorAuthorised':
      return next({ authorisations: [...mediator.authorisations, event.data.authorisation] });
    case 'AuthorisationWithdrawn':
      return next({
        authorisations: mediator.authorisations.map((authorisation) =>
          authorisation.authorisationId === event.data.authorisationId
            ? { ...authorisation, withdrawnOn: event.data.on }
            : authorisation,
        ),
      });
    case 'WeeklyAvailabilitySet':
      return next({ weekly: event.data.windows });
    case 'AvailabilityExceptionAdded':
      return next({ exceptions: [...mediator.exceptions, event.data.exception] });
    case 'AvailabilityExceptionRemoved':
      return next({
        exceptions: mediator.exceptions.filter((e) => e.exceptionId !== event.data.exceptionId),
      });
  }
}
