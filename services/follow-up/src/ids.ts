import { createHash } from 'node:crypto';
import type { NewId } from './command.ts';

/**
 * A name-based UUID (version 5 layout, SHA-1 of the service's namespace and the seed): the same
 * event always names the same file, task or request, so a replayed reaction is a no-op.
 */
export const newId: NewId = (seed) => {
  const hash = createHash('sha1').update('parcours:follow-up:').update(seed).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
