import type { Event } from '@parcours/eventstore';
import type { Cmd, Stamp } from '../command.ts';
import { stampOf } from '../command.ts';
import { FileErrors } from '../file/errors.ts';
import type { ActiveFile } from '../file/file.ts';
import {
  allowedNumber,
  type ContactChannel,
  type ContactNumber,
  type EndedAttempt,
  mayCallNow,
  type SafeContactRules,
  windowProblems,
} from './safe-contact.ts';

/**
 * Reaching out safely. An attempt is started when the caseworker dials (the rules are checked at
 * that moment, with the command's clock) and ended with what happened (answered, voicemail left).
 */
export type SafeContactSet = Event<'SafeContactSet', { rules: SafeContactRules; timeZone: string } & Stamp>;
export type ContactAttemptStarted = Event<
  'ContactAttemptStarted',
  {
    attemptId: string;
    channel: ContactChannel;
    number: ContactNumber;
    localTime: string;
    timeZone: string;
  } & Stamp
>;
export type ContactAttemptEnded = Event<
  'ContactAttemptEnded',
  { attemptId: string; answered: boolean; voicemailLeft: boolean } & Stamp
>;
export type ContactEvent = SafeContactSet | ContactAttemptStarted | ContactAttemptEnded;

export interface Attempt {
  channel: ContactChannel;
  number: ContactNumber;
  at: string;
  ended?: { answered: boolean; voicemailLeft: boolean; at: string };
}
export interface ContactState {
  rules: SafeContactRules;
  timeZone: string;
  attempts: Record<string, Attempt>;
}

export function evolveContact(state: ContactState, event: ContactEvent): ContactState {
  switch (event.type) {
    case 'SafeContactSet':
      return { ...state, rules: event.data.rules, timeZone: event.data.timeZone };
    case 'ContactAttemptStarted': {
      const { attemptId, channel, number, at } = event.data;
      return { ...state, attempts: { ...state.attempts, [attemptId]: { channel, number, at } } };
    }
    case 'ContactAttemptEnded': {
      const { attemptId, answered, voicemailLeft, at } = event.data;
      const attempt = state.attempts[attemptId];
      if (!attempt) return state;
      return {
        ...state,
        attempts: { ...state.attempts, [attemptId]: { ...attempt, ended: { answered, voicemailLeft, at } } },
      };
    }
  }
}

/** The ended attempts, timed when they were dialled: what reachability counts. */
export const endedAttempts = (state: ContactState): EndedAttempt[] =>
  Object.values(state.attempts).flatMap((a) => (a.ended ? [{ at: a.at, answered: a.ended.answered }] : []));

export type SetSafeContact = Cmd<'SetSafeContact', { rules: SafeContactRules; timeZone: string }>;
export type StartContactAttempt = Cmd<
  'StartContactAttempt',
  { attemptId: string; channel: ContactChannel; number: ContactNumber }
>;
export type EndContactAttempt = Cmd<
  'EndContactAttempt',
  { attemptId: string; answered: boolean; voicemailLeft: boolean }
>;
export type ContactCommand = SetSafeContact | StartContactAttempt | EndContactAttempt;

export function decideContact(command: ContactCommand, file: ActiveFile): ContactEvent[] {
  const state = file.contact;
  const stamp = stampOf(command.metadata);
  switch (command.type) {
    case 'SetSafeContact': {
      const { rules, timeZone } = command.data;
      const problems = windowProblems(rules.windows ?? [], timeZone);
      if (problems.length > 0) throw FileErrors.invalid('safe_hours_invalid', problems.join('; '));
      if (
        JSON.stringify({ rules, timeZone }) ===
        JSON.stringify({ rules: state.rules, timeZone: state.timeZone })
      )
        return [];
      return [{ type: 'SafeContactSet', data: { rules, timeZone, ...stamp } }];
    }
    case 'StartContactAttempt': {
      const { attemptId, channel, number } = command.data;
      const existing = state.attempts[attemptId];
      if (existing) return [];
      const advice = mayCallNow(state.rules, command.metadata.now, state.timeZone);
      const [refusal] = advice.refusals;
      if (refusal === 'safe_hours_not_set')
        throw FileErrors.conflict(refusal, 'The case has safe hours: record them before any call');
      if (refusal === 'outside_safe_hours')
        throw FileErrors.conflict(refusal, `Outside the safe hours (${advice.localTime} ${advice.timeZone})`);
      if (number !== allowedNumber(state.rules))
        throw FileErrors.conflict(
          state.rules.throughThirdParty ? 'third_party_only' : 'safe_number_only',
          `Only the ${allowedNumber(state.rules)} number may be used for this victim`,
        );
      return [
        {
          type: 'ContactAttemptStarted',
          data: {
            attemptId,
            channel,
            number,
            localTime: advice.localTime,
            timeZone: state.timeZone,
            ...stamp,
          },
        },
      ];
    }
    case 'EndContactAttempt': {
      const { attemptId, answered, voicemailLeft } = command.data;
      const attempt = state.attempts[attemptId];
      if (!attempt) throw FileErrors.invalid('attempt_not_found', 'No such contact attempt in this file');
      if (attempt.ended) {
        if (attempt.ended.answered === answered && attempt.ended.voicemailLeft === voicemailLeft) return [];
        throw FileErrors.conflict('attempt_ended', 'This attempt is already ended');
      }
      if (voicemailLeft && (answered || attempt.channel !== 'phone'))
        throw FileErrors.invalid('attempt_outcome', 'Only an unanswered phone call leaves a voicemail');
      if (voicemailLeft && state.rules.noVoicemail)
        throw FileErrors.conflict('voicemail_forbidden', 'No voicemail may be left for this victim');
      return [{ type: 'ContactAttemptEnded', data: { attemptId, answered, voicemailLeft, ...stamp } }];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
