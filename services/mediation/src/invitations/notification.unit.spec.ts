import { describe, expect, it } from 'vitest';
import type { SafeContact } from '../mandate/parties.ts';
import { local, party, policy } from '../test-builders.ts';
import { addressFor, reminderNotification } from './notification.ts';
import type { Reminder } from './reminders.ts';

const due = (channel: Reminder['channel']): Reminder & { mandateId: string; notificationId: string } => ({
  notificationId: 'mediation-reminder:s-1:0:p-victim:3',
  mandateId: 'm-1',
  sessionId: 's-1',
  partyId: 'p-victim',
  hoursBefore: 3,
  sendAt: local('2026-03-10', '07:00').toISOString(),
  channel,
  to: channel === 'email' ? 'safe-email' : 'safe-number',
  leaveVoicemail: false,
});
const victim = (contact: Partial<SafeContact>) =>
  party('p-victim', 'victim', {
    safeContact: { safeNumber: false, safeEmail: false, noVoicemail: true, hours: [], ...contact },
  });
// Tuesday 10 March 2026, 07:00 in Paris.
const at = local('2026-03-10', '07:00');

describe('a reminder as it leaves', () => {
  it('goes to the party’s subject on their safe channel, with no name', () => {
    const result = reminderNotification(due('sms'), victim({ safeNumber: true }), at, policy);
    expect(result).toEqual({
      notification: {
        notificationId: 'mediation-reminder:s-1:0:p-victim:3',
        mandateId: 'm-1',
        sessionId: 's-1',
        partyId: 'p-victim',
        subjectId: victim({}).subjectId,
        channel: 'sms',
        leaveVoicemail: false,
        hoursBefore: 3,
      },
    });
  });

  it('is refused on a channel the safe contact forbids (changed since it was planned)', () => {
    expect(reminderNotification(due('sms'), victim({ safeEmail: true }), at, policy)).toEqual({
      refused: 'channel-not-safe',
    });
    expect(reminderNotification(due('call'), victim({ safeEmail: true }), at, policy)).toEqual({
      refused: 'channel-not-safe',
    });
    expect(reminderNotification(due('email'), victim({ safeNumber: true }), at, policy)).toEqual({
      refused: 'channel-not-safe',
    });
  });

  it('is refused outside the party’s safe hours (a scheduler that ran late), sent within them', () => {
    const hours = [{ weekday: 2, from: '06:00', to: '07:00' }];
    expect(reminderNotification(due('email'), victim({ safeEmail: true, hours }), at, policy)).toEqual({
      refused: 'outside-safe-hours',
    });
    const within = local('2026-03-10', '06:59');
    expect(
      reminderNotification(due('email'), victim({ safeEmail: true, hours }), within, policy),
    ).toMatchObject({
      notification: { channel: 'email' },
    });
  });

  it('leaves a voicemail on a call only where the party allows it', () => {
    const allowed = reminderNotification(
      due('call'),
      victim({ safeNumber: true, noVoicemail: false }),
      at,
      policy,
    );
    expect(allowed).toMatchObject({ notification: { leaveVoicemail: true } });
    const forbidden = reminderNotification(
      due('call'),
      victim({ safeNumber: true, noVoicemail: true }),
      at,
      policy,
    );
    expect(forbidden).toMatchObject({ notification: { leaveVoicemail: false } });
  });

  it('takes the address for the channel from the decrypted identity', () => {
    const identity = { name: 'V', email: 'v@example.org', phone: '+33 6 00 00 00 00' };
    expect(addressFor('email', identity)).toBe('v@example.org');
    expect(addressFor('sms', identity)).toBe('+33 6 00 00 00 00');
    expect(addressFor('call', { name: 'V' })).toBeUndefined();
    expect(addressFor('email', null)).toBeUndefined();
  });
});
