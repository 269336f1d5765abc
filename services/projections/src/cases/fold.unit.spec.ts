import { describe, expect, it } from 'vitest';
import { journeyEvents } from '../demo/journey.ts';
import { toLogEvent } from '../log/log.ts';
import { foldCase } from './fold.ts';

const start = new Date('2026-03-02T09:00:00.000Z');
const events = journeyEvents({
  caseId: 'case-1',
  start,
  associationId: 'asso-75',
  officeId: 'office-75-bav',
  actions: [
    { day: 0, kind: 'legal-information' },
    { day: 7, kind: 'psychological-support' },
  ],
  contactAfterHours: 2,
  evvi: { late: true },
  hearingInDays: 30,
  mediation: 'agreed',
}).map((event) => toLogEvent('t', event));

/** A deterministic shuffle (the same for every run). */
const shuffled = <T>(items: readonly T[], seed: number) => {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
};

describe("a case's fold", () => {
  it('is the same whatever order the events arrived in', () => {
    const inOrder = foldCase('case-1', events);
    for (const seed of [1, 2, 3, 42]) expect(foldCase('case-1', shuffled(events, seed))).toEqual(inOrder);
  });

  it('gives the file, its actions, the first contact, the referral, the EVVI breach and the mediation', () => {
    const views = foldCase('case-1', events);
    expect(views.case).toMatchObject({ channel: 'helpline', offence_category: 'physical-violence' });
    expect(views.files).toEqual([
      expect.objectContaining({
        file_id: 'case-1-file',
        person_key: 'case-1/case-1-file',
        status: 'open',
        caseworker_id: 'staff-1',
        opened_at: '2026-03-02T14:01:00.000Z',
        first_contact_at: '2026-03-02T15:01:00.000Z', // the first interview came before the call
      }),
    ]);
    expect(views.actions.map((a) => a['kind'])).toEqual(['legal-information', 'psychological-support']);
    expect(views.referrals).toEqual([
      expect.objectContaining({
        status: 'accepted',
        accepted_at: '2026-03-02T14:00:00.000Z',
        office_id: 'office-75-bav',
      }),
    ]);
    expect(views.breaches.map((b) => b['kind'])).toEqual(['evvi-late']);
    expect(views.mediations).toEqual([expect.objectContaining({ status: 'agreed', sessions_held: 1 })]);
    expect(views.hearings).toHaveLength(1);
  });

  it('counts a transferred file and its successor as one person', () => {
    const views = foldCase(
      'case-2',
      [...journeyEvents({ caseId: 'case-2', start, associationId: 'asso-75', officeId: 'office-75-bav' })]
        .map((event) => toLogEvent('t', event))
        .concat([
          toLogEvent('t', {
            id: 'case-2-next',
            type: 'fr.parcours.followup.file-opened.v1',
            source: '/parcours/follow-up',
            subject: 'case-2',
            time: '2026-04-01T00:00:00.000Z',
            data: {
              fileId: 'case-2-file-b',
              caseId: 'case-2',
              associationId: 'asso-69',
              officeId: 'office-69-lyon',
              origin: 'transfer',
              referralId: 'case-2-ref-b',
              linkedFileId: 'case-2-file',
              channel: 'helpline',
              offenceCategory: 'physical-violence',
              needs: [],
              urgency: 'normal',
              at: '2026-04-01T00:00:00.000Z',
            },
          }),
        ]),
    );
    expect(new Set(views.files.map((file) => file['person_key']))).toEqual(new Set(['case-2/case-2-file']));
  });

  it('marks an unanswered referral expired, a breach of its office', () => {
    const expired = journeyEvents({
      caseId: 'case-3',
      start,
      associationId: 'asso-75',
      officeId: 'office-75-bav',
      expires: true,
    });
    const views = foldCase(
      'case-3',
      expired.map((event) => toLogEvent('t', event)),
    );
    expect(views.referrals[0]).toMatchObject({ status: 'expired', accepted_at: null });
    expect(views.breaches).toEqual([
      expect.objectContaining({ kind: 'referral-expired', office_id: 'office-75-bav' }),
    ]);
    expect(views.files).toEqual([]);
  });
});
