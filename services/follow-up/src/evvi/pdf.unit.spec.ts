import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { legalReferences } from '../compensation/references.ts';
import { type EvviOpinionInput, renderEvviOpinion } from './pdf.ts';
import { assessment } from './test-builders.ts';

const { opinion: _opinion, ...assessed } = assessment();
const input: EvviOpinionInput = {
  fileId: 'file-1',
  association: { id: 'asso-75', name: 'Paris Aide aux Victimes' },
  office: { id: 'office-75-bav', name: 'BAV du tribunal judiciaire de Paris' },
  request: {
    requestId: 'evvi-req-1',
    requestedBy: 'requisition',
    dueOn: '2025-06-20',
    reference: 'PARQUET-25-1234',
  },
  assessment: { ...assessed, submittedAt: '2025-06-12T14:30:00.000Z' },
  opinion: 'Mme Durand décrit des menaces répétées depuis la séparation ; un suivi spécialisé est en cours.',
  victimName: 'Claire Durand',
};

// An independent parser (PDF.js, through unpdf) reads the text back.
async function textOf(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('the EVVI opinion for the prosecutor', () => {
  it('renders the request, the criteria, the level, the measures and the opinion', async () => {
    const text = await textOf(await renderEvviOpinion(input));
    for (const expected of [
      'Évaluation approfondie de la vulnérabilité de la victime (EVVI)',
      'version 1 — CPP art. 10-5 et CPP art. D1-3',
      'Réquisition du procureur de la République',
      'PARQUET-25-1234',
      'Réponse attendue le : 20 juin 2025',
      'BAV du tribunal judiciaire de Paris',
      'Victime : Claire Durand',
      'Avis établi le : 12 juin 2025',
      'Psychologique : très important',
      'Mobile sexiste : oui',
      'Lien avec l’auteur : ancien conjoint, concubin ou partenaire',
      'Grossesse : oui',
      'Contrôle coercitif au sein du couple : oui',
      'Vulnérabilité évaluée : très élevée',
      '• Téléphone grave danger',
      '• Absence de confrontation',
      'Mme Durand décrit des menaces répétées depuis la séparation',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Éléments nouveaux');
  });

  it('shows the new facts of a later version, and the references of the table it is given', async () => {
    const text = await textOf(
      await renderEvviOpinion({
        ...input,
        assessment: { ...input.assessment, version: 2, measures: [] },
        newFacts: 'Nouvelle plainte du 3 juillet.',
        references: { ...legalReferences, evvi: { ...legalReferences.evvi, article: '10-5-1' } },
      }),
    );
    expect(text).toContain('version 2 — CPP art. 10-5-1');
    expect(text).toContain('Éléments nouveaux Nouvelle plainte du 3 juillet.');
    expect(text).toContain('Mesures de protection recommandées : aucune');
  });

  it('gives the same bytes for the same assessment', async () => {
    const [a, b] = await Promise.all([renderEvviOpinion(input), renderEvviOpinion(input)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
