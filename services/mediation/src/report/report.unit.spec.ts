import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { evolveMandate } from '../mandate/evolve.ts';
import { initialMandateState, type MandateEvent } from '../mandate/mandate.ts';
import { agreed, at, by, held, policy, scheduled, slot, withParties } from '../test-builders.ts';
import { renderReport } from './pdf.ts';
import { type ConcludedMediation, euros, prosecutorReport } from './report.ts';

const concluded = (events: MandateEvent[]) =>
  events.reduce(evolveMandate, initialMandateState()) as ConcludedMediation;
const names = {
  parties: { 'p-victim': 'Alice Martin', 'p-respondent': 'Bruno Durand', 'p-lawyer': 'Maître Claire Petit' },
  mediator: 'Marc Lefèvre',
  court: 'tribunal judiciaire de Paris',
  association: 'Paris Aide aux Victimes',
};
const writtenAt = new Date('2026-03-20T15:00:00.000Z');
const report = (events: MandateEvent[]) =>
  prosecutorReport({ state: concluded(events), names, writtenAt, policy, termDetails: {} });

/** The text a reader gets out of the PDF, with pdf.js (through unpdf), one space between words. */
async function textOf(bytes: Uint8Array) {
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('the report to the prosecutor', () => {
  it('renders an agreement with its terms, amounts in euros, dates in French, the rule it rests on', async () => {
    const text = await textOf(await renderReport(report(agreed)));
    for (const expected of [
      'Compte rendu de médiation pénale',
      'Procureur de la République près le tribunal judiciaire de Paris, référence PR-26-0042',
      'Mandat du 20 février 2026, à rendre avant le 30 juin 2026',
      'Médiateur : Marc Lefèvre',
      'Victime : Alice Martin',
      'Mis en cause : Bruno Durand',
      'Avocat : Maître Claire Petit',
      'Issue : accord signé par les parties',
      'Signé le 2 mars 2026 (CPP art. 41-1)',
      'Indemnisation de 450,00 € versée par Bruno Durand (150,00 € au 30 avril 2026, 300,00 € au 31 mai 2026)',
      'Excuses écrites de Bruno Durand, au plus tard le 31 mars 2026',
      'Échéance du 31 mars 2026 (Excuses) : à échéance Échéance du 30 avril 2026 (Indemnisation, versement 1) : à échéance',
      'Établi le 20 mars 2026.',
    ])
      expect(text).toContain(expected);
  });

  it('renders a failure with its reason and the rule, and who came to which session', async () => {
    const history: MandateEvent[] = [
      ...withParties,
      scheduled('s-1', 'individual', slot('2026-03-10', '10:00', '11:00', { 'p-victim': '10:00' })),
      held('s-1', ['p-victim']),
      {
        type: 'MandateReturned',
        data: {
          mandateId: 'm-1',
          reason: 'victim-refused',
          partyId: 'p-victim',
          legalBasis: 'victimAgreement',
          by,
          at,
        },
      },
    ];
    const text = await textOf(await renderReport(report(history)));
    expect(text).toContain('Issue : échec de la médiation');
    expect(text).toContain('Motif : Refus de la victime');
    expect(text).toContain('Fondement : CPP art. 41-1, 5°');
    expect(text).toContain(
      '10 mars 2026 à 10:00, Entretien individuel : présents Alice Martin ; absents personne',
    );
  });

  it('is the same bytes for the same report: no clock, no random id', async () => {
    const first = await renderReport(report(agreed));
    const second = await renderReport(report(agreed));
    expect(Buffer.from(first).subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
  });

  it('writes euros the French way, large amounts included', () => {
    expect(euros(45_000)).toBe('450,00\u00a0€');
    expect(euros(123_456_78)).toBe('123\u00a0456,78\u00a0€');
  });
});
