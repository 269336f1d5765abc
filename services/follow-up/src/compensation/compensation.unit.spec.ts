import { describe, expect, it } from 'vitest';
import { caseworker, event, fileSpec, opened, refuses } from '../test-builders.ts';
import type { CompensationCommand } from './compensation.ts';

const cmd = <T extends CompensationCommand['type']>(
  type: T,
  data: Extract<CompensationCommand, { type: T }>['data'],
) => ({ type, data, metadata: caseworker }) as Extract<CompensationCommand, { type: T }>;
const complaint = event('ComplaintRecorded', {
  filedOn: '2024-04-02',
  with: 'police',
  offenceOn: '2024-03-30',
});
const prosecution = event('ProsecutionDecided', { decision: 'prosecution', decidedOn: '2024-06-01' });
const judgment = event('JudgmentRecorded', {
  judgmentId: 'j-1',
  court: 'tj-paris',
  on: '2025-01-15',
  final: true,
  finalOn: '2025-02-20',
  civilParty: true,
  awardCents: 500_000,
});
const civiBasis = [{ code: 'civi-deadline' as const, reference: 'CPP art. 706-5' }];
const civiTracked = event('CompensationDeadlineTracked', {
  scheme: 'civi',
  closesOn: '2027-03-30',
  basis: civiBasis,
});

describe('tracking a deadline', () => {
  it('computes the CIVI deadline from the complaint and the procedure', () => {
    fileSpec
      .given([opened(), complaint])
      .when(cmd('TrackCompensationDeadline', { scheme: 'civi' }))
      .then([civiTracked]);
    // A final decision after the prosecution moves it to one year after, when later.
    const late = event('JudgmentRecorded', {
      judgmentId: 'j-1',
      court: 'tj-paris',
      on: '2026-05-01',
      final: true,
      finalOn: '2026-06-15',
      civilParty: true,
    });
    fileSpec
      .given([opened(), complaint, prosecution, late])
      .when(cmd('TrackCompensationDeadline', { scheme: 'civi' }))
      .then([
        event('CompensationDeadlineTracked', {
          scheme: 'civi',
          closesOn: '2027-06-15',
          basis: [...civiBasis, { code: 'civi-deadline-prosecution', reference: 'CPP art. 706-5' }],
        }),
      ]);
    fileSpec
      .given([opened(), complaint, civiTracked])
      .when(cmd('TrackCompensationDeadline', { scheme: 'civi' }))
      .then([]);
  });

  it('needs the offence date, and the majority date of a minor victim (used, not kept)', () => {
    refuses(
      fileSpec.given([opened()]).when(cmd('TrackCompensationDeadline', { scheme: 'civi' })),
      'offence_date_unknown',
      422,
    );
    refuses(
      fileSpec
        .given([opened({ ageBand: 'under-18' }), complaint])
        .when(cmd('TrackCompensationDeadline', { scheme: 'civi' })),
      'majority_date_required',
      422,
    );
    const [tracked] = fileSpec
      .given([opened({ ageBand: 'under-18' }), complaint])
      .when(cmd('TrackCompensationDeadline', { scheme: 'civi', majorityOn: '2029-11-04' }))
      .events();
    expect(tracked?.data).toMatchObject({ closesOn: '2032-11-04' });
    expect(JSON.stringify(tracked)).not.toContain('2029-11-04');
  });

  it('opens the SARVI window from a final judgment awarding damages to the civil party', () => {
    fileSpec
      .given([opened(), complaint, judgment])
      .when(cmd('TrackCompensationDeadline', { scheme: 'sarvi' }))
      .then([
        event('CompensationDeadlineTracked', {
          scheme: 'sarvi',
          opensOn: '2025-04-20',
          closesOn: '2026-02-20',
          basis: [
            { code: 'sarvi-eligibility', reference: 'CPP art. 706-15-1' },
            { code: 'sarvi-deadline', reference: 'CPP art. 706-15-2' },
          ],
        }),
      ]);
    refuses(
      fileSpec.given([opened(), complaint]).when(cmd('TrackCompensationDeadline', { scheme: 'sarvi' })),
      'sarvi_not_applicable',
      422,
    );
  });
});

describe('claims', () => {
  it('files a claim in time, once', () => {
    fileSpec
      .given([opened(), complaint, civiTracked])
      .when(cmd('FileCompensationClaim', { scheme: 'civi', filedOn: '2025-05-01' }))
      .then([event('CompensationClaimFiled', { scheme: 'civi', filedOn: '2025-05-01', late: false })]);
    const filed = event('CompensationClaimFiled', { scheme: 'civi', filedOn: '2025-05-01', late: false });
    fileSpec
      .given([opened(), complaint, civiTracked, filed])
      .when(cmd('FileCompensationClaim', { scheme: 'civi', filedOn: '2025-05-02' }))
      .then([]);
  });

  it('records a late claim with the relief reason and the reference that allows it', () => {
    refuses(
      fileSpec
        .given([opened(), complaint, civiTracked])
        .when(cmd('FileCompensationClaim', { scheme: 'civi', filedOn: '2027-04-01' })),
      'relief_reason_required',
      422,
    );
    fileSpec
      .given([opened(), complaint, civiTracked])
      .when(
        cmd('FileCompensationClaim', { scheme: 'civi', filedOn: '2027-04-01', relief: 'harm-aggravated' }),
      )
      .then([
        event('CompensationClaimFiled', {
          scheme: 'civi',
          filedOn: '2027-04-01',
          late: true,
          relief: { reason: 'harm-aggravated', code: 'civi-relief', reference: 'CPP art. 706-5' },
        }),
      ]);
  });

  it('refuses a SARVI claim before its window opens, and gives the advance with the claim', () => {
    const sarvi = event('CompensationDeadlineTracked', {
      scheme: 'sarvi',
      opensOn: '2025-04-20',
      closesOn: '2026-02-20',
      basis: [],
    });
    refuses(
      fileSpec
        .given([opened(), judgment, sarvi])
        .when(cmd('FileCompensationClaim', { scheme: 'sarvi', filedOn: '2025-03-01' })),
      'sarvi_not_open',
      409,
    );
    fileSpec
      .given([opened(), judgment, sarvi])
      .when(cmd('FileCompensationClaim', { scheme: 'sarvi', filedOn: '2025-05-01' }))
      .then([
        event('CompensationClaimFiled', {
          scheme: 'sarvi',
          filedOn: '2025-05-01',
          late: false,
          advanceCents: 150_000,
        }),
      ]);
  });

  it('needs the deadline tracked first; a waiver closes it unless a claim is filed', () => {
    refuses(
      fileSpec
        .given([opened()])
        .when(cmd('FileCompensationClaim', { scheme: 'civi', filedOn: '2025-05-01' })),
      'deadline_not_tracked',
      409,
    );
    refuses(
      fileSpec
        .given([opened()])
        .when(cmd('WaiveCompensation', { scheme: 'civi', reason: 'victim-declined' })),
      'deadline_not_tracked',
    );
    fileSpec
      .given([opened(), civiTracked])
      .when(cmd('WaiveCompensation', { scheme: 'civi', reason: 'victim-declined' }))
      .then([event('CompensationWaived', { scheme: 'civi', reason: 'victim-declined' })]);
    const filed = event('CompensationClaimFiled', { scheme: 'civi', filedOn: '2025-05-01', late: false });
    refuses(
      fileSpec
        .given([opened(), civiTracked, filed])
        .when(cmd('WaiveCompensation', { scheme: 'civi', reason: 'victim-declined' })),
      'claim_filed',
      409,
    );
  });
});
