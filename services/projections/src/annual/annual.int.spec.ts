import {
  DirectoryOfficeV1,
  FileOpenedV1,
  IntakeReadyForOrientationV1,
  type IntegrationEvent,
  SupportActionRecordedV1,
} from '@parcours/contracts';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyEvents } from '../demo/journey.ts';
import { startTestService, type TestService } from '../test-support.ts';

let service: TestService;
const manager = {
  sub: 'm-a',
  name: 'Manager A',
  roles: ['association-manager' as const],
  association: 'asso-a',
};
const at = (day: string) => new Date(`${day}T10:00:00.000Z`);

const office = (
  officeId: string,
  associationId: string,
  type: 'legal-advice-centre' | 'court-victim-office' | 'police-station' | 'gendarmerie',
) =>
  DirectoryOfficeV1.create({
    id: `dir-${officeId}`,
    subject: officeId,
    time: at('2025-01-01'),
    data: {
      officeId,
      associationId,
      name: officeId,
      type,
      communeCode: '75056',
      active: true,
      at: at('2025-01-01').toISOString(),
    },
  });

const a = { associationId: 'asso-a', officeId: 'office-a' };
beforeAll(async () => {
  service = await startTestService('annual');
  const p6 = journeyEvents({
    caseId: 'p6',
    start: at('2026-01-05'),
    ...a,
    actions: [{ day: 1, kind: 'legal-information' }],
  });
  // The same person's file in another association, after a transfer: one person nationally.
  const transferred = { fileId: 'p6-file-b', caseId: 'p6', associationId: 'asso-b', officeId: 'office-b' };
  await service.deliver([
    office('office-a', 'asso-a', 'legal-advice-centre'),
    office('office-a-court', 'asso-a', 'court-victim-office'),
    office('office-a-police', 'asso-a', 'police-station'),
    office('office-a-gendarmerie', 'asso-a', 'gendarmerie'),
    office('office-b', 'asso-b', 'legal-advice-centre'),
    // A person followed since 2025, seen once in 2026: helped, continuing.
    ...journeyEvents({
      caseId: 'p1',
      start: at('2025-11-10'),
      ...a,
      actions: [
        { day: 0, kind: 'legal-information' },
        { day: 90, kind: 'legal-information' },
      ],
    }),
    // Two interviews in 2026: accompanied, new; an EVVI late; a mediation agreed.
    ...journeyEvents({
      caseId: 'p2',
      start: at('2026-03-02'),
      ...a,
      actions: [
        { day: 0, kind: 'legal-information' },
        { day: 7, kind: 'psychological-support' },
      ],
      evvi: { late: true },
      mediation: 'agreed',
    }),
    // A file without any interview: not counted.
    ...journeyEvents({ caseId: 'p3', start: at('2026-03-02'), ...a }),
    // A walk-in at the police, seen in a court office, accompanied to a hearing; couple violence.
    ...journeyEvents({
      caseId: 'p4',
      start: at('2026-04-01'),
      associationId: 'asso-a',
      officeId: 'office-a-court',
      channel: 'walk-in',
      originOfficeId: 'office-a-police',
      offenceCategory: 'couple-violence',
      authorLink: 'former-partner',
      actions: [{ day: 2, kind: 'hearing-accompaniment' }],
    }),
    // A walk-in at the gendarmerie: police and gendarmerie count together.
    ...journeyEvents({
      caseId: 'p5',
      start: at('2026-05-01'),
      ...a,
      channel: 'walk-in',
      originOfficeId: 'office-a-gendarmerie',
      actions: [{ day: 1, kind: 'social-support' }],
    }),
    ...p6,
    FileOpenedV1.create({
      id: 'p6-b-opened',
      subject: 'p6',
      time: at('2026-02-01'),
      data: {
        ...transferred,
        origin: 'transfer',
        referralId: 'p6-ref-b',
        linkedFileId: 'p6-file',
        channel: 'helpline',
        offenceCategory: 'physical-violence',
        needs: [],
        urgency: 'normal',
        at: at('2026-02-01').toISOString(),
      },
    }),
    SupportActionRecordedV1.create({
      id: 'p6-b-action',
      subject: 'p6',
      time: at('2026-02-03'),
      data: {
        ...transferred,
        actionId: 'p6-b-a0',
        kind: 'legal-information',
        channel: 'phone',
        durationMinutes: 30,
        on: at('2026-02-03').toISOString(),
        staffCount: 1,
        at: at('2026-02-03').toISOString(),
      },
    }),
  ]);
});
afterAll(async () => service?.close());

const get = async (url: string, user: Parameters<TestService['auth']>[0] = manager) =>
  service.app.inject({ method: 'GET', url, headers: await service.auth(user) });

describe('the annual report', () => {
  it("counts an association's year by its rules: per person per case, helped and accompanied, new and continuing", async () => {
    const response = await get('/associations/asso-a/annual-reports/2026');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      year: 2026,
      scope: { kind: 'association', id: 'asso-a' },
      persons: { helped: 5, accompanied: 1, new: 4, continuing: 1, seenInCourtOffices: 1 },
      interviews: {
        total: 6,
        byType: { legal: 3, psychological: 1, social: 1, 'hearing-accompaniment': 1, other: 0 },
      },
      offenceCategories: { 'couple-violence-former-partner': 1, 'physical-violence': 4 },
      referralSources: { helpline: 3, 'police-gendarmerie': 2 },
      evvi: { submitted: 1, late: 1 },
      accompaniedHearings: 1,
      mediation: { agreed: 1, fulfilled: 0, notFulfilled: 0, returned: {}, refused: 0 },
    });
  });

  it('counts a person followed by two associations once nationally, once in each association', async () => {
    const national = (await get('/annual-reports/2026', 'federation-analyst')).json();
    // Nationally the transferred person had two interviews, one in each association: accompanied.
    expect(national.persons).toEqual({
      helped: 5,
      accompanied: 2,
      new: 4,
      continuing: 1,
      seenInCourtOffices: 1,
    });
    expect(national.interviews.total).toBe(7);
    const b = (
      await get('/associations/asso-b/annual-reports/2026', { ...manager, association: 'asso-b' })
    ).json();
    expect(b.persons).toEqual({ helped: 1, accompanied: 0, new: 1, continuing: 0, seenInCourtOffices: 0 });
    // The year before: only the person followed since November 2025.
    const before = (await get('/associations/asso-a/annual-reports/2025')).json();
    expect(before.persons).toEqual({
      helped: 1,
      accompanied: 0,
      new: 1,
      continuing: 0,
      seenInCourtOffices: 0,
    });
  });

  it('counts a couple’s violence and a former couple’s apart, and says when an older intake did not tell', async () => {
    const c = { associationId: 'asso-c', officeId: 'office-c' };
    const couple = (caseId: string, authorLink?: string) =>
      journeyEvents({
        caseId,
        start: at('2027-03-01'),
        ...c,
        offenceCategory: 'couple-violence',
        ...(authorLink ? { authorLink } : {}),
        actions: [{ day: 1, kind: 'legal-information' }],
      });
    // An intake published before the link existed (v1), still read beside v2.
    const [ready, ...rest] = couple('c-v1');
    const { authorLink: _, ...v1Data } = ready!.data as IntegrationEvent<
      string,
      { authorLink?: string }
    >['data'];
    const v1 = IntakeReadyForOrientationV1.create({
      id: ready!.id,
      subject: ready!.subject,
      time: ready!.time,
      data: v1Data as never,
    });
    expect(IntakeReadyForOrientationV1.validate(v1.data)).toEqual([]);
    await service.deliver([
      office('office-c', 'asso-c', 'legal-advice-centre'),
      ...couple('c-partner-1', 'partner'),
      ...couple('c-partner-2', 'partner'),
      ...couple('c-former', 'former-partner'),
      v1,
      ...rest,
    ]);
    const report = (
      await get('/associations/asso-c/annual-reports/2027', { ...manager, association: 'asso-c' })
    ).json();
    expect(report.offenceCategories).toEqual({
      'couple-violence-former-partner': 1,
      'couple-violence-partner': 2,
      'couple-violence-unspecified': 1,
    });
    expect(report.persons.helped).toBe(4);
    const csv = await get('/associations/asso-c/annual-reports/2027/csv', {
      ...manager,
      association: 'asso-c',
    });
    expect(csv.body).toContain('2027,asso-c,offence-categories,couple-violence-former-partner,1');
  });

  it('exports CSV and PDF', async () => {
    const csv = await get('/associations/asso-a/annual-reports/2026/csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')).toEqual(
      expect.arrayContaining([
        'year,scope,section,item,value',
        '2026,asso-a,persons,helped,5',
        '2026,asso-a,referral-sources,police-gendarmerie,2',
      ]),
    );
    const pdf = await get('/associations/asso-a/annual-reports/2026/pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    });
    expect(text).toContain('Rapport annuel 2026');
    // Every line named in French: no key left for a reader of the Ministry's form.
    expect(text).toContain('Victimes aidées (au moins un entretien) : 5');
    expect(text).toContain('Violences conjugales — ex-conjoint ou ex-partenaire : 1');
    expect(text).toContain('Police et gendarmerie : 2');
    expect(text).not.toMatch(/\b(helped|accompanied|police-gendarmerie|couple-violence)\b/);
    const again = await get('/associations/asso-a/annual-reports/2026/pdf');
    expect(Buffer.compare(again.rawPayload, pdf.rawPayload)).toBe(0);
  });

  it("is refused to another association's manager and to a caseworker", async () => {
    expect(
      (await get('/associations/asso-a/annual-reports/2026', { ...manager, association: 'asso-b' }))
        .statusCode,
    ).toBe(403);
    expect((await get('/annual-reports/2026', 'caseworker')).statusCode).toBe(403);
  });
});
