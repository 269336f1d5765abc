import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Session } from '../mandate/sessions.ts';
import { local, slot } from '../test-builders.ts';
import { type InvitationInput, invitation } from './ical.ts';

/** Reads a file as a calendar program does, with ical.js (Mozilla's parser, independent of the generator). */
function read(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const component = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(component);
  return {
    method: calendar.getFirstPropertyValue('method'),
    zone: zone?.getFirstPropertyValue('tzid'),
    uid: event.uid,
    sequence: event.sequence,
    status: component.getFirstPropertyValue('status'),
    summary: event.summary,
    start: event.startDate.toJSDate().toISOString(),
    startZone: event.startDate.zone?.tzid,
    end: event.endDate.toJSDate().toISOString(),
    stamp: component.getFirstProperty('dtstamp')!.getFirstValue()!.toString(),
    attendees: event.attendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase()),
    organizer: component.getFirstPropertyValue('organizer'),
    alarms: component.getAllSubcomponents('valarm').length,
  };
}

const joint = slot('2026-03-31', '14:00', '16:00', { 'p-victim': '14:00', 'p-respondent': '14:15' });
const session: InvitationInput['session'] = {
  sessionId: 's-j',
  kind: 'joint',
  status: 'scheduled',
  sequence: 0,
  ...joint,
};
const input = (overrides: Partial<InvitationInput> = {}): InvitationInput => ({
  session,
  recipient: { name: 'Victime Exemple', email: 'victime@example.org', partyId: 'p-victim' },
  organizer: { name: 'Marc Médiateur', email: 'mediation@asso-75.example.org' },
  location: 'BAV du tribunal judiciaire de Paris, salle Simone Veil',
  reference: 'PR-26-0042',
  stamp: new Date('2026-03-02T09:00:00.000Z'),
  timeZone: 'Europe/Paris',
  uidDomain: 'parcours.example.org',
  ...overrides,
});

describe('invitations', () => {
  it('invite with METHOD:REQUEST, a stable UID, Paris local times and their VTIMEZONE', () => {
    const parsed = read(invitation(input()));
    expect(parsed).toMatchObject({
      method: 'REQUEST',
      zone: 'Europe/Paris',
      uid: 'mediation-session-s-j@parcours.example.org',
      sequence: 0,
      status: 'CONFIRMED',
      summary: 'Réunion de médiation pénale',
      // 31 March 2026 is in summer time: 14:00 in Paris is 12:00 UTC.
      start: '2026-03-31T12:00:00.000Z',
      startZone: 'Europe/Paris',
      end: '2026-03-31T14:00:00.000Z',
      stamp: '2026-03-02T09:00:00Z',
      organizer: 'mailto:mediation@asso-75.example.org',
      alarms: 0,
    });
    expect(invitation(input())).toContain('DTSTART;TZID=Europe/Paris:20260331T140000');
  });

  it('give each party their own arrival time, and name no one but the recipient', () => {
    const forRespondent = invitation(
      input({ recipient: { name: 'Mis En Cause', email: 'mec@example.org', partyId: 'p-respondent' } }),
    );
    const parsed = read(forRespondent);
    expect(parsed.start).toBe(local('2026-03-31', '14:15').toISOString());
    expect(parsed.attendees).toEqual(['mailto:mec@example.org']);
    expect(forRespondent).not.toContain('Victime');
    expect(forRespondent).not.toContain('victime@example.org');
    expect(read(invitation(input({ recipient: { name: 'Marc', email: 'marc@example.org' } }))).start).toBe(
      joint.start,
    );
  });

  it('update a rescheduled session under the same UID with a higher SEQUENCE', () => {
    const moved: Session['start'] = local('2026-04-02', '10:00').toISOString();
    const update = read(
      invitation(
        input({
          session: {
            ...session,
            start: moved,
            end: local('2026-04-02', '12:00').toISOString(),
            sequence: 1,
            convocations: [{ partyId: 'p-victim', arriveAt: moved }],
          },
        }),
      ),
    );
    expect(update).toMatchObject({
      method: 'REQUEST',
      uid: 'mediation-session-s-j@parcours.example.org',
      sequence: 1,
      start: '2026-04-02T08:00:00.000Z',
    });
  });

  it('cancel with METHOD:CANCEL and STATUS:CANCELLED, same UID, next SEQUENCE', () => {
    const cancelled = read(invitation(input({ session: { ...session, status: 'cancelled', sequence: 2 } })));
    expect(cancelled).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: 'mediation-session-s-j@parcours.example.org',
      sequence: 2,
    });
  });

  it('depend on their inputs only: the stamp is the command’s time, in UTC', () => {
    expect(invitation(input())).toBe(invitation(input()));
    expect(invitation(input())).toContain('DTSTAMP:20260302T090000Z');
  });
});
