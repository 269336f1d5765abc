import { describe, expect, it } from 'vitest';
import { evolveMandate } from '../mandate/evolve.ts';
import { initialMandateState, type MandateEvent } from '../mandate/mandate.ts';
import { bookingsOf, type SessionKind, type Slot } from '../mandate/sessions.ts';
import {
  added,
  at,
  by,
  consented,
  context,
  held,
  jointSlot,
  mediator,
  now,
  party,
  policy,
  readyForJoint,
  room,
  scheduled,
  slot,
  withParties,
} from '../test-builders.ts';
import { checkSlot, type SchedulingContext } from './check-slot.ts';
import { type SlotConflictCode, SlotConflictCodes } from './conflicts.ts';

const stateOf = (events: MandateEvent[]) => events.reduce(evolveMandate, initialMandateState());
const interview = slot('2026-03-10', '10:00', '11:00', { 'p-victim': '10:00' });
const joint = jointSlot;
const returned: MandateEvent = {
  type: 'MandateReturned',
  data: { mandateId: 'm-1', reason: 'no-agreement', by, at },
};
const elsewhere = (s: Slot) => bookingsOf('m-2', { ...s, sessionId: 'other-session' });

interface Case {
  history?: MandateEvent[];
  kind?: SessionKind;
  slot?: Slot;
  context?: Partial<SchedulingContext>;
  expected: SlotConflictCode[];
}

const [authorisation] = mediator.authorisations;
const cases: Record<string, Case> = {
  'a file no longer open': { history: [...withParties, returned], expected: ['mandate_not_open'] },
  'an end before the start': { slot: { ...interview, end: interview.start }, expected: ['invalid_range'] },
  'a slot in the past': {
    slot: slot('2026-03-02', '09:00', '10:00', { 'p-victim': '09:00' }),
    expected: ['in_the_past'],
  },
  'a session after the prosecutor’s deadline': {
    slot: slot('2026-07-01', '10:00', '11:00', { 'p-victim': '10:00' }),
    context: { mediator: { ...mediator, authorisations: [{ ...authorisation!, until: '2027-09-01' }] } },
    history: [
      ...withParties,
      scheduled('s-0', 'individual', slot('2026-03-09', '10:00', '11:00', { 'p-respondent': '10:00' })),
    ],
    expected: ['after_prosecutor_deadline'],
  },
  'a first convocation later than the configured days': {
    slot: slot('2026-04-02', '10:00', '11:00', { 'p-victim': '10:00' }),
    expected: ['first_convocation_late'],
  },
  'an unknown party': {
    slot: slot('2026-03-10', '10:00', '11:00', { 'p-victim': '10:00', 'p-nobody': '10:00' }),
    expected: ['unknown_party'],
  },
  'a party convened twice': {
    slot: { ...interview, convocations: [...interview.convocations, ...interview.convocations] },
    expected: ['duplicate_convocation'],
  },
  'a party who refused': {
    history: [...withParties, consented('p-victim', 'refused')],
    expected: ['party_refused'],
  },
  'both sides in an individual interview': {
    slot: slot('2026-03-10', '10:00', '12:00', { 'p-victim': '10:00', 'p-respondent': '11:00' }),
    expected: ['individual_interview_parties'],
  },
  'the other side’s lawyer in the victim’s interview': {
    slot: slot('2026-03-10', '10:00', '12:00', { 'p-victim': '10:00', 'p-lawyer': '11:00' }),
    expected: ['individual_interview_parties'],
  },
  'a joint session without the respondent': {
    history: readyForJoint,
    kind: 'joint',
    slot: slot('2026-03-17', '10:00', '12:00', { 'p-victim': '10:00' }),
    expected: ['joint_session_parties'],
  },
  'a joint session before the individual interviews and consents': {
    kind: 'joint',
    slot: joint,
    expected: ['before_individual_interviews', 'consent_missing'],
  },
  'an arrival outside the session': {
    slot: slot('2026-03-10', '10:00', '11:00', { 'p-victim': '09:45' }),
    expected: ['arrival_outside_session'],
  },
  'the two sides arriving within the gap': {
    history: readyForJoint,
    kind: 'joint',
    slot: slot('2026-03-17', '10:00', '12:00', {
      'p-victim': '10:00',
      'p-respondent': '10:05',
      'p-lawyer': '10:30',
    }),
    expected: ['arrival_gap'],
  },
  'a party expected elsewhere': {
    context: {
      bookings: elsewhere({
        ...slot('2026-03-10', '10:30', '11:30', { 'p-victim': '10:30' }),
        mediatorId: 'med-2',
        roomId: 'room-2',
      }),
    },
    expected: ['party_busy'],
  },
  'no mediator record': { context: { mediator: undefined }, expected: ['mediator_unknown'] },
  'a mediator of another association': {
    context: { mediator: { ...mediator, associationId: 'asso-69' } },
    expected: ['mediator_other_association'],
  },
  'another mediator than the assigned one': {
    history: [
      ...withParties,
      { type: 'MediatorAssigned', data: { mandateId: 'm-1', mediatorId: 'med-2', by, at } },
    ],
    expected: ['mediator_not_assigned'],
  },
  'a mediator authorised at another court': {
    context: { mediator: { ...mediator, authorisations: [{ ...authorisation!, court: 'tj-creteil' }] } },
    expected: ['authorisation_other_court'],
  },
  'a lapsed authorisation': {
    context: { mediator: { ...mediator, authorisations: [{ ...authorisation!, until: '2026-03-10' }] } },
    expected: ['authorisation_lapsed'],
  },
  'a mediator without the minors authorisation for a minor': {
    history: [{ ...withParties[0]! }, added(party('p-victim', 'victim', { minor: true }))],
    expected: ['not_authorised_for_minors'],
  },
  'a mediator reaching the age limit that day': {
    context: { mediator: { ...mediator, birthDate: '1951-03-10' } },
    expected: ['mediator_age_limit'],
  },
  'a Saturday outside the weekly pattern': {
    slot: slot('2026-03-14', '10:00', '11:00', { 'p-victim': '10:00' }),
    expected: ['mediator_unavailable'],
  },
  'a session running past the end of the day': {
    slot: slot('2026-03-10', '17:30', '18:30', { 'p-victim': '17:30' }),
    expected: ['mediator_unavailable'],
  },
  'an absence': {
    context: {
      mediator: {
        ...mediator,
        exceptions: [{ exceptionId: 'x', kind: 'absence', start: interview.start, end: interview.end }],
      },
    },
    expected: ['mediator_unavailable'],
  },
  'the mediator busy with another mandate': {
    context: { bookings: elsewhere({ ...interview, convocations: [], roomId: 'room-2' }) },
    expected: ['mediator_busy'],
  },
  'no room record': { context: { room: undefined }, expected: ['room_unknown'] },
  'a room of another office': {
    context: { room: { ...room, officeId: 'office-75-tgi' } },
    expected: ['room_other_office'],
  },
  'a closed room': { context: { room: { ...room, open: false } }, expected: ['room_closed'] },
  'a room too small': {
    history: readyForJoint,
    kind: 'joint',
    slot: joint,
    context: { room: { ...room, capacity: 3 } },
    expected: ['room_too_small'],
  },
  'the room taken by another mandate': {
    context: { bookings: elsewhere({ ...interview, convocations: [], mediatorId: 'med-2' }) },
    expected: ['room_busy'],
  },
};

describe('checking a proposed slot', () => {
  it('finds nothing wrong with a valid interview', () => {
    expect(
      checkSlot(
        stateOf(withParties),
        { sessionId: 's-1', kind: 'individual', slot: interview },
        context(),
        now,
        policy,
      ),
    ).toEqual([]);
  });

  it.each(Object.entries(cases))('names %s', (_, c) => {
    const conflicts = checkSlot(
      stateOf(c.history ?? withParties),
      { sessionId: 's-1', kind: c.kind ?? 'individual', slot: c.slot ?? interview },
      context(c.context),
      now,
      policy,
    );
    expect([...new Set(conflicts.map((conflict) => conflict.code))]).toEqual(c.expected);
  });

  it('has a case for every conflict code', () => {
    const covered = new Set(Object.values(cases).flatMap((c) => c.expected));
    expect(SlotConflictCodes.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('lists every conflict at once, each on its field, with the session it clashes with', () => {
    const saturday = slot('2026-03-14', '10:00', '11:00', { 'p-victim': '10:00' });
    const conflicts = checkSlot(
      stateOf(withParties),
      { sessionId: 's-1', kind: 'individual', slot: saturday },
      context({ room: { ...room, open: false }, bookings: elsewhere({ ...saturday, convocations: [] }) }),
      now,
      policy,
    );
    expect(conflicts).toEqual([
      { code: 'mediator_unavailable', field: 'start' },
      { code: 'mediator_busy', field: 'start', sessionId: 'other-session' },
      { code: 'room_closed', field: 'roomId' },
      { code: 'room_busy', field: 'start', sessionId: 'other-session' },
    ]);
  });

  it('counts the first convocation as made once a session was held, or another is in time', () => {
    const late = slot('2026-04-02', '10:00', '11:00', { 'p-respondent': '10:00' });
    const check = (history: MandateEvent[]) =>
      checkSlot(
        stateOf(history),
        { sessionId: 's-2', kind: 'individual', slot: late },
        context(),
        now,
        policy,
      );
    expect(check([...withParties, scheduled('s-1', 'individual', interview)])).toEqual([]);
    expect(
      check([...withParties, scheduled('s-1', 'individual', interview), held('s-1', ['p-victim'])]),
    ).toEqual([]);
  });

  it('accepts an extra slot outside the weekly pattern', () => {
    const saturday = slot('2026-03-14', '10:00', '11:00', { 'p-victim': '10:00' });
    const extra = {
      ...mediator,
      exceptions: [{ exceptionId: 'x', kind: 'extra' as const, start: saturday.start, end: saturday.end }],
    };
    expect(
      checkSlot(
        stateOf(withParties),
        { sessionId: 's-1', kind: 'individual', slot: saturday },
        context({ mediator: extra }),
        now,
        policy,
      ),
    ).toEqual([]);
  });
});
