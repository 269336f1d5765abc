import { type Static, Type } from '@sinclair/typebox';

const Base64 = (description: string) =>
  Type.String({ pattern: '^[A-Za-z0-9+/]*={0,2}$', contentEncoding: 'base64', description });

/**
 * Personal data encrypted for one data subject (AES-256-GCM with that subject's data key; the
 * event store produces it). Deleting the subject's key makes every copy unreadable (erasure).
 */
export const EncryptedEnvelope = Type.Object(
  {
    enc: Type.Literal('aes-256-gcm/v1'),
    subject: Type.String({ minLength: 1, description: 'Data subject whose key encrypts this' }),
    iv: Base64('Initialisation vector'),
    tag: Base64('GCM authentication tag'),
    ct: Base64('Ciphertext'),
  },
  { additionalProperties: false, title: 'EncryptedEnvelope' },
);
export type EncryptedEnvelope = Static<typeof EncryptedEnvelope>;
