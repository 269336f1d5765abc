import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/** Lowercase, accents stripped, punctuation to spaces, spaces collapsed: "  Élodie-Anne " → "elodie anne". */
export function normalise(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface MatchInput {
  lastName: string;
  firstName: string;
  birthDate: string;
  communeCode: string;
}

/**
 * A pseudonymous match key: HMAC-SHA256 (secret from config) of the normalised last name, first
 * name, birth date and commune. Equal for the same person written with or without accents; useless
 * for finding a name without the secret.
 */
export class MatchKeys {
  readonly #secret: KeyObject;

  constructor(secret: string | Buffer) {
    const bytes = typeof secret === 'string' ? Buffer.from(secret) : secret;
    if (bytes.length < 32) throw new Error('the match key secret must be at least 32 bytes');
    // Imported once: a raw Buffer would be imported again on every HMAC.
    this.#secret = createSecretKey(bytes);
  }

  of(input: MatchInput): string {
    const material = [
      normalise(input.lastName),
      normalise(input.firstName),
      input.birthDate,
      input.communeCode,
    ].join('\u001f');
    return createHmac('sha256', this.#secret).update(material).digest('base64url');
  }

  /** The key when every part is known, null otherwise (an anonymous call has none). */
  maybe(input: Partial<MatchInput>): string | null {
    const { lastName, firstName, birthDate, communeCode } = input;
    if (!lastName || !firstName || !birthDate || !communeCode) return null;
    return this.of({ lastName, firstName, birthDate, communeCode });
  }
}
