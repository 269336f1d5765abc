import PDFDocument from 'pdfkit';
import type { Day } from '../command.ts';
import { cite, type LegalReferences, legalReferences } from '../compensation/references.ts';
import type { EvviAssessment, EvviCriteria, EvviRequest } from './evvi.ts';

/**
 * The association's opinion for the prosecutor, as a PDF. A function of the assessment alone: the
 * caller decrypts the opinion (and the victim's name) for the authorised reader and passes it in;
 * the document's dates are the submission's, so the same assessment gives the same bytes.
 * The document is in French: it is addressed to a French court.
 */
export interface EvviOpinionInput {
  fileId: string;
  association: { id: string; name?: string };
  office: { id: string; name?: string };
  request: EvviRequest;
  assessment: Omit<EvviAssessment, 'opinion' | 'newFacts'> & { submittedAt: string };
  /** In clear, decrypted by the caller. */
  opinion: string;
  newFacts?: string;
  victimName?: string;
  references?: LegalReferences;
}

const requesters: Record<EvviRequest['requestedBy'], string> = {
  requisition: 'Réquisition du procureur de la République',
  prosecutor: 'Procureur de la République',
  'investigating-judge': 'Juge d’instruction',
};
const severities: Record<EvviCriteria['harm']['physical'], string> = {
  none: 'aucun',
  minor: 'léger',
  serious: 'important',
  'very-serious': 'très important',
};
const links: Record<EvviCriteria['circumstances']['linkWithAuthor'], string> = {
  unknown: 'inconnu',
  stranger: 'aucun (inconnu de la victime)',
  acquaintance: 'connaissance',
  professional: 'relation professionnelle',
  family: 'membre de la famille',
  partner: 'conjoint, concubin ou partenaire de PACS',
  'former-partner': 'ancien conjoint, concubin ou partenaire',
};
const levels: Record<EvviAssessment['level'], string> = {
  low: 'faible',
  moderate: 'modérée',
  high: 'élevée',
  'very-high': 'très élevée',
};
const measures: Record<EvviAssessment['measures'][number], string> = {
  'serious-danger-phone': 'Téléphone grave danger',
  'anti-approach-bracelet': 'Bracelet anti-rapprochement',
  'protection-order': 'Ordonnance de protection',
  'no-contact-order': 'Interdiction de contact',
  'eviction-of-author': 'Éviction de l’auteur du domicile',
  shelter: 'Mise à l’abri',
  'closed-door-hearing': 'Audience à huis clos',
  'no-confrontation': 'Absence de confrontation',
  'recorded-hearing': 'Audition enregistrée',
  interpreter: 'Interprète',
  'support-person-at-hearings': 'Accompagnement aux audiences',
  'psychological-care': 'Prise en charge psychologique',
  'specialised-association': 'Orientation vers une association spécialisée',
};

const yes = (value: boolean) => (value ? 'oui' : 'non');
const day = (value: Day) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${value}T00:00:00Z`),
  );

export function renderEvviOpinion(input: EvviOpinionInput): Promise<Uint8Array> {
  const references = input.references ?? legalReferences;
  const { assessment, request } = input;
  const { criteria } = assessment;
  const submitted = new Date(assessment.submittedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: `EVVI — avis de l’association — dossier ${input.fileId} — version ${assessment.version}`,
      Author: input.association.name ?? input.association.id,
      CreationDate: submitted,
      ModDate: submitted,
    },
  });
  const done = new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const heading = (text: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text).moveDown(0.2);
  const line = (label: string, value: string) =>
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${label} : `, { continued: true })
      .font('Helvetica')
      .text(value);
  const body = (text: string) => doc.font('Helvetica').fontSize(10).text(text, { align: 'justify' });

  doc
    .font('Helvetica-Bold')
    .fontSize(15)
    .text('Évaluation approfondie de la vulnérabilité de la victime (EVVI)');
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(
      `Avis de l’association — version ${assessment.version} — ${cite(references.evvi)} et ${cite(references['evvi-procedure'])}`,
    );
  heading('Demande');
  line('Autorité', requesters[request.requestedBy]);
  if (request.reference) line('Référence', request.reference);
  line('Réponse attendue le', day(request.dueOn));
  line('Association', input.association.name ?? input.association.id);
  line('Bureau', input.office.name ?? input.office.id);
  line('Dossier', input.fileId);
  if (input.victimName) line('Victime', input.victimName);
  line('Avis établi le', day(assessment.submittedAt.slice(0, 10)));

  heading('Préjudice subi');
  line('Physique', severities[criteria.harm.physical]);
  line('Psychologique', severities[criteria.harm.psychological]);
  line('Matériel', severities[criteria.harm.material]);
  heading('Circonstances de l’infraction');
  line('Mobile discriminatoire', yes(criteria.circumstances.discriminatoryMotive));
  line('Mobile sexiste', yes(criteria.circumstances.sexistMotive));
  line('Lien avec l’auteur', links[criteria.circumstances.linkWithAuthor]);
  heading('Vulnérabilité personnelle');
  line('Victime mineure', yes(criteria.personal.minor));
  line('Âge avancé', yes(criteria.personal.elderly));
  line('Grossesse', yes(criteria.personal.pregnancy));
  line('Handicap', yes(criteria.personal.disability));
  heading('Risques');
  line('Risque d’intimidation ou de représailles', yes(criteria.riskOfIntimidationOrReprisals));
  line('Contrôle coercitif au sein du couple', yes(criteria.coerciveControl));

  heading('Conclusion');
  line('Vulnérabilité évaluée', levels[assessment.level]);
  doc.font('Helvetica-Bold').fontSize(10).text('Mesures de protection recommandées :');
  if (assessment.measures.length === 0) body('aucune');
  for (const measure of assessment.measures) body(`• ${measures[measure]}`);
  if (input.newFacts) {
    heading('Éléments nouveaux');
    body(input.newFacts);
  }
  heading('Avis de l’association');
  body(input.opinion);
  doc
    .moveDown(1.5)
    .font('Helvetica-Oblique')
    .fontSize(8)
    .text('Document confidentiel : il contient des données personnelles de la victime.');
  doc.end();
  return done;
}
