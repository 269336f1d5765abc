import type { CommandMetadata, NewId, Place } from '../command.ts';
import type { FileCommand } from '../file/decide.ts';
import type { FileOrigin } from '../file/file.ts';
import { defaultTimeZone } from '../time.ts';
import { type CaseEvent, type CaseReferral, type CaseState, placeOf } from './case.ts';

/** A command for one file's stream. */
export interface FileReaction {
  fileId: string;
  command: FileCommand;
}

export interface ReactionContext {
  /** Deterministic ids (a name-based UUID of the seed): the same event always names the same file. */
  newId: NewId;
  metadata: CommandMetadata;
  /** The office's time zone, from the directory (Europe/Paris when it does not say). */
  timeZoneOf?: (place: Place) => string | undefined;
}

export const fileIdFor = (newId: NewId, referralId: string) => newId(`file:${referralId}`);

/**
 * What a case event implies for the files (pure; the state is the case after the event):
 * - the facts arriving open a file for every referral accepted so far (and a walk-in's);
 * - an accepted referral opens its office's file once the facts are known;
 * - an accepted transfer from an office closes that office's file as transferred;
 * - an accepted added service opens a file linked to the holder's;
 * - a walk-in kept at its office opens its file without waiting for an acceptance.
 */
export function reactToCase(event: CaseEvent, state: CaseState, context: ReactionContext): FileReaction[] {
  switch (event.type) {
    case 'CaseIntakeReceived':
      return Object.entries(state.referrals).flatMap(([id, r]) =>
        r.status === 'accepted' ? open(id, state, context) : [],
      );
    case 'CaseReferralProposed': {
      const referral = state.referrals[event.data.referralId];
      return referral?.walkIn ? open(event.data.referralId, state, context) : [];
    }
    case 'CaseReferralAccepted': {
      const { referralId, target } = event.data;
      const transfers = Object.entries(state.referrals).flatMap(([id, r]) =>
        r.handedOnBy === referralId && r.fileOpened ? [transfer(id, referralId, target, context)] : [],
      );
      return [...open(referralId, state, context), ...transfers];
    }
  }
}

function open(referralId: string, state: CaseState, context: ReactionContext): FileReaction[] {
  const referral = state.referrals[referralId];
  const place = referral && placeOf(referral.target);
  if (!state.facts || !referral || !place) return [];
  const fileId = fileIdFor(context.newId, referralId);
  return [
    {
      fileId,
      command: {
        type: 'OpenFile',
        data: {
          fileId,
          place,
          origin: originOf(referralId, referral, state, context.newId),
          facts: state.facts,
          timeZone: context.timeZoneOf?.(place) ?? defaultTimeZone,
        },
        metadata: context.metadata,
      },
    },
  ];
}

function originOf(referralId: string, referral: CaseReferral, state: CaseState, newId: NewId): FileOrigin {
  if (referral.walkIn) return { kind: 'walk-in', referralId };
  const from = referral.from;
  if (from?.kind !== 'office') return { kind: 'referral', referralId };
  const [previous] = Object.entries(state.referrals).filter(([id, r]) =>
    referral.mode === 'transfer'
      ? r.handedOnBy === referralId && r.fileOpened
      : id !== referralId &&
        r.status === 'accepted' &&
        r.fileOpened &&
        placeOf(r.target)?.officeId === from.officeId,
  );
  if (!previous) return { kind: 'referral', referralId };
  const linked = fileIdFor(newId, previous[0]);
  return referral.mode === 'transfer'
    ? { kind: 'transfer', referralId, fromFileId: linked }
    : { kind: 'added-service', referralId, holderFileId: linked };
}

function transfer(
  heldBy: string,
  referralId: string,
  target: CaseReferral['target'],
  context: ReactionContext,
): FileReaction {
  const to =
    target.kind === 'foreign-organisation'
      ? { organisationId: target.organisationId, countryCode: target.countryCode }
      : { associationId: target.associationId, officeId: target.officeId };
  return {
    fileId: fileIdFor(context.newId, heldBy),
    command: { type: 'TransferFile', data: { referralId, to }, metadata: context.metadata },
  };
}
