import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';

/**
 * A victim list's records through csv-parse (RFC 4180: quoted fields with "" escapes, commas and
 * line breaks inside, CRLF or LF, a BOM, a `;` delimiter for French spreadsheets), streamed, each
 * with the line it started on so that an import can name the row at fault. Blank lines are skipped.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

/** Line breaks inside a record's quoted fields: how many lines it spans after its first. */
const breaksIn = (fields: string[]) =>
  fields.reduce((n, field) => n + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

export async function* parseCsv(
  chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  options: { delimiter?: ',' | ';' } = {},
): AsyncGenerator<CsvRecord> {
  const parser = Readable.from(chunks, { objectMode: false }).pipe(
    parse({
      bom: true,
      delimiter: options.delimiter ?? ',',
      // A list pasted together from several spreadsheets mixes CRLF and LF.
      record_delimiter: ['\r\n', '\n', '\r'],
      // The importer compares each row's length with the header's and names the row.
      relax_column_count: true,
      skip_empty_lines: true,
      // Each record with the line it ends on (info.lines).
      info: true,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>)
      yield { line: info.lines - breaksIn(record), fields: record };
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      throw new CsvSyntaxError(line, error.message.replace(/^[^:]*: /, ''));
    }
    throw error;
  }
}
