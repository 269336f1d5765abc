import PDFDocument from 'pdfkit';
import type { ProsecutorReport } from './report.ts';

/**
 * The report as PDF bytes. Same report, same bytes: the creation date (from which pdfkit derives the
 * file's ID) is the report's own date, never the clock. Helvetica's encoding covers French and €.
 */
export function renderReport(report: ProsecutorReport): Promise<Uint8Array> {
  const document = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: report.title, Producer: 'Parcours', Creator: 'Parcours', CreationDate: report.writtenAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    document.on('error', reject);
  });
  document.font('Helvetica-Bold').fontSize(16).text(report.title, { align: 'center' }).moveDown();
  for (const section of report.sections) {
    document.font('Helvetica-Bold').fontSize(12).text(section.heading).moveDown(0.3);
    document.font('Helvetica').fontSize(10);
    for (const line of section.lines) document.text(line, { paragraphGap: 2 });
    document.moveDown();
  }
  const writtenOn = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(
    report.writtenAt,
  );
  document.font('Helvetica-Oblique').fontSize(9).text(`Établi le ${writtenOn}.`);
  document.end();
  return done;
}
