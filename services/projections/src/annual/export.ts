import PDFDocument from 'pdfkit';
import type { AnnualReport } from './report.ts';

/** The report as (section, item, value) lines: the same lines make the CSV and the PDF. */
export function reportLines(report: AnnualReport): [string, string, number][] {
  const lines: [string, string, number][] = [];
  const section = (name: string, values: Record<string, number>) => {
    for (const [item, value] of Object.entries(values)) lines.push([name, item, value]);
  };
  section('persons', report.persons);
  section('interviews', { total: report.interviews.total, ...report.interviews.byType });
  section('offence-categories', report.offenceCategories);
  section('referral-sources', report.referralSources);
  section('evvi', report.evvi);
  section('hearings', { accompanied: report.accompaniedHearings });
  const { returned, ...mediation } = report.mediation;
  section('mediation', mediation);
  section('mediation-returned', returned);
  return lines;
}

const quoted = (text: string) => (/[",\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** RFC 4180 CSV with a header line; the scope and year on every line, so files can be concatenated. */
export function reportCsv(report: AnnualReport): string {
  const scope = report.scope.id ?? 'national';
  const rows = reportLines(report).map(([section, item, value]) =>
    [String(report.year), scope, section, item, String(value)].map(quoted).join(','),
  );
  return `${['year', 'scope', 'section', 'item', 'value'].join(',')}\r\n${rows.join('\r\n')}\r\n`;
}

const headings: Record<string, string> = {
  persons: 'Personnes (par personne et par affaire)',
  interviews: 'Entretiens par type',
  'offence-categories': "Catégories d'infraction",
  'referral-sources': 'Origine des orientations',
  evvi: 'Évaluations approfondies (EVVI)',
  hearings: 'Audiences',
  mediation: 'Médiations pénales',
  'mediation-returned': 'Médiations sans accord (par motif)',
};

/**
 * Each line's item in French, by section (the CSV keeps the keys: it is read by programs). An item
 * without a label (a category added later) prints its key rather than nothing.
 */
const items: Record<string, Record<string, string>> = {
  persons: {
    helped: 'Victimes aidées (au moins un entretien)',
    accompanied: 'Victimes accompagnées (plusieurs entretiens)',
    new: 'Nouvelles dans l’année',
    continuing: 'Suivies depuis une année antérieure',
    seenInCourtOffices: 'Reçues dans les bureaux d’aide aux victimes des tribunaux',
  },
  interviews: {
    total: 'Total',
    legal: 'Juridiques',
    psychological: 'Psychologiques',
    social: 'Sociaux',
    'hearing-accompaniment': 'Accompagnements à l’audience',
    other: 'Autres',
  },
  'offence-categories': {
    'physical-violence': 'Violences physiques',
    'sexual-violence': 'Violences sexuelles',
    'couple-violence-partner': 'Violences conjugales — conjoint ou partenaire',
    'couple-violence-former-partner': 'Violences conjugales — ex-conjoint ou ex-partenaire',
    'couple-violence-unspecified': 'Violences conjugales — lien non précisé',
    'intra-family-violence': 'Violences intrafamiliales',
    'robbery-theft': 'Vols, vols avec violence',
    burglary: 'Cambriolages',
    'fraud-scam': 'Escroqueries',
    'road-accident': 'Accidents de la route',
    terrorism: 'Terrorisme',
    harassment: 'Harcèlement',
    discrimination: 'Discriminations',
    'relative-homicide': 'Homicides d’un proche',
    other: 'Autres',
    unknown: 'Non renseignée',
  },
  'referral-sources': {
    'police-gendarmerie': 'Police et gendarmerie',
    'court-office': 'Bureaux d’aide aux victimes des tribunaux',
    'other-welcome-office': 'Autres permanences',
    prosecutor: 'Réquisitions du parquet',
    helpline: 'Plateforme 116 006',
    partner: 'Partenaires conventionnés',
    'mass-event': 'Événements collectifs',
    unknown: 'Non renseignée',
  },
  evvi: { submitted: 'Rendues', late: 'dont en retard' },
  hearings: { accompanied: 'Audiences accompagnées' },
  mediation: {
    agreed: 'Accords',
    fulfilled: 'Accords exécutés',
    notFulfilled: 'Accords non exécutés',
    refused: 'Refus',
  },
  'mediation-returned': {
    'victim-refused': 'Refus de la victime',
    'respondent-refused': 'Refus du mis en cause',
    'no-shows': 'Absences aux convocations',
    'couple-violence': 'Violences au sein du couple',
    'no-agreement': 'Absence d’accord',
    'deadline-passed': 'Délai dépassé',
    'withdrawn-by-prosecutor': 'Retrait par le parquet',
    unknown: 'Non renseigné',
  },
};
/**
 * 320 000 as French writes it, with a no-break space: the narrow one `toLocaleString` puts there is
 * not in the standard PDF fonts' encoding and printed as a slash.
 */
const frenchNumber = (value: number) => value.toLocaleString('fr-FR').replaceAll('\u202f', '\u00a0');
export const itemLabel = (section: string, item: string) => items[section]?.[item] ?? item;

/**
 * The report as PDF bytes (pdfkit, as the mediation service's report). Same report, same bytes: the
 * creation date is the end of the report's year, never the clock.
 */
export function reportPdf(report: AnnualReport, title: string): Promise<Uint8Array> {
  const document = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: title,
      Producer: 'Parcours',
      Creator: 'Parcours',
      CreationDate: new Date(Date.UTC(report.year, 11, 31)),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    document.on('error', reject);
  });
  document.font('Helvetica-Bold').fontSize(16).text(title, { align: 'center' }).moveDown();
  let current = '';
  for (const [section, item, value] of reportLines(report)) {
    if (section !== current) {
      current = section;
      document
        .moveDown(0.5)
        .font('Helvetica-Bold')
        .fontSize(12)
        .text(headings[section] ?? section)
        .moveDown(0.2);
      document.font('Helvetica').fontSize(10);
    }
    document.text(`${itemLabel(section, item)} : ${frenchNumber(value)}`, { paragraphGap: 1 });
  }
  document.end();
  return done;
}
