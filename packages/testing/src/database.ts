import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A fresh, empty PostgreSQL database for one test file; `drop` removes it. */
export async function createTestDatabase(
  prefix = 'test',
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) throw new Error('DATABASE_URL is not set: run the tests through the int or e2e project');
  const name = `parcours_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A topic name no other test uses. Its first four hex digits are the run's (PARCOURS_TEST_RUN, set
 * by the global setup), so that a run's teardown removes its own topics and not those of another run
 * sharing the broker.
 */
export function uniqueTopic(context: string): string {
  const run = process.env['PARCOURS_TEST_RUN'] ?? randomBytes(2).toString('hex');
  return `${context}.${run}${randomBytes(2).toString('hex')}.v1`;
}
