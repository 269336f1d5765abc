// The intake bench's contender: what this stack allows on this machine. A bare Fastify route with
// the kit's JWT verification (the same plugin, keys and token cache as the services) that INSERTs
// the request's body as one row. The intake's calls/s read as a ratio of this figure, which moves
// with the machine from one day to the next while the ratio does not (bench/README.md).
//
//   started by bench/intake/run.ts in its own process, with the services' Node flags
import {
  authPlugin,
  DEV_AUDIENCE,
  DEV_ISSUER,
  DevIssuer,
  problemsPlugin,
  tracingPlugin,
} from '@parcours/service-kit';
import Fastify from 'fastify';
import pg from 'pg';

const port = Number(process.env['PORT']);
const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'], max: 10 });
await pool.query(
  'CREATE TABLE IF NOT EXISTS contender_calls (id bigserial PRIMARY KEY, body jsonb NOT NULL)',
);

const issuer = await DevIssuer.shared({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
const app = Fastify({ logger: false });
// The auth plugin answers through the kit's problem+json handler, which needs the request context
// (no telemetry SDK is loaded here: its spans are no-ops).
await app.register(tracingPlugin);
await app.register(problemsPlugin);
await app.register(authPlugin, {
  issuer: DEV_ISSUER,
  audience: DEV_AUDIENCE,
  keys: { keySet: issuer.keySet() },
});
app.get('/health/ready', { config: { public: true } }, async () => ({ status: 'ok' }));
app.post('/intakes/helpline-calls', async (request, reply) => {
  const [row] = (
    await pool.query('INSERT INTO contender_calls (body) VALUES ($1) RETURNING id', [request.body])
  ).rows as { id: string }[];
  return reply.code(201).send({ id: row!.id, actor: request.actor.id });
});
await app.listen({ port, host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => pool.end()));
