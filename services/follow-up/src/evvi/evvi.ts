import {
  AuthorLinks,
  EvviLevels,
  EvviRequesters,
  isCoupleLink,
  ProtectiveMeasures,
} from '@parcours/contracts';
import type { Event } from '@parcours/eventstore';
import type { Cmd, Day, Envelope, Stamp } from '../command.ts';
import { stampOf } from '../command.ts';
import { FileErrors } from '../file/errors.ts';
import type { ActiveFile } from '../file/file.ts';
import { isDay } from '../time.ts';

/**
 * The in-depth victim vulnerability assessment (EVVI): requested by a requisition's flag, or later by
 * a prosecutor or an investigating judge, with a due date; submitted as versions, a new one when
 * new facts appear (every version is kept).
 */
export const HarmSeverities = ['none', 'minor', 'serious', 'very-serious'] as const;

type Severity = (typeof HarmSeverities)[number];
export interface EvviCriteria {
  harm: { physical: Severity; psychological: Severity; material: Severity };
  circumstances: {
    discriminatoryMotive: boolean;
    sexistMotive: boolean;
    linkWithAuthor: (typeof AuthorLinks)[number];
  };
  personal: { minor: boolean; elderly: boolean; pregnancy: boolean; disability: boolean };
  riskOfIntimidationOrReprisals: boolean;
  coerciveControl: boolean;
}
export interface EvviRequest {
  requestId: string;
  requestedBy: (typeof EvviRequesters)[number];
  dueOn: Day;
  /** The court's reference for the request (a prosecutor's or judge's number, not personal data). */
  reference?: string;
}
export interface EvviAssessment {
  version: number;
  requestId: string;
  criteria: EvviCriteria;
  level: (typeof EvviLevels)[number];
  measures: (typeof ProtectiveMeasures)[number][];
  /** The association's opinion for the prosecutor, encrypted for the victim outside decide. */
  opinion: Envelope;
  /** From version 2: the new facts that called for it, encrypted likewise. */
  newFacts?: Envelope;
}

export type EvviRequested = Event<'EvviRequested', EvviRequest & Stamp>;
export type EvviSubmitted = Event<'EvviSubmitted', EvviAssessment & Stamp>;
export type EvviEvent = EvviRequested | EvviSubmitted;

export interface EvviState {
  requests: (EvviRequest & { answeredBy?: number })[];
  versions: (EvviAssessment & Stamp)[];
}
export const initialEvvi = (): EvviState => ({ requests: [], versions: [] });

export function evolveEvvi(state: EvviState, event: EvviEvent): EvviState {
  switch (event.type) {
    case 'EvviRequested': {
      const { by: _by, at: _at, ...request } = event.data;
      return { ...state, requests: [...state.requests, request] };
    }
    case 'EvviSubmitted':
      return {
        requests: state.requests.map((r) =>
          r.requestId === event.data.requestId && r.answeredBy === undefined
            ? { ...r, answeredBy: event.data.version }
            : r,
        ),
        versions: [...state.versions, event.data],
      };
  }
}

/** Requests not yet answered by a version: each holds a due date. */
export const pendingEvviRequests = (state: EvviState) =>
  state.requests.filter((r) => r.answeredBy === undefined);
export const latestEvvi = (state: EvviState) => state.versions.at(-1);

export type RequestEvvi = Cmd<'RequestEvvi', EvviRequest>;
export type SubmitEvvi = Cmd<
  'SubmitEvvi',
  Omit<EvviAssessment, 'version' | 'requestId'> & { requestId?: string }
>;
export type EvviCommand = RequestEvvi | SubmitEvvi;

export function decideEvvi(command: EvviCommand, file: ActiveFile): EvviEvent[] {
  const state = file.evvi;
  const stamp = stampOf(command.metadata);
  switch (command.type) {
    case 'RequestEvvi': {
      const existing = state.requests.find((r) => r.requestId === command.data.requestId);
      if (existing) return [];
      if (!isDay(command.data.dueOn)) throw FileErrors.invalid('invalid_date', 'Dates are YYYY-MM-DD');
      return [{ type: 'EvviRequested', data: { ...command.data, ...stamp } }];
    }
    case 'SubmitEvvi': {
      const { requestId, ...assessment } = command.data;
      const pending = pendingEvviRequests(state);
      // A version answers the request it names, else the oldest pending one, else the last one answered.
      const request = requestId
        ? state.requests.find((r) => r.requestId === requestId)
        : (pending[0] ?? state.requests.at(-1));
      if (!request)
        throw FileErrors.conflict('evvi_not_requested', 'An EVVI is made at a judicial authority’s request');
      const version = state.versions.length + 1;
      if (version > 1 && request.answeredBy !== undefined && !assessment.newFacts)
        throw FileErrors.invalid(
          'evvi_new_facts_required',
          'A new version says which new facts called for it',
        );
      const { circumstances } = assessment.criteria;
      if (
        assessment.criteria.coerciveControl &&
        circumstances.linkWithAuthor !== 'partner' &&
        circumstances.linkWithAuthor !== 'former-partner'
      )
        throw FileErrors.invalid(
          'evvi_coercive_control',
          'Coercive control is assessed within a couple, current or former',
        );
      if (new Set(assessment.measures).size !== assessment.measures.length)
        throw FileErrors.invalid('evvi_measures', 'A measure is recommended once');
      return [
        { type: 'EvviSubmitted', data: { ...assessment, version, requestId: request.requestId, ...stamp } },
      ];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/**
 * Penal mediation is excluded within a couple, current or former: the offence category says so, or
 * the link with the author intake or the latest assessment recorded.
 */
export function withinCouple(file: ActiveFile): boolean {
  const { facts } = file.file;
  return (
    facts.offenceCategory === 'couple-violence' ||
    isCoupleLink(facts.authorLink) ||
    isCoupleLink(latestEvvi(file.evvi)?.criteria.circumstances.linkWithAuthor)
  );
}

export { AuthorLinks, EvviLevels, EvviRequesters, ProtectiveMeasures };
