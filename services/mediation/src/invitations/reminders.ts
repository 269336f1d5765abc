import { addMinutes, isBefore } from '../calendar/time.ts';
import { latestWithin } from '../calendar/weekly.ts';
import type { Party, SafeContact } from '../mandate/parties.ts';
import type { Session } from '../mandate/sessions.ts';
import type { MediationPolicy } from '../policy.ts';

export type ReminderChannel = 'sms' | 'email' | 'call';

/** One reminder to send: to whom, when, how, and whether a voicemail may be left. */
export interface Reminder {
  sessionId: string;
  partyId: string;
  /** The reminder it is: so many hours before the party's arrival (policy.ts). */
  hoursBefore: number;
  sendAt: string;
  channel: ReminderChannel;
  /** The address to use, from the party's encrypted personal data: always a safe one. */
  to: 'safe-number' | 'safe-email';
  leaveVoicemail: boolean;
}

/** A reminder not sent, and why: nothing safe to send it to, or no safe time left before the session. */
export interface SkippedReminder {
  sessionId: string;
  partyId: string;
  hoursBefore: number;
  reason: 'no-safe-channel' | 'too-late' | 'outside-safe-hours';
}

/** The party's preferred channel when it is a safe one; otherwise a text to a safe number, then a safe e-mail. */
function channelOf(contact: SafeContact): ReminderChannel | undefined {
  const safe: Record<ReminderChannel, boolean> = {
    sms: contact.safeNumber,
    call: contact.safeNumber,
    email: contact.safeEmail,
  };
  if (contact.prefer && safe[contact.prefer]) return contact.prefer;
  if (contact.safeNumber) return 'sms';
  return contact.safeEmail ? 'email' : undefined;
}

/**
 * Which reminders to send for a scheduled session, when and where: only on each convened party's
 * safe channel, only within their safe hours (moved earlier into them), never before `notBefore`
 * (the time it is planned) and never a voicemail where the party forbids it. Pure.
 */
export function remindersFor(
  session: Pick<Session, 'sessionId' | 'status' | 'convocations'>,
  parties: Record<string, Party>,
  notBefore: Date,
  policy: MediationPolicy,
): { reminders: Reminder[]; skipped: SkippedReminder[] } {
  const reminders: Reminder[] = [];
  const skipped: SkippedReminder[] = [];
  if (session.status !== 'scheduled') return { reminders, skipped };
  const hours = [...policy.reminderHoursBefore].sort((a, b) => b - a);
  for (const { partyId, arriveAt } of session.convocations) {
    const party = parties[partyId];
    const { sessionId } = session;
    const channel = party && channelOf(party.safeContact);
    for (const hoursBefore of hours) {
      if (!party || !channel) {
        skipped.push({ sessionId, partyId, hoursBefore, reason: 'no-safe-channel' });
        continue;
      }
      const nominal = addMinutes(arriveAt, -hoursBefore * 60);
      const sendAt = latestWithin(party.safeContact.hours, nominal, notBefore, policy.timeZone);
      if (!sendAt) {
        const reason = isBefore(nominal, notBefore) ? 'too-late' : 'outside-safe-hours';
        skipped.push({ sessionId, partyId, hoursBefore, reason });
        continue;
      }
      // Two reminders moved into the same safe moment are one.
      if (reminders.some((r) => r.partyId === partyId && r.sendAt === sendAt.toISOString())) continue;
      reminders.push({
        sessionId,
        partyId,
        hoursBefore,
        sendAt: sendAt.toISOString(),
        channel,
        to: channel === 'email' ? 'safe-email' : 'safe-number',
        leaveVoicemail: channel === 'call' && !party.safeContact.noVoicemail,
      });
    }
  }
  return { reminders, skipped };
}
