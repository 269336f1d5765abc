import { randomBytes, randomUUID } from 'node:crypto';
import type { EncryptedEnvelope } from '@parcours/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from './event-store.ts';
import { documentProjection, ProjectionRunner } from './projections.ts';
import { SubjectErasedError, SubjectKeys } from './subject-keys.ts';
import { freshDatabase } from './test-support.ts';

let env: Awaited<ReturnType<typeof freshDatabase>>;
let keys: SubjectKeys;
const kek = randomBytes(32);

beforeAll(async () => {
  env = await freshDatabase('subjectkeys');
  keys = new SubjectKeys(env.db, { kek });
});
afterAll(async () => env.close());

type VictimEvent = { type: 'VictimRecorded'; data: { offence: string; personal: EncryptedEnvelope } };

describe('per-subject encryption', () => {
  it('encrypts with a key of the subject and decrypts back; the ciphertext holds nothing in clear', async () => {
    const subject = `victim-${randomUUID()}`;
    const identity = { lastName: 'Durand', phone: '+33612345678', address: '12 rue des Lilas' };
    const envelope = await keys.encrypt(subject, identity);
    const serialised = JSON.stringify(envelope);
    for (const clear of ['Durand', '+33612345678', 'Lilas']) expect(serialised).not.toContain(clear);
    expect(await keys.decrypt(envelope)).toEqual(identity);
    // Another key store with the same KEK (another service) reads it too; a wrong KEK cannot.
    expect(await new SubjectKeys(env.db, { kek }).decrypt(envelope)).toEqual(identity);
    await expect(new SubjectKeys(env.db, { kek: randomBytes(32) }).decrypt(envelope)).rejects.toThrow();
  });

  it('detects tampering, and binds the ciphertext to its subject', async () => {
    const envelope = await keys.encrypt(`victim-${randomUUID()}`, { phone: '0601020304' });
    const tampered = { ...envelope, ct: Buffer.from('x' + envelope.ct).toString('base64') };
    await expect(keys.decrypt(tampered)).rejects.toThrow();
    const other = `victim-${randomUUID()}`;
    await keys.encrypt(other, {});
    await expect(keys.decrypt({ ...envelope, subject: other })).rejects.toThrow();
  });

  it('after erasure the fields are unreadable in events and read models, and counts stay', async () => {
    const store = new EventStore(env.db);
    const victims = [`victim-${randomUUID()}`, `victim-${randomUUID()}`];
    for (const victim of victims) {
      await store.appendToStream(
        victim,
        [
          {
            type: 'VictimRecorded',
            data: { offence: 'burglary', personal: await keys.encrypt(victim, { lastName: 'Martin' }) },
          },
        ],
        { expectedVersion: 0 },
      );
    }
    const directory = documentProjection<VictimEvent, { offence: string; personal: EncryptedEnvelope }>({
      name: `victims-${randomUUID()}`,
      idOf: (e) => e.streamId,
      evolve: (_doc, e) => ({ offence: e.data.offence, personal: e.data.personal }),
    });
    await new ProjectionRunner(env.db, store, [directory]).catchUpToLatest();

    await keys.erase(victims[0]!, 'dpo-1');
    // A second process that had the key cached would also lose it at its cache's expiry; this one at once.
    const fresh = new SubjectKeys(env.db, { kek });
    for (const reader of [keys, fresh]) {
      const [erasedEvent] = await store.readStream<VictimEvent>(victims[0]!);
      await expect(reader.decrypt(erasedEvent!.data.personal)).rejects.toBeInstanceOf(SubjectErasedError);
      expect(await reader.tryDecrypt(erasedEvent!.data.personal)).toBeNull();
      const doc = await directory.get(env.db, victims[0]!);
      expect(await reader.tryDecrypt(doc!.personal)).toBeNull();
      const [kept] = await store.readStream<VictimEvent>(victims[1]!);
      expect(await reader.decrypt(kept!.data.personal)).toEqual({ lastName: 'Martin' });
    }
    // Counts and statistics stay.
    const [count] = await env.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM es_events WHERE type = 'VictimRecorded' AND data->>'offence' = 'burglary' AND stream_id = ANY($1)`,
      [victims],
    );
    expect(count!.n).toBe(2);
    // An erased subject gets no new key: nothing new can be written for it by mistake.
    await expect(keys.encrypt(victims[0]!, { lastName: 'Martin' })).rejects.toBeInstanceOf(
      SubjectErasedError,
    );
    expect(await keys.isErased(victims[0]!)).toBe(true);
  });
});
