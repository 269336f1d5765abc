import type { EncryptedEnvelope, Job, JobHandler } from '@parcours/eventstore';
import { addDays, atLocal } from './calendar/time.ts';
import { schedulerIdentity } from './identities.ts';
import { addressFor, reminderNotification } from './invitations/notification.ts';
import { type Reminder, remindersFor } from './invitations/reminders.ts';
import type { MandateCommand } from './mandate/commands.ts';
import { hasMediation, type Mandate, type MediationState, mandateStreamId } from './mandate/mandate.ts';
import type { Reaction } from './mandate/reactions.ts';
import type { Session } from './mandate/sessions.ts';
import { queueNotification } from './notifications.ts';
import type { MediationPolicy } from './policy.ts';
import type { MediationService } from './service.ts';

export const REACTION_JOB = 'mediation-reaction';
export const REMINDER_JOB = 'mediation-reminder';
export const FIRST_CONVOCATION_JOB = 'mediation-first-convocation';

type ReminderPayload = Reminder & { mandateId: string; sequence: number };

/** A reaction due later (the prosecutor's deadline, a term's due date): one job, keyed by what it does. */
export function reactionJob(reaction: Reaction): Job<Reaction> {
  const { command } = reaction;
  const item =
    command.type === 'CheckTermExecution'
      ? `${command.data.termId}${command.data.instalment === undefined ? '' : `#${command.data.instalment}`}`
      : '';
  return {
    key: `${REACTION_JOB}:${reaction.mandateId}:${command.type}:${item}`,
    kind: REACTION_JOB,
    dueAt: reaction.at!,
    group: mandateStreamId(reaction.mandateId),
    payload: reaction,
  };
}

/**
 * The reminders of a session version (keyed by its sequence: a reschedule plans new ones, and the
 * old ones find the sequence changed and send nothing).
 */
export function reminderJobs(
  state: MediationState,
  session: Session,
  now: Date,
  policy: MediationPolicy,
): Job<ReminderPayload>[] {
  const { reminders } = remindersFor(session, state.parties, now, policy);
  const mandateId = state.mandate.mandateId;
  return reminders.map((reminder) => ({
    key: `${REMINDER_JOB}:${session.sessionId}:${session.sequence}:${reminder.partyId}:${reminder.hoursBefore}`,
    kind: REMINDER_JOB,
    dueAt: reminder.sendAt,
    group: mandateStreamId(mandateId),
    payload: { ...reminder, mandateId, sequence: session.sequence },
  }));
}

/** The day after the first convocation's last day: a mandate with nothing planned by then is flagged. */
export function firstConvocationJob(mandate: Mandate, policy: MediationPolicy): Job<{ mandateId: string }> {
  return {
    key: `${FIRST_CONVOCATION_JOB}:${mandate.mandateId}`,
    kind: FIRST_CONVOCATION_JOB,
    dueAt: atLocal(addDays(mandate.firstConvocationBy, 1), '00:00', policy.timeZone),
    group: mandateStreamId(mandate.mandateId),
    payload: { mandateId: mandate.mandateId },
  };
}

export interface JobDeps {
  mediation: MediationService;
  /** The party's personal data (their safe number or address), null once erased. */
  decrypt: (envelope: EncryptedEnvelope) => Promise<unknown>;
  /** Encrypts a value with the subject's existing data key (the party's). */
  seal: (subjectId: string, value: unknown) => Promise<EncryptedEnvelope>;
  logger?: { warn(o: object, m: string): void; info?(o: object, m: string): void };
}

/** The mediation's jobs, each run in the transaction that marks it fired. */
export function mediationJobHandlers(deps: JobDeps): Record<string, JobHandler> {
  const { mediation } = deps;
  return {
    [REACTION_JOB]: async (tx, { payload, now }: { payload: Reaction; now: Date }) => {
      const metadata = { now, actor: schedulerIdentity };
      const command = { ...payload.command, metadata } as MandateCommand;
      await mediation.executeMandate(payload.mandateId, command, metadata, tx);
    },
    [REMINDER_JOB]: async (
      tx,
      { payload, key, now }: { payload: ReminderPayload; key: string; now: Date },
    ) => {
      const state = await mediation.mandate(payload.mandateId, tx);
      if (!hasMediation(state) || state.status !== 'open') return;
      const session = state.sessions[payload.sessionId];
      // Moved or cancelled since: that version's reminders are void.
      if (session?.status !== 'scheduled' || session.sequence !== payload.sequence) return;
      const party = state.parties[payload.partyId];
      if (!party) return;
      const ids = { sessionId: payload.sessionId, partyId: payload.partyId, channel: payload.channel };
      const checked = reminderNotification({ ...payload, notificationId: key }, party, now, mediation.policy);
      if ('refused' in checked) {
        deps.logger?.warn({ ...ids, reason: checked.refused }, 'mediation reminder not sent');
        return;
      }
      const personal = await deps.decrypt(party.personal);
      if (personal === null) return; // erased
      const to = addressFor(payload.channel, personal);
      if (!to) {
        deps.logger?.warn({ ...ids, reason: 'no-address' }, 'mediation reminder not sent');
        return;
      }
      const address = await deps.seal(party.subjectId, { to });
      await queueNotification(tx, { ...checked.notification, address });
    },
    [FIRST_CONVOCATION_JOB]: async (tx, { payload }: { payload: { mandateId: string } }) => {
      const state = await mediation.mandate(payload.mandateId, tx);
      if (state.status !== 'open') return;
      const planned = Object.values(state.sessions).some((s) => s.status !== 'cancelled');
      if (planned) return;
      // A flag on the office's list, not a domain fact: the prosecutor's deadline still governs the file.
      await tx.query('UPDATE mediation_mandates SET first_convocation_late = true WHERE mandate_id = $1', [
        payload.mandateId,
      ]);
      deps.logger?.warn({ mandateId: payload.mandateId }, 'no convocation by the first convocation date');
    },
  };
}
