import { randomBytes, randomUUID } from 'node:crypto';
import type { EncryptedEnvelope } from '@parcours/contracts';
import { createTestDatabase } from '@parcours/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCommand } from './command-handler.ts';
import { Database, type Tx } from './database.ts';
import { EventStore } from './event-store.ts';
import type { Decider } from './events.ts';
import { subjectKeyMigrations } from './migrations.ts';
import { SubjectErasedError, SubjectKeys } from './subject-keys.ts';
import { freshDatabase } from './test-support.ts';

type VictimEvent =
  | { type: 'VictimRecorded'; data: { victimId: string; personal: EncryptedEnvelope } }
  | { type: 'PersonalDataErased'; data: { subjects: string[]; by: string } };
type VictimCommand =
  | { type: 'RecordVictim'; victimId: string; personal: EncryptedEnvelope; refuse?: boolean }
  | { type: 'ErasePersonalData'; by: string };
type Victim = { victimId?: string; erased?: string[] };

/** A victim's file as a service's decider holds one: recorded once, erased once (again: no event). */
const victims: Decider<VictimCommand, VictimEvent, Victim> = {
  initialState: () => ({}),
  evolve: (state, event) =>
    event.type === 'VictimRecorded'
      ? { victimId: event.data.victimId }
      : { ...state, erased: event.data.subjects },
  decide: (command, state) => {
    if (command.type === 'RecordVictim') {
      if (command.refuse) throw new Error('refused: the office is not the victim association');
      return [{ type: 'VictimRecorded', data: { victimId: command.victimId, personal: command.personal } }];
    }
    if (state.erased) return [];
    return [{ type: 'PersonalDataErased', data: { subjects: [state.victimId!], by: command.by } }];
  },
};

const kek = randomBytes(32);
let service: Awaited<ReturnType<typeof freshDatabase>>;
let keyStoreDatabase: Awaited<ReturnType<typeof createTestDatabase>>;
let separate: Database;
let store: EventStore;

beforeAll(async () => {
  service = await freshDatabase('newkeys');
  store = new EventStore(service.db);
  keyStoreDatabase = await createTestDatabase('newkeys_keystore');
  separate = await Database.connect({ url: keyStoreDatabase.url, migrations: subjectKeyMigrations });
});
afterAll(async () => {
  await separate.close();
  await keyStoreDatabase.drop();
  await service.close();
});

const keyCount = (keyStore: Database, subjects: string[]) =>
  keyStore
    .query<{ n: number }>('SELECT count(*)::int AS n FROM subject_keys WHERE subject_id = ANY($1)', [
      subjects,
    ])
    .then(([row]) => row!.n);

describe.each([
  ['the service database', () => service.db],
  ['a separate key-store database (KEYSTORE_URL)', () => separate],
])('new keys with the key store in %s', (_, keyStoreOf) => {
  const setup = () => {
    const keyStore = keyStoreOf();
    return { keyStore, keys: new SubjectKeys(keyStore, { kek }) };
  };
  const record = (keys: SubjectKeys, victimId: string, options: { refuse?: boolean; tx?: Tx } = {}) => {
    const fresh = keys.newKeys();
    const personal = fresh.encrypt(victimId, { lastName: 'Durand', phone: '+33612345678' });
    const command = { type: 'RecordVictim' as const, victimId, personal, refuse: options.refuse ?? false };
    return fresh.commit(
      service.db,
      (tx, withEvents) =>
        handleCommand(store, `victim-${victimId}`, victims, command, {
          expectNew: true,
          ...(tx ? { tx } : {}),
          ...(withEvents ? { keys: withEvents } : {}),
        }),
      options.tx,
    );
  };

  it('stores the key with the command that uses it: readable by another process', async () => {
    const { keyStore, keys } = setup();
    const victimId = randomUUID();
    await record(keys, victimId);
    expect(await keyCount(keyStore, [victimId])).toBe(1);
    const [event] = await store.readStream<VictimEvent>(`victim-${victimId}`);
    const other = new SubjectKeys(keyStore, { kek });
    expect(await other.decrypt((event!.data as { personal: EncryptedEnvelope }).personal)).toEqual({
      lastName: 'Durand',
      phone: '+33612345678',
    });
  });

  it('leaves no key behind a command its decider refuses, however often it is sent', async () => {
    const { keyStore, keys } = setup();
    const refused = [randomUUID(), randomUUID(), randomUUID()];
    for (const victimId of refused) {
      await expect(record(keys, victimId, { refuse: true })).rejects.toThrow('refused');
    }
    expect(await keyCount(keyStore, refused)).toBe(0);
  });

  it('leaves no key behind a transaction of the caller that rolls back after the command', async () => {
    const { keyStore, keys } = setup();
    const victimId = randomUUID();
    await expect(
      service.db.transaction(async (tx) => {
        await record(keys, victimId, { tx });
        throw new Error('the callback task could not be queued');
      }),
    ).rejects.toThrow('callback task');
    expect(await keyCount(keyStore, [victimId])).toBe(0);
    expect(await store.streamVersion(`victim-${victimId}`)).toBe(0);
  });

  it('refuses a new key for a subject that has one, or was erased, and writes no event', async () => {
    const { keys } = setup();
    const victimId = randomUUID();
    await record(keys, victimId);
    await keys.erase(victimId, 'dpo-1');
    const again = keys.newKeys();
    const personal = again.encrypt(victimId, { lastName: 'Durand' });
    const other = `victim-${randomUUID()}`;
    await expect(
      again.commit(service.db, (tx, withEvents) =>
        handleCommand(
          store,
          other,
          victims,
          { type: 'RecordVictim', victimId, personal },
          { ...(tx ? { tx } : {}), ...(withEvents ? { keys: withEvents } : {}) },
        ),
      ),
    ).rejects.toThrow();
    expect(await store.streamVersion(other)).toBe(0);
    expect(await keys.isErased(victimId)).toBe(true);
  });
});

describe('new keys in a separate key store, when the outcome is unknown', () => {
  it('keeps the key when the connection broke with the command in flight (it may have committed)', async () => {
    const keys = new SubjectKeys(separate, { kek });
    const fresh = keys.newKeys();
    const victimId = randomUUID();
    fresh.encrypt(victimId, { lastName: 'Durand' });
    await expect(
      fresh.commit(service.db, async () => {
        throw new Error('Connection terminated unexpectedly');
      }),
    ).rejects.toThrow('Connection terminated');
    expect(await keyCount(separate, [victimId])).toBe(1);
  });
});

describe('new keys stored by the append statement', () => {
  it('stores the keys of recordings of the same moment with their events, grouped in one statement', async () => {
    const keys = new SubjectKeys(service.db, { kek });
    const victimIds = Array.from({ length: 20 }, () => randomUUID());
    await Promise.all(
      victimIds.map((victimId) => {
        const fresh = keys.newKeys();
        const personal = fresh.encrypt(victimId, { lastName: 'Roux' });
        return fresh.commit(service.db, (tx, withEvents) =>
          handleCommand(
            store,
            `victim-${victimId}`,
            victims,
            { type: 'RecordVictim', victimId, personal },
            { expectNew: true, ...(tx ? { tx } : {}), ...(withEvents ? { keys: withEvents } : {}) },
          ),
        );
      }),
    );
    expect(await keyCount(service.db, victimIds)).toBe(victimIds.length);
    const [{ n }] = (await service.db.query<{ n: number }>(
      `SELECT count(DISTINCT transaction_id)::int AS n FROM es_events WHERE stream_id = ANY($1)`,
      [victimIds.map((id) => `victim-${id}`)],
    )) as [{ n: number }];
    // Group commit still applies: fewer transactions than recordings.
    expect(n).toBeLessThan(victimIds.length);
  });

  it('fails a command that appended without the keys it was given', async () => {
    const keys = new SubjectKeys(service.db, { kek });
    const victimId = randomUUID();
    const fresh = keys.newKeys();
    const personal = fresh.encrypt(victimId, { lastName: 'Roux' });
    await expect(
      service.db.transaction((tx) =>
        fresh.commit(
          service.db,
          () =>
            handleCommand(
              store,
              `victim-${victimId}`,
              victims,
              { type: 'RecordVictim', victimId, personal },
              { tx },
            ),
          tx,
        ),
      ),
    ).rejects.toThrow('appended without their data keys');
    // In the caller's transaction, the failure took the events with it.
    expect(await store.streamVersion(`victim-${victimId}`)).toBe(0);
  });
});

describe('erasure: the event first, then the keys', () => {
  /** The erasure as a service runs it; `crash` stops it between the two steps. */
  async function erase(keys: SubjectKeys, victimId: string, crash = false) {
    const { state } = await handleCommand(store, `victim-${victimId}`, victims, {
      type: 'ErasePersonalData',
      by: 'dpo-1',
    });
    if (crash) throw new Error('process killed');
    await keys.erase(state.erased!, 'dpo-1');
  }

  it('completes on retry an erasure that stopped between its event and its key deletions', async () => {
    const keys = new SubjectKeys(service.db, { kek, cacheTtlMs: 0 });
    const victimId = randomUUID();
    const fresh = keys.newKeys();
    const personal = fresh.encrypt(victimId, { lastName: 'Martin' });
    await fresh.commit(service.db, (tx, withEvents) =>
      handleCommand(
        store,
        `victim-${victimId}`,
        victims,
        { type: 'RecordVictim', victimId, personal },
        { ...(tx ? { tx } : {}), ...(withEvents ? { keys: withEvents } : {}) },
      ),
    );

    await expect(erase(keys, victimId, true)).rejects.toThrow('process killed');
    // Half done: the erasure is recorded, the key still there.
    expect(await keys.decrypt(personal)).toEqual({ lastName: 'Martin' });

    await erase(keys, victimId);
    const types = (await store.readStream(`victim-${victimId}`)).map((e) => e.type);
    expect(types).toEqual(['VictimRecorded', 'PersonalDataErased']);
    await expect(keys.decrypt(personal)).rejects.toBeInstanceOf(SubjectErasedError);
    // And again: nothing more happens, nothing fails.
    await erase(keys, victimId);
    expect(await keys.isErased(victimId)).toBe(true);
  });

  it('erases a list of subjects once each, idempotently, keeping the first erasure as the tombstone', async () => {
    const keys = new SubjectKeys(service.db, { kek });
    const subjects = [randomUUID(), randomUUID()];
    const envelopes = await Promise.all(subjects.map((s) => keys.encrypt(s, { phone: '0601020304' })));
    await keys.erase([...subjects, subjects[0]!], 'dpo-1');
    await keys.erase(subjects, 'dpo-2');
    for (const envelope of envelopes) expect(await keys.tryDecrypt(envelope)).toBeNull();
    const rows = await service.db.query<{ erased_by: string }>(
      'SELECT erased_by FROM subject_keys WHERE subject_id = ANY($1)',
      [subjects],
    );
    expect(rows.map((row) => row.erased_by)).toEqual(['dpo-1', 'dpo-1']);
  });
});
