import { latestWithin } from '../calendar/weekly.ts';
import type { Party } from '../mandate/parties.ts';
import type { MediationPolicy } from '../policy.ts';
import type { Reminder, ReminderChannel } from './reminders.ts';

/**
 * A reminder as it leaves the service: who (the party's data subject, never a name), on which channel,
 * and the address sealed with the party's own key (erasing the party shreds it too).
 */
export interface ReminderNotification {
  notificationId: string;
  mandateId: string;
  sessionId: string;
  partyId: string;
  subjectId: string;
  channel: ReminderChannel;
  leaveVoicemail: boolean;
  hoursBefore: number;
}

/** Why a reminder due is not sent after all. */
export type ReminderRefusal = 'channel-not-safe' | 'outside-safe-hours' | 'no-address';

/**
 * The reminder due now, checked again against the party's safe contact as it stands when it fires (it
 * was planned earlier): a channel the safe contact no longer allows is refused, and so is a moment
 * outside the party's safe hours (a scheduler that ran late); a voicemail only where allowed. Pure.
 */
export function reminderNotification(
  reminder: Reminder & { mandateId: string; notificationId: string },
  party: Pick<Party, 'partyId' | 'subjectId' | 'safeContact'>,
  now: Date,
  policy: Pick<MediationPolicy, 'timeZone'>,
): { notification: ReminderNotification } | { refused: ReminderRefusal } {
  const contact = party.safeContact;
  const safe = reminder.channel === 'email' ? contact.safeEmail : contact.safeNumber;
  if (!safe) return { refused: 'channel-not-safe' };
  if (!latestWithin(contact.hours, now, now, policy.timeZone)) return { refused: 'outside-safe-hours' };
  return {
    notification: {
      notificationId: reminder.notificationId,
      mandateId: reminder.mandateId,
      sessionId: reminder.sessionId,
      partyId: party.partyId,
      subjectId: party.subjectId,
      channel: reminder.channel,
      leaveVoicemail: reminder.channel === 'call' && !contact.noVoicemail,
      hoursBefore: reminder.hoursBefore,
    },
  };
}

/** The party's safe address for a channel, from their decrypted identity: a phone number or an e-mail. */
export function addressFor(channel: ReminderChannel, personal: unknown): string | undefined {
  const identity = (personal ?? {}) as { email?: unknown; phone?: unknown };
  const value = channel === 'email' ? identity.email : identity.phone;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
