import { randomBytes } from 'node:crypto';
import type { EncryptedEnvelope } from '@parcours/contracts';
import type { KeysWithEvents } from './append-statements.ts';
import type { Database, Sql, Tx } from './database.ts';
import { sealFor } from './envelopes.ts';

/** What NewKeys uses of its SubjectKeys. */
export interface KeyStoreAccess {
  /** The key store's database. */
  sql: Sql;
  wrap(key: Buffer, subject: string): Buffer;
  /** Stores a wrapped key unless the subject has one (batched with other callers'); false if it had. */
  store(subject: string, wrapped: Buffer): Promise<boolean>;
  remember(subject: string, key: Buffer): void;
}

/**
 * The data keys of the new subjects of one command (a victim recorded, a caller to ring back). The
 * keys are made in memory by `encrypt`, and `commit` stores them so that they exist if and only if
 * the command's events do: when the key store is the service's database, by the append statement
 * itself (`work` passes the keys it is given to the append that carries the encrypted data, and
 * the append still joins a group commit); when it is another database (KEYSTORE_URL), before the
 * append (an event is never written without its key) and deleted again when the command fails
 * (docs/event-store.md).
 */
export class NewKeys {
  private readonly keyStore: KeyStoreAccess;
  private readonly keys = new Map<string, { key: Buffer; wrapped: Buffer }>();

  constructor(keyStore: KeyStoreAccess) {
    this.keyStore = keyStore;
  }

  /** Seals `value` with the subject's new key (one key per subject in this command). No I/O. */
  encrypt(subject: string, value: unknown): EncryptedEnvelope {
    let entry = this.keys.get(subject);
    if (!entry) {
      const key = randomBytes(32);
      entry = { key, wrapped: this.keyStore.wrap(key, subject) };
      this.keys.set(subject, entry);
    }
    return sealFor(entry.key, subject, value);
  }

  get subjects(): string[] {
    return [...this.keys.keys()];
  }

  /**
   * Runs the command (`work`, which appends) with its keys stored alongside. `db` is the service's
   * database; `tx` the caller's transaction on it, when the command runs inside one. `work` gets the
   * keys for its append (`keys` of handleCommand or appendToStream) when the append is to store
   * them; a command that returns without having appended them fails (its encrypted data would be
   * unreadable).
   */
  async commit<T>(
    db: Database<any>,
    work: (tx: Tx | undefined, keys: KeysWithEvents | undefined) => Promise<T>,
    tx?: Tx,
  ): Promise<T> {
    if (this.keys.size === 0) return work(tx, undefined);
    if (this.keyStore.sql === db) return this.withEvents(work, tx);
    await this.storeApart();
    // A caller's transaction that rolls back after `work` took the keys' command with it.
    tx?.afterRollback(() => this.forget().catch(() => undefined));
    try {
      const result = await work(tx, undefined);
      this.rememberAfter(tx);
      return result;
    } catch (error) {
      if (!outcomeUnknown(error)) await this.forget();
      throw error;
    }
  }

  /** The keys written by the command's append statement, a subject with a key failing the command. */
  private async withEvents<T>(
    work: (tx: Tx | undefined, keys: KeysWithEvents) => Promise<T>,
    tx: Tx | undefined,
  ): Promise<T> {
    const entries = [...this.keys.values()];
    const keys: KeysWithEvents = {
      subjects: this.subjects,
      wrapped: entries.map((entry) => entry.wrapped),
      written: false,
    };
    let result: T;
    try {
      result = await work(tx, keys);
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'subject_keys_pkey') {
        throw new Error(`subjects already have a data key: ${this.subjects.join(', ')}`);
      }
      throw error;
    }
    if (!keys.written) throw new Error('a command with new subjects appended without their data keys');
    this.rememberAfter(tx);
    return result;
  }

  /** Stores the keys in the separate key store (with the other commands' of the moment). */
  private async storeApart(): Promise<void> {
    const stored = await Promise.all(
      [...this.keys].map(([subject, { wrapped }]) => this.keyStore.store(subject, wrapped)),
    );
    const taken = this.subjects.filter((_, i) => !stored[i]);
    if (taken.length > 0) {
      await this.forget(this.subjects.filter((_, i) => stored[i]));
      throw new Error(`subjects already have a data key: ${taken.join(', ')}`);
    }
  }

  /** Deletes keys this command stored and no committed event uses. */
  private async forget(subjects: string[] = this.subjects): Promise<void> {
    await this.keyStore.sql.query(
      'DELETE FROM subject_keys WHERE subject_id = ANY($1::text[]) AND erased_at IS NULL',
      [subjects],
    );
  }

  private rememberAfter(tx: Tx | undefined): void {
    const remember = () => {
      for (const [subject, { key }] of this.keys) this.keyStore.remember(subject, key);
    };
    if (tx) tx.afterCommit(remember);
    else remember();
  }
}

/**
 * Whether a failed command may have committed all the same: the connection broke with the append
 * or its COMMIT in flight. PostgreSQL's own errors (a SQLSTATE), a lost race and a refusal by the
 * decider all mean nothing was written. Its keys are then kept: an orphan key encrypts nothing,
 * while deleting the key of events that did commit would lose the victim's data.
 */
function outcomeUnknown(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return false;
  const text = `${(error as Error | undefined)?.message ?? ''} ${typeof code === 'string' ? code : ''}`;
  return /connection|terminat|ECONNRESET|EPIPE|ETIMEDOUT|timeout/i.test(text);
}
