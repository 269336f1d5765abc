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
    document.text(`${item} : ${value.toLocaleString('fr-FR')}`, { paragraphGap: 1 });
  }
  document.end();
  return done;
}
