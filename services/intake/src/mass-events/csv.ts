/**
 * A streaming RFC 4180 parser: quoted fields (with "" escapes, commas and line breaks inside),
 * CRLF or LF line ends, a BOM, a `;` delimiter when asked (French spreadsheets). Yields each record
 * with the line it started on, so an import can name the row at fault.
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

export async function* parseCsv(
  chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  options: { delimiter?: ',' | ';' } = {},
): AsyncGenerator<CsvRecord> {
  const delimiter = options.delimiter ?? ',';
  const decoder = new TextDecoder('utf-8');
  let field = '';
  let fields: string[] = [];
  let inQuotes = false;
  let quoteJustClosed = false;
  let line = 1;
  let recordLine = 1;
  let started = false;
  let first = true;
  let pendingCR = false;

  const endRecord = (): CsvRecord | undefined => {
    fields.push(field);
    const record = { line: recordLine, fields };
    field = '';
    fields = [];
    quoteJustClosed = false;
    const blank = record.fields.length === 1 && record.fields[0] === '';
    started = false;
    return blank ? undefined : record;
  };

  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (char === '\n') continue;
      }
      if (!started) {
        started = true;
        recordLine = line;
      }
      if (inQuotes) {
        if (char === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            // At a chunk's end the next chunk decides: a quote right after reopens the field (see below).
            inQuotes = false;
            quoteJustClosed = true;
          }
        } else {
          if (char === '\n') line++;
          field += char;
        }
        continue;
      }
      if (char === '"') {
        if (quoteJustClosed) {
          // `""` split across chunks: an escaped quote inside the field.
          field += '"';
          inQuotes = true;
          quoteJustClosed = false;
          continue;
        }
        if (field.length > 0) throw new CsvSyntaxError(line, 'quote inside an unquoted field');
        inQuotes = true;
        continue;
      }
      if (char === delimiter) {
        fields.push(field);
        field = '';
        quoteJustClosed = false;
        continue;
      }
      if (char === '\n' || char === '\r') {
        if (char === '\r') pendingCR = true;
        const record = endRecord();
        line++;
        if (record) yield record;
        continue;
      }
      if (quoteJustClosed) throw new CsvSyntaxError(line, 'text after a closing quote');
      field += char;
    }
  }
  const tail = decoder.decode();
  if (tail) field += tail;
  if (inQuotes) throw new CsvSyntaxError(recordLine, 'unterminated quoted field');
  if (started) {
    const record = endRecord();
    if (record) yield record;
  }
}
