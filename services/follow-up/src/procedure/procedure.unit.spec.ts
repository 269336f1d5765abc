import { describe, expect, it } from 'vitest';
import { evolve, initialState } from '../file/file.ts';
import { as, caseworker, daysLater, event, fileSpec, opened, people, refuses } from '../test-builders.ts';
import { compensationFacts, initialProcedure, type ProcedureCommand } from './procedure.ts';

const cmd = <T extends ProcedureCommand['type']>(
  type: T,
  data: Extract<ProcedureCommand, { type: T }>['data'],
  metadata = caseworker,
) => ({ type, data, metadata }) as Extract<ProcedureCommand, { type: T }>;
const complaint = { filedOn: '2025-05-20', with: 'police' as const, offenceOn: '2025-05-18' };
const hearingData = {
  hearingId: 'h-1',
  court: 'tj-paris',
  chamber: '10e chambre',
  startsAt: daysLater(20).toISOString(),
  accompanimentPlanned: true,
};
const hearing = event('HearingScheduled', hearingData);
const judgmentData = {
  judgmentId: 'j-1',
  court: 'tj-paris',
  on: '2025-09-10',
  final: false,
  civilParty: true,
  awardCents: 250_000,
};
const judgment = event('JudgmentRecorded', judgmentData);

describe('complaint and prosecution', () => {
  it('records the complaint once, with coherent dates', () => {
    fileSpec
      .given([opened()])
      .when(cmd('RecordComplaint', complaint))
      .then([event('ComplaintRecorded', complaint)]);
    refuses(
      fileSpec
        .given([opened(), event('ComplaintRecorded', complaint)])
        .when(cmd('RecordComplaint', complaint)),
      'complaint_recorded',
      409,
    );
    refuses(
      fileSpec.given([opened()]).when(cmd('RecordComplaint', { ...complaint, offenceOn: '2025-05-21' })),
      'complaint_dates',
      422,
    );
    refuses(
      fileSpec.given([opened()]).when(cmd('RecordComplaint', { ...complaint, filedOn: '2025-07-01' })),
      'complaint_dates',
    );
    refuses(
      fileSpec.given([opened()]).when(cmd('RecordComplaint', { ...complaint, filedOn: '2025-13-01' })),
      'invalid_date',
      422,
    );
  });

  it('records the prosecution decision', () => {
    const decision = { decision: 'prosecution' as const, decidedOn: '2025-05-30', court: 'tj-paris' };
    fileSpec
      .given([opened()])
      .when(cmd('RecordProsecutionDecision', decision))
      .then([event('ProsecutionDecided', decision)]);
  });
});

describe('hearings', () => {
  it('schedules, reschedules, cancels; a retried schedule is one hearing', () => {
    fileSpec.given([opened()]).when(cmd('ScheduleHearing', hearingData)).then([hearing]);
    fileSpec.given([opened(), hearing]).when(cmd('ScheduleHearing', hearingData)).then([]);
    refuses(
      fileSpec
        .given([opened(), hearing])
        .when(cmd('ScheduleHearing', { ...hearingData, court: 'tj-creteil' })),
      'hearing_exists',
      409,
    );
    const moved = daysLater(40).toISOString();
    fileSpec
      .given([opened(), hearing])
      .when(cmd('RescheduleHearing', { hearingId: 'h-1', startsAt: moved }))
      .then([event('HearingRescheduled', { hearingId: 'h-1', startsAt: moved })]);
    fileSpec
      .given([opened(), hearing])
      .when(cmd('CancelHearing', { hearingId: 'h-1' }))
      .then([event('HearingCancelled', { hearingId: 'h-1' })]);
    refuses(
      fileSpec.given([opened()]).when(cmd('CancelHearing', { hearingId: 'h-9' })),
      'hearing_not_found',
      422,
    );
  });

  it('records a hearing held on or after its date, and nothing more on it', () => {
    const after = as(people.caseworker, daysLater(21));
    fileSpec
      .given([opened(), hearing])
      .when(cmd('RecordHearingHeld', { hearingId: 'h-1' }, after))
      .then([event('HearingHeld', { hearingId: 'h-1' }, 'cw-1', daysLater(21).toISOString())]);
    refuses(
      fileSpec.given([opened(), hearing]).when(cmd('RecordHearingHeld', { hearingId: 'h-1' })),
      'hearing_in_future',
      422,
    );
    const held = event('HearingHeld', { hearingId: 'h-1' });
    refuses(
      fileSpec.given([opened(), hearing, held]).when(cmd('CancelHearing', { hearingId: 'h-1' })),
      'hearing_status',
      409,
    );
  });
});

describe('judgments and appeals', () => {
  it('records a judgment, then its becoming final', () => {
    fileSpec.given([opened()]).when(cmd('RecordJudgment', judgmentData)).then([judgment]);
    fileSpec
      .given([opened(), judgment])
      .when(cmd('RecordJudgmentFinal', { judgmentId: 'j-1', finalOn: '2025-10-20' }))
      .then([event('JudgmentBecameFinal', { judgmentId: 'j-1', finalOn: '2025-10-20' })]);
  });

  it('refuses a final judgment without its date, an award to no civil party, an award in fractions of cents', () => {
    refuses(
      fileSpec.given([opened()]).when(cmd('RecordJudgment', { ...judgmentData, final: true })),
      'judgment_final_date',
      422,
    );
    refuses(
      fileSpec.given([opened()]).when(cmd('RecordJudgment', { ...judgmentData, finalOn: '2025-10-01' })),
      'judgment_final_date',
    );
    refuses(
      fileSpec
        .given([opened()])
        .when(cmd('RecordJudgment', { ...judgmentData, final: true, finalOn: '2025-09-01' })),
      'judgment_final_date',
    );
    refuses(
      fileSpec.given([opened()]).when(cmd('RecordJudgment', { ...judgmentData, civilParty: false })),
      'judgment_award',
      422,
    );
    refuses(
      fileSpec.given([opened()]).when(cmd('RecordJudgment', { ...judgmentData, awardCents: 10.5 })),
      'judgment_award',
    );
    refuses(
      fileSpec.given([opened()]).when(cmd('RecordJudgment', { ...judgmentData, onAppealOf: 'j-0' })),
      'judgment_not_found',
      422,
    );
  });

  it('records an appeal, which keeps the judgment from becoming final; a final one cannot be appealed', () => {
    const appeal = { judgmentId: 'j-1', party: 'defendant' as const, on: '2025-09-15' };
    fileSpec
      .given([opened(), judgment])
      .when(cmd('RecordAppeal', appeal))
      .then([event('AppealLodged', appeal)]);
    const appealed = event('AppealLodged', appeal);
    refuses(
      fileSpec
        .given([opened(), judgment, appealed])
        .when(cmd('RecordJudgmentFinal', { judgmentId: 'j-1', finalOn: '2025-10-20' })),
      'judgment_appealed',
      409,
    );
    const final = event('JudgmentBecameFinal', { judgmentId: 'j-1', finalOn: '2025-10-20' });
    refuses(
      fileSpec.given([opened(), judgment, final]).when(cmd('RecordAppeal', appeal)),
      'judgment_final',
      409,
    );
    const onAppeal = {
      ...judgmentData,
      judgmentId: 'j-2',
      on: '2026-03-01',
      final: true,
      finalOn: '2026-05-02',
      onAppealOf: 'j-1',
    };
    expect(
      fileSpec.given([opened(), judgment, appealed]).when(cmd('RecordJudgment', onAppeal)).events(),
    ).toHaveLength(1);
  });
});

describe('compensation facts', () => {
  it('gives the offence date, whether there was a prosecution, the last final decision and the award', () => {
    const final = event('JudgmentBecameFinal', { judgmentId: 'j-1', finalOn: '2025-10-20' });
    const state = [opened(), event('ComplaintRecorded', complaint), judgment, final].reduce(
      evolve,
      initialState(),
    );
    if (state.status === 'none') throw new Error('no file');
    expect(compensationFacts(state.procedure)).toMatchObject({
      offenceOn: '2025-05-18',
      prosecuted: true,
      lastFinalDecisionOn: '2025-10-20',
      awarded: { judgmentId: 'j-1', awardCents: 250_000 },
    });
    expect(compensationFacts(initialProcedure())).toMatchObject({ prosecuted: false });
  });
});
