import { createCipheriv, createDecipheriv, type KeyObject, randomBytes } from 'node:crypto';
import type { EncryptedEnvelope } from '@parcours/contracts';

export function isEncryptedEnvelope(value: unknown): value is EncryptedEnvelope {
  return typeof value === 'object' && value !== null && (value as { enc?: unknown }).enc === 'aes-256-gcm/v1';
}

const ALGORITHM = 'aes-256-gcm';

export function seal(
  key: Buffer | KeyObject,
  plaintext: Buffer,
  aad: string,
): { iv: Buffer; tag: Buffer; ct: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ct };
}

export function open(key: Buffer | KeyObject, iv: Buffer, tag: Buffer, ct: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]);
}

/** Seals `value` for `subject` with its data key (the subject is the associated data). */
export function sealFor(key: Buffer | KeyObject, subject: string, value: unknown): EncryptedEnvelope {
  const { iv, tag, ct } = seal(key, Buffer.from(JSON.stringify(value)), subject);
  return {
    enc: 'aes-256-gcm/v1',
    subject,
    iv: iv.toString('base64'),
    tag: tag.toString('base64'),
    ct: ct.toString('base64'),
  };
}
