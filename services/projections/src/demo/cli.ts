import { Database } from '@parcours/eventstore';
import { loadGeography } from '@parcours/geography';
import { projectionEntities } from '../entities.ts';
import { projectionsMigrations } from '../migrations.ts';
import { loadDemo, progressBar } from './load.ts';

/**
 * Loads a demo year into the projections' database:
 *   DATABASE_URL=… node services/projections/src/demo/cli.ts [victims] [year]
 * (scripts/up.sh --demo has the service do it at boot instead.)
 */
const victims = Number(process.argv[2] ?? 320_000);
const year = Number(process.argv[3] ?? new Date().getUTCFullYear() - 1);
const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/parcours_projections';
const db = await Database.connect({ url, migrations: projectionsMigrations, entities: projectionEntities });
const started = performance.now();
const events = await loadDemo(db, loadGeography(), { victims, year }, (p) =>
  process.stderr.write(`\r${progressBar(p)}   `),
);
process.stderr.write('\n');
console.log(
  `${events.toLocaleString('en')} events for ${victims.toLocaleString('en')} victims in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
await db.close();
