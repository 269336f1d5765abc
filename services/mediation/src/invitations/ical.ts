import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventClass, ICalEventStatus } from 'ical-generator';
import { inZone } from '../calendar/time.ts';
import type { Session, SessionKind } from '../mandate/sessions.ts';

/** The invitation's wording, in French: the parties and mediators read it in their calendar. */
const summaries: Record<SessionKind, string> = {
  individual: 'Entretien individuel de médiation pénale',
  joint: 'Réunion de médiation pénale',
};

export interface Person {
  name: string;
  email: string;
}

export interface InvitationInput {
  session: Pick<Session, 'sessionId' | 'kind' | 'start' | 'end' | 'sequence' | 'status' | 'convocations'>;
  /**
   * Who this copy is for: one party, or the mediator. A party's copy names no other party (the
   * victim's address never reaches the respondent) and starts at that party's own arrival time.
   */
  recipient: Person & { partyId?: string };
  /** The mediator or the office that sends it. */
  organizer: Person;
  /** The office's address and the room. */
  location: string;
  /** The mandate's reference quoted to the parties. */
  reference: string;
  /** When this version was made (the command's time): DTSTAMP. */
  stamp: Date;
  timeZone: string;
  /** Right-hand side of the UID, e.g. the service's host name. */
  uidDomain: string;
}

/** The session's UID, the same in every version and every copy: calendars update it in place. */
export const sessionUid = (sessionId: string, uidDomain: string) =>
  `mediation-session-${sessionId}@${uidDomain}`;

/**
 * An iCalendar file for one recipient: METHOD:REQUEST for an invitation or an update (SEQUENCE
 * counts the versions), METHOD:CANCEL once the session is cancelled; local times with a VTIMEZONE.
 * No alarm: reminders go only through the party's safe channel (reminders.ts), never a device alert.
 */
export function invitation(input: InvitationInput): string {
  const { session, recipient, timeZone } = input;
  const cancelled = session.status === 'cancelled';
  const arrival =
    session.convocations.find((c) => c.partyId === recipient.partyId)?.arriveAt ?? session.start;
  // The calendar's own time zone stays unnamed: named, ical-generator writes DTSTAMP in local time
  // without its Z, which RFC 5545 forbids. The event's time zone still brings its VTIMEZONE.
  const calendar = ical({
    prodId: { company: 'Parcours', product: 'Mediation', language: 'FR' },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  calendar.createEvent({
    id: sessionUid(session.sessionId, input.uidDomain),
    sequence: session.sequence,
    stamp: input.stamp,
    start: inZone(arrival, timeZone),
    end: inZone(session.end, timeZone),
    timezone: timeZone,
    summary: summaries[session.kind],
    description: `Médiation pénale, référence ${input.reference}.`,
    location: input.location,
    organizer: input.organizer,
    attendees: [{ name: recipient.name, email: recipient.email, rsvp: false }],
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    class: ICalEventClass.PRIVATE,
  });
  return calendar.toString();
}
