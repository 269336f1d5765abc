import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', stream }) };
}

describe('createLogger', () => {
  it('redacts personal data fields at any of the first levels', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        victim: { name: 'Jeanne Martin', phone: '+33601020304', email: 'j@example.org', caseId: 'case-1' },
        phone: '0601020304',
        referral: { contact: { address: '1 rue de la Paix', birthDate: '1980-01-01' } },
        offence: { narrative: 'what happened' },
        req: { headers: { authorization: 'Bearer abc' } },
        body: { anything: 'at all' },
      },
      'case opened',
    );
    const [line] = lines;
    expect(line).toMatchObject({
      victim: { name: '[Redacted]', phone: '[Redacted]', email: '[Redacted]', caseId: 'case-1' },
      phone: '[Redacted]',
      referral: { contact: { address: '[Redacted]', birthDate: '[Redacted]' } },
      offence: { narrative: '[Redacted]' },
      body: '[Redacted]',
    });
    expect(JSON.stringify(line)).not.toMatch(/Jeanne|0601020304|Paix|1980|what happened|Bearer abc|at all/);
  });
});
