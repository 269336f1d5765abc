// Over 300 lines: one decider for the intake's twelve commands, each rule beside the command it guards.
import type { Decider, EncryptedEnvelope } from '@parcours/eventstore';
import type { CommandMetadata } from '@parcours/service-kit';
import { IntakeErrors } from './errors.ts';
import {
  awaitsOrientation,
  type CallerTypes,
  type ChannelDetails,
  evolve,
  type HelplineOutcome,
  type IntakeEvent,
  type IntakeFacts,
  type IntakeProfile,
  type IntakeState,
  initialState,
  missingForOrientation,
  type OfficeType,
  type ProfileChanges,
} from './intake.ts';

/** What every recording command carries besides its channel: ids minted by the handler, data encrypted by it. */
export interface RecordingData {
  intakeId: string;
  caseId: string;
  victimId: string;
  profile: IntakeProfile;
  /** Personal data already encrypted for `victimId` (null when there is none, e.g. an anonymous call). */
  personal: EncryptedEnvelope | null;
  /** Whether the personal data holds an identity (the decider cannot read the envelope). */
  hasIdentity: boolean;
  matchKey: string | null;
}

export interface Office {
  officeId: string;
  type: OfficeType;
  associationId: string;
  name: string;
}

export interface PartnerAgreement {
  agreementId: string;
  partnerId: string;
  partnerName: string;
  validFrom: string;
  validUntil?: string;
}

export interface MassEventSummary {
  massEventId: string;
  status: 'open' | 'closed';
}

type Cmd<Type extends string, Data> = { type: Type; data: Data; metadata: CommandMetadata };

export type RecordHelplineCall = Cmd<
  'RecordHelplineCall',
  RecordingData & { caller: (typeof CallerTypes)[number]; outcome: HelplineOutcome; anonymous: boolean }
>;
export type RecordWalkIn = Cmd<
  'RecordWalkIn',
  RecordingData & { officeId: string; officeType: OfficeType; offices: Readonly<Record<string, Office>> }
>;
export type RecordRequisition = Cmd<
  'RecordRequisition',
  RecordingData & { prosecutorReference: string; court: string; dueDate: string; evviRequested: boolean }
>;
export type RecordPartnerIntake = Cmd<
  'RecordPartnerIntake',
  RecordingData & {
    agreementId: string;
    employer: string;
    attackedAtWork: boolean;
    agreements: Readonly<Record<string, PartnerAgreement>>;
  }
>;
export type RecordMassEventIntake = Cmd<
  'RecordMassEventIntake',
  RecordingData & {
    massEventId: string;
    massEvent: MassEventSummary | undefined;
    importId?: string;
    row?: number;
  }
>;
export type RecordConsent = Cmd<'RecordConsent', { services: boolean; sharing: boolean }>;
export type OverrideConsent = Cmd<'OverrideConsent', { reason: string }>;
export type MarkReadyForOrientation = Cmd<'MarkReadyForOrientation', Record<string, never>>;
export type MergeIntakes = Cmd<
  'MergeIntakes',
  { into: string; survivor: { status: IntakeState['status'] } | undefined }
>;
/** Corrects profile facts before orientation; `matchKey` recomputed by the handler when the commune changes. */
export type CorrectProfile = Cmd<'CorrectProfile', { changes: ProfileChanges; matchKey?: string | null }>;
/** A callback queued for this intake (its task id minted by the handler). */
export type LinkCallback = Cmd<'LinkCallback', { taskId: string }>;
/** Erasure of the victim's personal data (GDPR art. 17); the handler deletes the keys once it is appended. */
export type ErasePersonalData = Cmd<'ErasePersonalData', { reason: string }>;

export type IntakeCommand =
  | RecordHelplineCall
  | RecordWalkIn
  | RecordRequisition
  | RecordPartnerIntake
  | RecordMassEventIntake
  | RecordConsent
  | OverrideConsent
  | MarkReadyForOrientation
  | MergeIntakes
  | CorrectProfile
  | LinkCallback
  | ErasePersonalData;

const day = (date: Date) => date.toISOString().slice(0, 10);

function record(
  state: IntakeState,
  data: RecordingData,
  details: ChannelDetails,
  metadata: CommandMetadata,
  orientNow: boolean,
): IntakeEvent[] {
  if (state.status !== 'none') throw IntakeErrors.alreadyRecorded();
  const at = metadata.now.toISOString();
  const facts: IntakeFacts = {
    intakeId: data.intakeId,
    caseId: data.caseId,
    victimId: data.victimId,
    details,
    profile: data.profile,
    personal: data.personal,
    matchKey: data.matchKey,
    recordedBy: metadata.actor.id,
    recordedAt: at,
  };
  const events: IntakeEvent[] = [{ type: 'IntakeRecorded', data: facts }];
  if (orientNow && missingForOrientation(facts).length === 0) {
    events.push({
      type: 'IntakeReadyForOrientation',
      data: { intakeId: facts.intakeId, caseId: facts.caseId, at },
    });
  }
  return events;
}

function existing(state: IntakeState) {
  if (state.status === 'none') throw IntakeErrors.notFound();
  if (state.status === 'merged') throw IntakeErrors.merged();
  return state;
}

/** Ready in the same decision when the change completes an open intake. */
function readyIfComplete(
  state: IntakeState,
  change: IntakeEvent,
  metadata: CommandMetadata,
  wantsOrientation: boolean,
): IntakeEvent[] {
  const next = evolve(state, change);
  if (next.status !== 'open' || !wantsOrientation || missingForOrientation(next.intake).length > 0) {
    return [change];
  }
  const { intakeId, caseId } = next.intake;
  return [
    change,
    { type: 'IntakeReadyForOrientation', data: { intakeId, caseId, at: metadata.now.toISOString() } },
  ];
}

const wantsOrientation = (intake: IntakeFacts) => awaitsOrientation(intake.details);

export function decide(command: IntakeCommand, state: IntakeState): IntakeEvent[] {
  const { metadata } = command;
  switch (command.type) {
    case 'RecordHelplineCall': {
      const { caller, outcome, anonymous } = command.data;
      if (anonymous && command.data.hasIdentity) throw IntakeErrors.anonymousWithIdentity();
      return record(
        state,
        command.data,
        { channel: 'helpline', caller, outcome, anonymous },
        metadata,
        outcome === 'orientation',
      );
    }
    case 'RecordWalkIn': {
      const { officeId, officeType, offices } = command.data;
      const office = offices[officeId];
      if (!office) throw IntakeErrors.unknownOffice();
      if (office.type !== officeType) throw IntakeErrors.officeTypeMismatch();
      if (!command.data.hasIdentity) throw IntakeErrors.identityRequired();
      return record(
        state,
        command.data,
        { channel: 'walk-in', officeId, officeType, associationId: office.associationId },
        metadata,
        true,
      );
    }
    case 'RecordRequisition': {
      const { prosecutorReference, court, dueDate, evviRequested } = command.data;
      if (dueDate < day(metadata.now)) throw IntakeErrors.dueDateInPast();
      if (!command.data.hasIdentity) throw IntakeErrors.identityRequired();
      return record(
        state,
        command.data,
        { channel: 'requisition', prosecutorReference, court, dueDate, evviRequested },
        metadata,
        true,
      );
    }
    case 'RecordPartnerIntake': {
      const { agreementId, employer, attackedAtWork, agreements } = command.data;
      const agreement = agreements[agreementId];
      if (!agreement) throw IntakeErrors.unknownAgreement();
      const today = day(metadata.now);
      if (
        agreement.validFrom > today ||
        (agreement.validUntil !== undefined && agreement.validUntil < today)
      ) {
        throw IntakeErrors.agreementNotInForce();
      }
      if (!attackedAtWork) throw IntakeErrors.notAttackedAtWork();
      if (!command.data.hasIdentity) throw IntakeErrors.identityRequired();
      return record(
        state,
        command.data,
        { channel: 'partner', agreementId, partnerId: agreement.partnerId, employer, attackedAtWork },
        metadata,
        true,
      );
    }
    case 'RecordMassEventIntake': {
      const { massEventId, massEvent, importId, row } = command.data;
      if (!massEvent || massEvent.massEventId !== massEventId) throw IntakeErrors.unknownMassEvent();
      if (massEvent.status !== 'open') throw IntakeErrors.massEventClosed();
      return record(
        state,
        command.data,
        {
          channel: 'mass-event',
          massEventId,
          ...(importId === undefined ? {} : { importId }),
          ...(row === undefined ? {} : { row }),
        },
        metadata,
        true,
      );
    }
    case 'RecordConsent': {
      const current = existing(state);
      const { services, sharing } = command.data;
      return readyIfComplete(
        current,
        {
          type: 'ConsentRecorded',
          data: {
            intakeId: current.intake.intakeId,
            consent: { services, sharing },
            by: metadata.actor.id,
            at: metadata.now.toISOString(),
          },
        },
        metadata,
        wantsOrientation(current.intake),
      );
    }
    case 'OverrideConsent': {
      const current = existing(state);
      const reason = command.data.reason.trim();
      if (reason.length === 0) throw IntakeErrors.overrideReasonRequired();
      if (current.intake.profile.consent.services) throw IntakeErrors.consentNotMissing();
      return readyIfComplete(
        current,
        {
          type: 'ConsentOverridden',
          data: {
            intakeId: current.intake.intakeId,
            reason,
            by: metadata.actor.id,
            at: metadata.now.toISOString(),
          },
        },
        metadata,
        wantsOrientation(current.intake),
      );
    }
    case 'MarkReadyForOrientation': {
      const current = existing(state);
      if (current.status === 'ready') return [];
      const missing = missingForOrientation(current.intake);
      if (missing.length > 0) throw IntakeErrors.incomplete(missing);
      const { intakeId, caseId } = current.intake;
      return [
        { type: 'IntakeReadyForOrientation', data: { intakeId, caseId, at: metadata.now.toISOString() } },
      ];
    }
    case 'MergeIntakes': {
      const current = existing(state);
      const { into, survivor } = command.data;
      if (into === current.intake.intakeId) throw IntakeErrors.mergeIntoItself();
      if (!survivor || survivor.status === 'none') throw IntakeErrors.survivorNotFound();
      if (survivor.status === 'merged') throw IntakeErrors.survivorMerged();
      return [
        {
          type: 'IntakeMerged',
          data: {
            intakeId: current.intake.intakeId,
            into,
            by: metadata.actor.id,
            at: metadata.now.toISOString(),
          },
        },
      ];
    }
    case 'CorrectProfile': {
      const current = existing(state);
      if (current.status === 'ready') throw IntakeErrors.alreadyOriented();
      const { changes, matchKey } = command.data;
      if (Object.keys(changes).length === 0) throw IntakeErrors.nothingToCorrect();
      const { intakeId } = current.intake;
      const by = metadata.actor.id;
      const at = metadata.now.toISOString();
      return readyIfComplete(
        current,
        {
          type: 'IntakeProfileCorrected',
          data: { intakeId, changes, ...(matchKey === undefined ? {} : { matchKey }), by, at },
        },
        metadata,
        wantsOrientation(current.intake),
      );
    }
    case 'LinkCallback': {
      if (state.status === 'none') throw IntakeErrors.callbackForUnknownIntake();
      // Its caller's number would outlive an erasure already done.
      if (state.intake.erasedAt) throw IntakeErrors.alreadyErased();
      const { taskId } = command.data;
      if (state.intake.callbackTasks?.includes(taskId)) return [];
      const { intakeId } = state.intake;
      return [
        {
          type: 'CallbackLinked',
          data: { intakeId, taskId, by: metadata.actor.id, at: metadata.now.toISOString() },
        },
      ];
    }
    case 'ErasePersonalData': {
      // A merged intake holds personal data too: it can be erased like any other.
      if (state.status === 'none') throw IntakeErrors.notFound();
      const current = state;
      if (current.intake.erasedAt) throw IntakeErrors.alreadyErased();
      const { intakeId, victimId } = current.intake;
      return [
        {
          type: 'PersonalDataErased',
          data: {
            intakeId,
            victimId,
            reason: command.data.reason,
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

export const intakeDecider: Decider<IntakeCommand, IntakeEvent, IntakeState> = {
  initialState,
  evolve,
  decide,
};
