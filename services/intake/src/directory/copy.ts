import { defineEntity, p } from '@mikro-orm/core';
import type {
  DirectoryAgreementV1,
  DirectoryIntegrationEvent,
  DirectoryOfficeV1,
  DirectoryPartnerV1,
  IntegrationEvent,
} from '@parcours/contracts';
import { readModels, write } from '@parcours/eventstore';
import type { IntakeDb } from '../entities.ts';
import type { Office, PartnerAgreement } from '../intake/decide.ts';

/**
 * The offices and partner agreements the deciders check intakes against, passed to them as values.
 */
export interface Reference {
  offices: Readonly<Record<string, Office>>;
  agreements: Readonly<Record<string, PartnerAgreement>>;
}

/** A row of `intake_directory`: the latest state of one entity, by its event type. */
type StoredState =
  | { type: 'fr.parcours.directory.office.v1'; data: DirectoryOfficeV1['data'] }
  | { type: 'fr.parcours.directory.partner.v1'; data: DirectoryPartnerV1['data'] }
  | { type: 'fr.parcours.directory.agreement.v1'; data: DirectoryAgreementV1['data'] };

/** This service's copy of the directory (migration 0101_intake_directory): one row per office, partner, agreement. */
export const DirectoryEntryRow = defineEntity({
  name: 'DirectoryEntryRow',
  tableName: 'intake_directory',
  properties: {
    /** The integration event's subject: the office, partner or agreement. */
    key: p.text().primary(),
    type: p.text().$type<StoredState['type']>(),
    data: p.json<StoredState['data']>().columnType('jsonb'),
    changedAt: p.datetime().columnType('timestamptz'),
  },
});

const directoryTypes = new Set<string>([
  'fr.parcours.directory.office.v1',
  'fr.parcours.directory.partner.v1',
  'fr.parcours.directory.agreement.v1',
]);

/** Whether an integration event is one of the directory feed's (the others are not this copy's). */
export const isDirectoryEvent = (event: IntegrationEvent): event is DirectoryIntegrationEvent =>
  directoryTypes.has(event.type);

/**
 * This service's copy of the network directory (kept by the referral service, published on the
 * compacted topic `directory.events.v1`): the latest state of each office, partner and agreement in
 * `intake_directory`, and in memory as the `Reference` the deciders read. The consumer writes the
 * table and reloads at once; every instance also reloads every `refreshMs`, so an instance that
 * does not consume (RUN_WORKERS=false) sees a change within that time. Closed offices and ended
 * agreements stay in the table but not in the reference: a walk-in there is a 422.
 */
export class DirectoryCopy implements Reference {
  private current: Reference = { offices: {}, agreements: {} };
  private timer: NodeJS.Timeout | undefined;
  private readonly db: IntakeDb;

  constructor(db: IntakeDb) {
    this.db = db;
  }

  get offices() {
    return this.current.offices;
  }

  get agreements() {
    return this.current.agreements;
  }

  /**
   * Stores the states these events carry, the latest `at` of each entity winning (a redelivered or
   * republished older state changes nothing), then reloads.
   */
  async apply(events: readonly DirectoryIntegrationEvent[]): Promise<void> {
    const latest = new Map<string, DirectoryIntegrationEvent>();
    for (const event of events) {
      const seen = latest.get(event.subject);
      if (!seen || seen.data.at <= event.data.at) latest.set(event.subject, event);
    }
    if (latest.size === 0) return;
    const rows = [...latest.values()];
    await write(
      this.db,
      readModels(this.db.em())
        .insertInto('intake_directory')
        .values(
          rows.map((e) => ({
            key: e.subject,
            type: e.type as StoredState['type'],
            data: e.data,
            changedAt: new Date(e.data.at),
          })),
        )
        .onConflict((conflict) =>
          conflict
            .column('key')
            .doUpdateSet((eb) => ({
              type: eb.ref('excluded.type'),
              data: eb.ref('excluded.data'),
              changedAt: eb.ref('excluded.changedAt'),
            }))
            .where('intake_directory.changedAt', '<=', (eb) => eb.ref('excluded.changedAt')),
        ),
    );
    await this.load();
  }

  /** Rebuilds the in-memory reference from the table (about a thousand rows: a few milliseconds). */
  async load(): Promise<void> {
    const rows = (await readModels(this.db.em())
      .selectFrom('intake_directory')
      .select(['type', 'data'])
      .execute()) as StoredState[];
    const offices: Record<string, Office> = {};
    const partners = new Map<string, string>();
    const agreements: DirectoryAgreementV1['data'][] = [];
    for (const row of rows) {
      if (!row.data.active) continue;
      if (row.type === 'fr.parcours.directory.office.v1') {
        const { officeId, type, associationId, name } = row.data;
        offices[officeId] = { officeId, type, associationId, name };
      } else if (row.type === 'fr.parcours.directory.partner.v1') {
        partners.set(row.data.partnerId, row.data.name);
      } else {
        agreements.push(row.data);
      }
    }
    const byId: Record<string, PartnerAgreement> = {};
    for (const { agreementId, partnerId, validFrom, validUntil } of agreements) {
      byId[agreementId] = {
        agreementId,
        partnerId,
        partnerName: partners.get(partnerId) ?? partnerId,
        validFrom,
        ...(validUntil ? { validUntil } : {}),
      };
    }
    this.current = { offices, agreements: byId };
  }

  /** Reloads every `refreshMs` (changes consumed by another instance). */
  follow(refreshMs: number, onError: (error: unknown) => void): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.load().catch(onError), refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
