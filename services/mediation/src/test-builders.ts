import { atLocal, type LocalDate, type LocalTime } from './calendar/time.ts';
import type { CommandMetadata } from './command.ts';
import type { MandateEvent, MandateRequest } from './mandate/mandate.ts';
import type { Party, PartyRole } from './mandate/parties.ts';
import type { Convocation, SessionKind, Slot } from './mandate/sessions.ts';
import type { Term } from './mandate/terms.ts';
import type { Mediator } from './mediator/mediator.ts';
import { defaultPolicy } from './policy.ts';
import type { Room } from './rooms/rooms.ts';
import type { SchedulingContext } from './scheduling/check-slot.ts';

/** Given/when/then material for the mediation domain: a theft in Paris, mandate m-1, March 2026. */
export const policy = defaultPolicy;
export const zone = policy.timeZone;
/** Monday 2 March 2026, 10:00 in Paris. */
export const now = new Date('2026-03-02T09:00:00.000Z');
export const at = now.toISOString();
export const local = (date: LocalDate, time: LocalTime) => atLocal(date, time, zone);

export const mediatorActor: CommandMetadata = {
  now,
  actor: { id: 'med-1', roles: ['mediator'], association: 'asso-75', office: 'office-75-bav' },
};
export const system = (when: Date): CommandMetadata => ({
  now: when,
  actor: { id: 'system:mediation', roles: ['admin'] },
});
export const by = mediatorActor.actor.id;

/** A typed command builder for one decider's commands: `const cmd = commands<MandateCommand>()`. */
export const commands =
  <Union extends { type: string; data: unknown }>(defaultMetadata = mediatorActor) =>
  <T extends Union['type']>(type: T, data: Extract<Union, { type: T }>['data'], metadata = defaultMetadata) =>
    ({ type, data, metadata }) as unknown as Extract<Union, { type: T }>;

/** Whatever the domain refused with: its code, status and field errors. */
export function rejection(run: () => unknown): {
  code: string;
  status: number;
  errors?: { field: string; message: string }[];
} {
  try {
    run();
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the command to be refused');
}

export const envelope = (subject: string) => ({
  enc: 'aes-256-gcm/v1' as const,
  subject,
  iv: 'AAECAwQFBgcICQoL',
  tag: 'AAECAwQFBgcICQoLDA0ODw==',
  ct: 'c2VjcmV0',
});

export const mandate = {
  mandateId: 'm-1',
  origin: 'prosecutor' as const,
  associationId: 'asso-75',
  officeId: 'office-75-bav',
  court: 'tj-paris',
  prosecutorReference: 'PR-26-0042',
  offence: { category: 'robbery-theft' as const },
  orderedOn: '2026-02-20',
  deadline: '2026-06-30',
  firstConvocationBy: '2026-04-01',
};
/** A follow-up file's request for mandate m-1. */
export const mandateRequest: MandateRequest = {
  mandateId: 'm-1',
  requestId: 'req-7',
  caseId: 'case-1',
  fileId: 'file-1',
  associationId: 'asso-75',
  officeId: 'office-75-bav',
  court: 'tj-paris',
  offenceCategory: 'robbery-theft',
};
export const ordered: MandateEvent = { type: 'MandateOrdered', data: { mandate, by, at } };

export function party(partyId: string, role: PartyRole, overrides: Partial<Party> = {}): Party {
  return {
    partyId,
    role,
    minor: false,
    subjectId: `subject-${partyId}`,
    personal: envelope(`subject-${partyId}`),
    safeContact: { safeNumber: true, safeEmail: false, noVoicemail: true, hours: [] },
    ...(role === 'respondent' ? { relationship: 'neighbour' as const } : {}),
    ...overrides,
  };
}

export const victim = party('p-victim', 'victim');
export const respondent = party('p-respondent', 'respondent');
export const lawyer = party('p-lawyer', 'lawyer', { actsFor: 'p-respondent' });

export const added = (p: Party): MandateEvent => ({
  type: 'PartyAdded',
  data: { mandateId: 'm-1', party: p, by, at },
});
export const consented = (partyId: string, decision: 'given' | 'refused' = 'given'): MandateEvent => ({
  type: 'ConsentRecorded',
  data: {
    mandateId: 'm-1',
    partyId,
    consent: { decision, expressedAt: at, channel: 'in-person', recordedBy: by },
    by,
    at,
  },
});

/** A slot at the office in room-1 with med-1, on a local date, each party convened at a local time. */
export function slot(
  date: LocalDate,
  from: LocalTime,
  to: LocalTime,
  arrivals: Record<string, LocalTime>,
): Slot {
  const convocations: Convocation[] = Object.entries(arrivals).map(([partyId, time]) => ({
    partyId,
    arriveAt: local(date, time).toISOString(),
  }));
  return {
    mediatorId: 'med-1',
    roomId: 'room-1',
    officeId: 'office-75-bav',
    start: local(date, from).toISOString(),
    end: local(date, to).toISOString(),
    convocations,
  };
}

export const scheduled = (sessionId: string, kind: SessionKind, s: Slot, sequence = 0): MandateEvent => ({
  type: 'SessionScheduled',
  data: { mandateId: 'm-1', session: { sessionId, kind, ...s, sequence }, by, at },
});
export const held = (
  sessionId: string,
  present: string[],
  absent: string[] = [],
  excused: string[] = [],
): MandateEvent => ({
  type: 'AttendanceRecorded',
  data: { mandateId: 'm-1', sessionId, attendance: { present, absent, excused }, by, at },
});

export const mediator: Mediator = {
  mediatorId: 'med-1',
  associationId: 'asso-75',
  birthDate: '1968-05-10',
  authorisations: [
    {
      authorisationId: 'auth-1',
      court: 'tj-paris',
      kind: 'probationary',
      from: '2025-09-01',
      until: '2026-09-01',
      minors: false,
      decisionReference: 'PR-HAB-2025-12',
    },
  ],
  // Weekdays 09:00-18:00.
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '18:00' })),
  exceptions: [],
};

export const room: Room = {
  roomId: 'room-1',
  officeId: 'office-75-bav',
  associationId: 'asso-75',
  name: 'Salle Simone Veil',
  capacity: 4,
  open: true,
};

export const context = (overrides: Partial<SchedulingContext> = {}): SchedulingContext => ({
  mediator,
  room,
  bookings: [],
  ...overrides,
});

/** The usual history: mandate ordered, victim, respondent and the respondent's lawyer added. */
export const withParties: MandateEvent[] = [ordered, added(victim), added(respondent), added(lawyer)];
/** …both interviewed on their own and consenting: ready for a joint session. */
export const readyForJoint: MandateEvent[] = [
  ...withParties,
  scheduled('s-victim', 'individual', slot('2026-03-10', '10:00', '11:00', { 'p-victim': '10:00' })),
  scheduled(
    's-respondent',
    'individual',
    slot('2026-03-10', '14:00', '15:00', { 'p-respondent': '14:00', 'p-lawyer': '14:00' }),
  ),
  held('s-victim', ['p-victim']),
  held('s-respondent', ['p-respondent', 'p-lawyer']),
  consented('p-victim'),
  consented('p-respondent'),
];

/** The joint session: the victim first, the respondent and their lawyer a quarter of an hour later. */
export const jointSlot = slot('2026-03-17', '10:00', '12:00', {
  'p-victim': '10:00',
  'p-respondent': '10:15',
  'p-lawyer': '10:15',
});
/** …held with everyone present: an agreement can be signed. */
export const afterJoint: MandateEvent[] = [
  ...readyForJoint,
  scheduled('s-j', 'joint', jointSlot),
  held('s-j', ['p-victim', 'p-respondent', 'p-lawyer']),
];
/** €450 in two instalments, and a written apology. */
export const compensation: Term = {
  termId: 't-pay',
  kind: 'compensation',
  by: 'p-respondent',
  to: 'p-victim',
  amountCents: 45_000,
  instalments: [
    { dueDate: '2026-04-30', amountCents: 15_000 },
    { dueDate: '2026-05-31', amountCents: 30_000 },
  ],
};
export const apology: Term = {
  termId: 't-sorry',
  kind: 'apology',
  by: 'p-respondent',
  to: 'p-victim',
  form: 'written',
  dueDate: '2026-03-31',
};
export const signatures = [
  { partyId: 'p-victim', signedAt: at },
  { partyId: 'p-respondent', signedAt: at },
];
export const signed: MandateEvent = {
  type: 'AgreementSigned',
  data: { mandateId: 'm-1', terms: [compensation, apology], signatures, by, at },
};
export const agreed: MandateEvent[] = [...afterJoint, signed];
