import type { Database, EventStore } from '@parcours/eventstore';
import { type Checkpoint, START } from '@parcours/eventstore';
import {
  type Agreement,
  type Association,
  type DirectoryEntity,
  type DirectoryEvents,
  type DirectoryState,
  directoryEventTypes,
  evolve,
  type ForeignOrganisation,
  type Office,
  type Partner,
} from './directory.ts';

/**
 * The directory as routing reads it: in memory, indexed by commune, département and country. An
 * evolve over the directory's events (the same `evolve` as the write side, per entity), rebuilt at
 * boot and kept current by `DirectoryFeed`. Routing a case is then a handful of Map look-ups.
 */
export class DirectoryIndex {
  readonly associations = new Map<string, Association>();
  readonly offices = new Map<string, Office>();
  readonly partners = new Map<string, Partner>();
  readonly agreements = new Map<string, Agreement>();
  readonly foreignOrganisations = new Map<string, ForeignOrganisation>();
  private readonly officesByCommune = new Map<string, Office[]>();
  private readonly officesByAssociation = new Map<string, Office[]>();
  private readonly coverageByCommune = new Map<string, string[]>();
  private readonly coverageByDepartement = new Map<string, string[]>();
  private readonly foreignByCountry = new Map<string, ForeignOrganisation[]>();
  private readonly states = new Map<string, DirectoryState>();

  static of(events: readonly DirectoryEvents[]): DirectoryIndex {
    const index = new DirectoryIndex();
    for (const event of events) index.apply(event);
    return index;
  }

  apply(event: DirectoryEvents): void {
    const key = entityKey(event);
    const before = this.states.get(key) ?? { status: 'none' };
    const after = evolve(before, event);
    this.states.set(key, after);
    if (before.status === 'present') this.remove(before.entity);
    if (after.status === 'present') this.add(after.entity);
  }

  /** Associations serving this commune directly (commune coverage). */
  coveringCommune(communeCode: string): Association[] {
    return this.active(this.coverageByCommune.get(communeCode));
  }

  coveringDepartement(departement: string): Association[] {
    return this.active(this.coverageByDepartement.get(departement));
  }

  officesIn(communeCode: string): readonly Office[] {
    return this.officesByCommune.get(communeCode) ?? [];
  }

  officesOf(associationId: string): readonly Office[] {
    return this.officesByAssociation.get(associationId) ?? [];
  }

  foreignFor(countryCode: string): readonly ForeignOrganisation[] {
    return this.foreignByCountry.get(countryCode) ?? [];
  }

  get size() {
    return {
      associations: this.associations.size,
      offices: this.offices.size,
      partners: this.partners.size,
      agreements: this.agreements.size,
      foreignOrganisations: this.foreignOrganisations.size,
    };
  }

  private active(ids: string[] | undefined): Association[] {
    return (ids ?? []).map((id) => this.associations.get(id)).filter((a): a is Association => !!a?.active);
  }

  private add(entity: DirectoryEntity): void {
    switch (entity.kind) {
      case 'association': {
        const a = entity.value;
        this.associations.set(a.associationId, a);
        for (const c of a.coverage.communes) push(this.coverageByCommune, c, a.associationId);
        for (const d of a.coverage.departements) push(this.coverageByDepartement, d, a.associationId);
        return;
      }
      case 'office': {
        const o = entity.value;
        this.offices.set(o.officeId, o);
        if (!o.active) return;
        push(this.officesByCommune, o.address.communeCode, o);
        push(this.officesByAssociation, o.associationId, o);
        return;
      }
      case 'partner':
        this.partners.set(entity.value.partnerId, entity.value);
        return;
      case 'agreement':
        this.agreements.set(entity.value.agreementId, entity.value);
        return;
      case 'foreign-organisation': {
        const f = entity.value;
        this.foreignOrganisations.set(f.organisationId, f);
        if (f.active) push(this.foreignByCountry, f.countryCode, f);
        return;
      }
    }
  }

  private remove(entity: DirectoryEntity): void {
    switch (entity.kind) {
      case 'association': {
        const a = entity.value;
        for (const c of a.coverage.communes) pull(this.coverageByCommune, c, a.associationId);
        for (const d of a.coverage.departements) pull(this.coverageByDepartement, d, a.associationId);
        return;
      }
      case 'office': {
        const o = entity.value;
        pullWhere(this.officesByCommune, o.address.communeCode, (x) => x.officeId === o.officeId);
        pullWhere(this.officesByAssociation, o.associationId, (x) => x.officeId === o.officeId);
        return;
      }
      case 'foreign-organisation':
        pullWhere(
          this.foreignByCountry,
          entity.value.countryCode,
          (x) => x.organisationId === entity.value.organisationId,
        );
        return;
      case 'partner':
      case 'agreement':
        return;
    }
  }
}

function entityKey(event: DirectoryEvents): string {
  const d = event.data as Record<string, string>;
  if (event.type.startsWith('Association')) return `association:${d['associationId']}`;
  if (event.type.startsWith('Office')) return `office:${d['officeId']}`;
  if (event.type.startsWith('Partner')) return `partner:${d['partnerId']}`;
  if (event.type.startsWith('Agreement')) return `agreement:${d['agreementId']}`;
  return `foreign-organisation:${d['organisationId']}`;
}

function push<V>(map: Map<string, V[]>, key: string, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function pull(map: Map<string, string[]>, key: string, value: string) {
  pullWhere(map, key, (x) => x === value);
}
function pullWhere<V>(map: Map<string, V[]>, key: string, match: (value: V) => boolean) {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter((x) => !match(x));
  if (kept.length) map.set(key, kept);
  else map.delete(key);
}

/**
 * Keeps a process's DirectoryIndex current: reads the directory's events in the store's commit-safe
 * global order (EventStore.readAll, the ProjectionRunner's reader) from a checkpoint held in memory,
 * so each instance of the service builds its own copy at boot and follows appends (LISTEN) after.
 * A ProjectionRunner is not used here because its checkpoint lives in the database and is shared by
 * the instances, while this read model lives in each process's memory.
 */
export class DirectoryFeed {
  readonly index = new DirectoryIndex();
  private checkpoint: Checkpoint = START;
  private running: Promise<number> | undefined;
  private again = false;
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly db: Database;
  private readonly store: EventStore;

  constructor(db: Database, store: EventStore) {
    this.db = db;
    this.store = store;
  }

  /** Applies every directory event committed so far; concurrent calls share one pass. */
  async catchUp(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      try {
        do {
          this.again = false;
          for (;;) {
            const { events, checkpoint } = await this.store.readAll<DirectoryEvents>(this.checkpoint, {
              types: directoryEventTypes,
              limit: 2_000,
            });
            for (const stored of events) {
              this.index.apply({ type: stored.type, data: stored.data } as DirectoryEvents);
            }
            // The reader moves past other services' events too: stop once it no longer moves.
            const moved =
              checkpoint.transactionId !== this.checkpoint.transactionId ||
              checkpoint.position !== this.checkpoint.position;
            this.checkpoint = checkpoint;
            total += events.length;
            if (!moved) break;
          }
        } while (this.again);
      } finally {
        this.running = undefined;
      }
      return total;
    })();
    return this.running;
  }

  /**
   * Catches up until the event at `position` is applied (read-your-writes after a directory command):
   * the commit-safe reader does not pass a transaction still open anywhere on the server, so one pass
   * may stop short of it.
   */
  async catchUpUntil(goal: Checkpoint, timeoutMs = 10_000): Promise<void> {
    const target = BigInt(goal.transactionId);
    const position = goal.position;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.catchUp();
      const at = BigInt(this.checkpoint.transactionId);
      if (at > target || (at === target && this.checkpoint.position >= position)) return;
      if (Date.now() > deadline)
        throw new Error(`directory did not reach position ${position} in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Follows appends: woken by the store's notifications of directory events, and every `pollMs` for late commits. */
  follow(pollMs = 2_000): void {
    if (this.unsubscribe) return;
    const tick = () => void this.catchUp().catch(() => undefined);
    // Woken by directory events only: routing appends referral events at every intake.
    this.unsubscribe = this.db.onAppended(tick, { types: directoryEventTypes });
    this.timer = setInterval(tick, pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
