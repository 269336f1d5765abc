import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv.ts';

const parse = async (chunks: string[], delimiter?: ',' | ';') => {
  const records = [];
  for await (const record of parseCsv(chunks, delimiter ? { delimiter } : {})) records.push(record);
  return records;
};

describe('CSV parser', () => {
  it('reads plain, quoted and escaped fields with CRLF or LF and skips blank lines', async () => {
    const records = await parse(['\ufeffa,b,c\r\n1,"x, y","say ""hi"""\n\n2,,"multi\nline"\n3,z,end']);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 4, fields: ['2', '', 'multi\nline'] },
      { line: 6, fields: ['3', 'z', 'end'] },
    ]);
  });

  it('gives the same records whatever the chunking', async () => {
    const text = 'a,b\r\n"q""uo",2\r\n"x\r\ny",3\r\n';
    const whole = await parse([text]);
    for (let size = 1; size < text.length; size++) {
      const chunks = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(await parse(chunks)).toEqual(whole);
    }
    expect(whole.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['q"uo', '2'],
      ['x\r\ny', '3'],
    ]);
  });

  it('reads UTF-8 split inside a character and a semicolon delimiter', async () => {
    const bytes = Buffer.from('nom;prénom\nLefèvre;Élodie\n');
    const records = [];
    for await (const r of parseCsv([bytes.subarray(0, 8), bytes.subarray(8)], { delimiter: ';' }))
      records.push(r);
    expect(records.map((r) => r.fields)).toEqual([
      ['nom', 'prénom'],
      ['Lefèvre', 'Élodie'],
    ]);
  });

  it('names the line of a syntax error', async () => {
    await expect(parse(['a,b\n1,"open\n'])).rejects.toThrow(CsvSyntaxError);
    await expect(parse(['a,b\n1,x"y\n'])).rejects.toThrow(/line 2/);
  });
});
