import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { reportCsv, reportPdf } from './export.ts';
import type { AnnualReport } from './report.ts';

const national: AnnualReport = {
  year: 2026,
  scope: { kind: 'national', id: null },
  persons: {
    helped: 320_000,
    accompanied: 181_250,
    new: 266_000,
    continuing: 54_000,
    seenInCourtOffices: 98_765,
  },
  interviews: {
    total: 1_020_400,
    byType: {
      legal: 500_000,
      psychological: 300_000,
      social: 200_000,
      'hearing-accompaniment': 20_000,
      other: 400,
    },
  },
  offenceCategories: {
    'couple-violence-former-partner': 22_400,
    'couple-violence-partner': 41_600,
    'physical-violence': 70_000,
    'new-category': 3,
  },
  referralSources: { 'police-gendarmerie': 150_000, helpline: 60_000 },
  evvi: { submitted: 25_600, late: 1_200 },
  accompaniedHearings: 20_000,
  mediation: {
    agreed: 9_000,
    fulfilled: 7_000,
    notFulfilled: 900,
    returned: { 'no-shows': 1_500 },
    refused: 400,
  },
};

describe('the annual report’s exports', () => {
  it('prints every line in French in the PDF, thousands apart as French writes them', async () => {
    const pdf = await reportPdf(national, 'Rapport annuel 2026 — national');
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    const normalised = text.replaceAll('\u00a0', ' ');
    expect(normalised).toContain('Victimes aidées (au moins un entretien) : 320 000');
    expect(normalised).toContain('Violences conjugales — conjoint ou partenaire : 41 600');
    expect(normalised).toContain('Violences conjugales — ex-conjoint ou ex-partenaire : 22 400');
    expect(normalised).toContain('Absences aux convocations : 1 500');
    // A category the labels do not know yet is printed by its key, not dropped.
    expect(normalised).toContain('new-category : 3');
    expect(text).not.toContain('/');
  });

  it('keeps the keys and plain numbers in the CSV, for programs', () => {
    const lines = reportCsv(national).split('\r\n');
    expect(lines).toContain('2026,national,offence-categories,couple-violence-former-partner,22400');
    expect(lines).toContain('2026,national,persons,helped,320000');
  });
});
