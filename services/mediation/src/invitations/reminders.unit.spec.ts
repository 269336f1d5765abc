import { describe, expect, it } from 'vitest';
import type { Party, SafeContact } from '../mandate/parties.ts';
import { local, party, policy, slot } from '../test-builders.ts';
import { remindersFor } from './reminders.ts';

// Tuesday 10 March 2026: the victim arrives at 10:00, the respondent at 10:30.
const session = {
  sessionId: 's-1',
  status: 'scheduled' as const,
  convocations: slot('2026-03-10', '10:00', '12:00', { 'p-victim': '10:00', 'p-respondent': '10:30' })
    .convocations,
};
const planned = local('2026-03-02', '10:00');
const withContact = (partyId: string, role: Party['role'], safeContact: Partial<SafeContact>) =>
  party(partyId, role, {
    safeContact: { safeNumber: false, safeEmail: false, noVoicemail: false, hours: [], ...safeContact },
  });
const plan = (
  victim: Partial<SafeContact>,
  respondent: Partial<SafeContact> = { safeEmail: true },
  notBefore = planned,
) =>
  remindersFor(
    session,
    {
      'p-victim': withContact('p-victim', 'victim', victim),
      'p-respondent': withContact('p-respondent', 'respondent', respondent),
    },
    notBefore,
    policy,
  );
const iso = (date: string, time: string) => local(date, time).toISOString();

describe('reminders', () => {
  it('text a safe number 48 and 3 hours before the party’s own arrival', () => {
    const { reminders } = plan({ safeNumber: true });
    expect(reminders.filter((r) => r.partyId === 'p-victim')).toEqual([
      {
        sessionId: 's-1',
        partyId: 'p-victim',
        hoursBefore: 48,
        sendAt: iso('2026-03-08', '10:00'),
        channel: 'sms',
        to: 'safe-number',
        leaveVoicemail: false,
      },
      {
        sessionId: 's-1',
        partyId: 'p-victim',
        hoursBefore: 3,
        sendAt: iso('2026-03-10', '07:00'),
        channel: 'sms',
        to: 'safe-number',
        leaveVoicemail: false,
      },
    ]);
    expect(
      plan({ safeNumber: true })
        .reminders.filter((r) => r.partyId === 'p-respondent')
        .map((r) => [r.channel, r.sendAt]),
    ).toEqual([
      ['email', iso('2026-03-08', '10:30')],
      ['email', iso('2026-03-10', '07:30')],
    ]);
  });

  it('go to nobody without a safe channel, whatever the party prefers', () => {
    const { reminders, skipped } = plan({ prefer: 'sms' });
    expect(reminders.some((r) => r.partyId === 'p-victim')).toBe(false);
    expect(skipped).toEqual([
      { sessionId: 's-1', partyId: 'p-victim', hoursBefore: 48, reason: 'no-safe-channel' },
      { sessionId: 's-1', partyId: 'p-victim', hoursBefore: 3, reason: 'no-safe-channel' },
    ]);
  });

  it('use the preferred channel only when it is safe, and never leave a voicemail the party forbids', () => {
    expect(plan({ safeNumber: true, safeEmail: true, prefer: 'email' }).reminders[0]).toMatchObject({
      channel: 'email',
      to: 'safe-email',
    });
    expect(plan({ safeNumber: true, prefer: 'email' }).reminders[0]).toMatchObject({ channel: 'sms' });
    expect(plan({ safeNumber: true, prefer: 'call', noVoicemail: true }).reminders[0]).toMatchObject({
      channel: 'call',
      leaveVoicemail: false,
    });
    expect(plan({ safeNumber: true, prefer: 'call', noVoicemail: false }).reminders[0]).toMatchObject({
      channel: 'call',
      leaveVoicemail: true,
    });
  });

  it('move into the safe hours: earlier, to the start of the latest safe window', () => {
    // Safe on weekdays 12:00-14:00: Sunday 10:00 becomes Friday 12:00; Tuesday 07:00 becomes Monday 12:00.
    const lunch = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '12:00', to: '14:00' }));
    const { reminders } = plan({ safeNumber: true, hours: lunch });
    expect(reminders.filter((r) => r.partyId === 'p-victim').map((r) => r.sendAt)).toEqual([
      iso('2026-03-06', '12:00'),
      iso('2026-03-09', '12:00'),
    ]);
  });

  it('send one reminder when both fall into the same safe moment', () => {
    // Safe on Saturdays 10:00-10:30 only: both reminders move to Saturday 7 March 10:00.
    const saturday = [{ weekday: 6, from: '10:00', to: '10:30' }];
    const { reminders } = plan({ safeNumber: true, hours: saturday });
    expect(reminders.filter((r) => r.partyId === 'p-victim')).toEqual([
      expect.objectContaining({ hoursBefore: 48, sendAt: iso('2026-03-07', '10:00') }),
    ]);
  });

  it('skip what is already too late when the session is planned, or has no safe time left', () => {
    const { reminders, skipped } = plan(
      { safeNumber: true },
      { safeEmail: true },
      local('2026-03-09', '12:00'),
    );
    expect(reminders.filter((r) => r.partyId === 'p-victim').map((r) => r.hoursBefore)).toEqual([3]);
    expect(skipped).toContainEqual({
      sessionId: 's-1',
      partyId: 'p-victim',
      hoursBefore: 48,
      reason: 'too-late',
    });
    const sundays = [{ weekday: 7, from: '10:00', to: '11:00' }];
    expect(
      plan({ safeNumber: true, hours: sundays }, {}, local('2026-03-09', '08:00')).skipped,
    ).toContainEqual({
      sessionId: 's-1',
      partyId: 'p-victim',
      hoursBefore: 3,
      reason: 'outside-safe-hours',
    });
  });

  it('are none for a cancelled session', () => {
    const none = remindersFor({ ...session, status: 'cancelled' }, {}, planned, policy);
    expect(none).toEqual({ reminders: [], skipped: [] });
  });
});
