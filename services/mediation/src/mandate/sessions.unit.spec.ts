import { deciderSpec } from '@parcours/testing';
import { describe, expect, it } from 'vitest';
import {
  at,
  by,
  commands,
  context,
  held,
  jointSlot,
  local,
  mediatorActor,
  policy,
  readyForJoint,
  rejection,
  scheduled,
  slot,
  withParties,
} from '../test-builders.ts';
import type { MandateCommand } from './commands.ts';
import { mandateDecider } from './decide.ts';
import { evolveMandate } from './evolve.ts';
import { initialMandateState, type MandateEvent } from './mandate.ts';
import type { SessionKind, Slot } from './sessions.ts';

const spec = deciderSpec(mandateDecider(policy));
const cmd = commands<MandateCommand>();
const schedule = (sessionId: string, kind: SessionKind, s: Slot, gap = policy) =>
  deciderSpec(mandateDecider(gap))
    .given(kind === 'joint' ? readyForJoint : withParties)
    .when(cmd('ScheduleSession', { sessionId, kind, slot: s, context: context() }));
const codes = (run: () => unknown) => rejection(run).errors?.map((e) => e.message);

const victimInterview = slot('2026-03-10', '10:00', '11:00', { 'p-victim': '10:00' });
/** The victim arrives first; the respondent and their lawyer a quarter of an hour later. */
const joint = jointSlot;

describe('scheduling', () => {
  it('schedules an individual interview at sequence 0, once', () => {
    schedule('s-1', 'individual', victimInterview).then([scheduled('s-1', 'individual', victimInterview)]);
    spec
      .given([...withParties, scheduled('s-1', 'individual', victimInterview)])
      .when(
        cmd('ScheduleSession', {
          sessionId: 's-1',
          kind: 'individual',
          slot: victimInterview,
          context: context(),
        }),
      )
      .then([]);
  });

  it('refuses a joint session before each party had an individual interview and consented', () => {
    const early = spec
      .given(withParties)
      .when(cmd('ScheduleSession', { sessionId: 's-j', kind: 'joint', slot: joint, context: context() }));
    expect(rejection(early.events)).toMatchObject({ code: 'slot_conflict', status: 409 });
    expect(codes(early.events)).toEqual([
      'before_individual_interviews',
      'before_individual_interviews',
      'consent_missing',
      'consent_missing',
    ]);
  });

  it('schedules the joint session once both sides were interviewed and consented, arrivals apart', () => {
    schedule('s-j', 'joint', joint).then([scheduled('s-j', 'joint', joint)]);
  });

  it('never convenes the victim and the respondent to arrive at the same time (the configured gap)', () => {
    const close = slot('2026-03-17', '10:00', '12:00', {
      'p-victim': '10:00',
      'p-respondent': '10:10',
      'p-lawyer': '10:15',
    });
    const refused = rejection(schedule('s-j', 'joint', close).events);
    expect(refused.errors).toEqual([
      { field: '/body/convocations', message: 'arrival_gap' },
      { field: '/body/convocations', message: 'arrival_gap' },
    ]);
    schedule('s-j', 'joint', close, { ...policy, arrivalGapMinutes: 10 }).then([
      scheduled('s-j', 'joint', close),
    ]);
  });

  it('applies the gap across sessions: back-to-back interviews of the two sides are apart too', () => {
    const short = slot('2026-03-10', '10:00', '10:10', { 'p-victim': '10:00' });
    const next = slot('2026-03-10', '10:10', '11:00', { 'p-respondent': '10:10' });
    const run = spec
      .given([...withParties, scheduled('s-1', 'individual', short)])
      .when(
        cmd('ScheduleSession', { sessionId: 's-2', kind: 'individual', slot: next, context: context() }),
      ).events;
    expect(codes(run)).toEqual(['arrival_gap']);
  });
});

describe('rescheduling and cancelling', () => {
  const later = slot('2026-03-11', '15:00', '16:00', { 'p-victim': '15:00' });
  const history = [...withParties, scheduled('s-1', 'individual', victimInterview)];
  const reschedule = (s: Slot) => cmd('RescheduleSession', { sessionId: 's-1', slot: s, context: context() });

  it('moves the session and increments its sequence each time', () => {
    spec
      .given(history)
      .when(reschedule(later))
      .then([
        {
          type: 'SessionRescheduled',
          data: { mandateId: 'm-1', sessionId: 's-1', slot: later, sequence: 1, by, at },
        },
      ]);
    const moved: MandateEvent = {
      type: 'SessionRescheduled',
      data: { mandateId: 'm-1', sessionId: 's-1', slot: later, sequence: 1, by, at },
    };
    const [again] = spec
      .given([...history, moved])
      .when(reschedule(victimInterview))
      .events();
    expect(again?.type === 'SessionRescheduled' && again.data.sequence).toBe(2);
    spec
      .given([...history, moved])
      .when(reschedule(later))
      .then([]);
  });

  it('checks the new slot like a new one, without clashing with the session itself', () => {
    const saturday = slot('2026-03-14', '10:00', '11:00', { 'p-victim': '10:00' });
    expect(codes(spec.given(history).when(reschedule(saturday)).events)).toEqual(['mediator_unavailable']);
    const overlapping = slot('2026-03-10', '10:30', '11:30', { 'p-victim': '10:30' });
    expect(spec.given(history).when(reschedule(overlapping)).events()).toHaveLength(1);
  });

  it('cancels with a reason and a new sequence, once; a held session stays held', () => {
    const cancel = cmd('CancelSession', { sessionId: 's-1', reason: 'party-request' });
    const cancelled: MandateEvent = {
      type: 'SessionCancelled',
      data: { mandateId: 'm-1', sessionId: 's-1', reason: 'party-request', sequence: 1, by, at },
    };
    spec.given(history).when(cancel).then([cancelled]);
    spec
      .given([...history, cancelled])
      .when(cancel)
      .then([]);
    expect(rejection(spec.given([...history, cancelled]).when(reschedule(later)).events)).toMatchObject({
      code: 'session_status',
    });
    expect(rejection(spec.given([...history, held('s-1', ['p-victim'])]).when(cancel).events)).toMatchObject({
      code: 'session_status',
      status: 409,
    });
    expect(rejection(spec.given(withParties).when(cancel).events)).toMatchObject({
      code: 'session_not_found',
    });
  });
});

describe('attendance', () => {
  const history = [...withParties, scheduled('s-1', 'individual', victimInterview)];
  const after = { ...mediatorActor, now: local('2026-03-10', '11:05') };
  const record = (present: string[], absent: string[] = [], metadata = after) =>
    cmd('RecordAttendance', { sessionId: 's-1', attendance: { present, absent, excused: [] } }, metadata);

  it('records who came once the session started; the same record again is a no-op', () => {
    const recorded = spec
      .given(history)
      .when(record(['p-victim']))
      .events();
    expect(recorded).toEqual([
      {
        type: 'AttendanceRecorded',
        data: {
          mandateId: 'm-1',
          sessionId: 's-1',
          attendance: { present: ['p-victim'], absent: [], excused: [] },
          by,
          at: after.now.toISOString(),
        },
      },
    ]);
    spec
      .given([...history, ...recorded])
      .when(record(['p-victim']))
      .then([]);
  });

  it('counts a no-show for each absent party, and an interview for each present one', () => {
    const state = [...history, held('s-1', [], ['p-victim'])].reduce(evolveMandate, initialMandateState());
    expect(state.status === 'open' && state.parties['p-victim']).toMatchObject({
      noShows: 1,
      interviewed: false,
    });
    const met = [...history, held('s-1', ['p-victim'])].reduce(evolveMandate, initialMandateState());
    expect(met.status === 'open' && met.parties['p-victim']).toMatchObject({ noShows: 0, interviewed: true });
  });

  it('refuses a record before the start, or one that does not list each convened party once', () => {
    expect(rejection(spec.given(history).when(record(['p-victim'], [], mediatorActor)).events)).toMatchObject(
      {
        code: 'session_not_started',
      },
    );
    expect(rejection(spec.given(history).when(record(['p-victim', 'p-respondent'])).events)).toMatchObject({
      code: 'attendance_parties',
      status: 422,
    });
    expect(rejection(spec.given(history).when(record([])).events)).toMatchObject({
      code: 'attendance_parties',
    });
  });
});
