import type { Sql } from '@parcours/eventstore';
import type { Geography } from '@parcours/geography';
import type { LogEvent } from '../log/log.ts';

/**
 * The offices of the network directory with their département and region (official geography),
 * for the report's office types and the federation's places. Each directory event carries the whole
 * office: the newest `at` wins, so any order of delivery gives the same table.
 */
export async function applyOffices(
  tx: Sql,
  events: readonly LogEvent[],
  geography: Geography,
): Promise<void> {
  const newest = new Map<string, Record<string, unknown>>();
  for (const event of events) {
    if (event.type !== 'fr.parcours.directory.office.v1') continue;
    const d = event.data as Record<string, string | boolean>;
    const commune = geography.commune(String(d['communeCode']));
    const row = {
      office_id: d['officeId'],
      association_id: d['associationId'],
      type: d['type'],
      commune_code: d['communeCode'],
      departement: commune?.departement ?? 'unknown',
      region: commune?.region ?? 'unknown',
      active: d['active'],
      at: event.time,
    };
    const known = newest.get(String(d['officeId']));
    if (!known || String(known['at']) < event.time) newest.set(String(d['officeId']), row);
  }
  if (newest.size === 0) return;
  await tx.query(
    `INSERT INTO pj_offices SELECT * FROM json_populate_recordset(null::pj_offices, $1::json)
     ON CONFLICT (office_id) DO UPDATE SET association_id = excluded.association_id, type = excluded.type,
       commune_code = excluded.commune_code, departement = excluded.departement, region = excluded.region,
       active = excluded.active, at = excluded.at
     WHERE pj_offices.at < excluded.at`,
    [JSON.stringify([...newest.values()])],
  );
}
