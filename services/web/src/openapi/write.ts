/**
 * Regenerates the services' OpenAPI documents (services/web/openapi/*.json) and the page's API
 * types (app/api/generated/*.ts) from the services' code: `pnpm --filter @parcours/web openapi`.
 * Run after a change to intake's or referral's routes; openapi.int.spec.ts fails until then.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { resolveStack } from '@parcours/testing';
import { documentPath, proxiedServices } from '../proxy/operations.ts';
import { currentDocuments, documentText, typesOf, typesPath } from './documents.ts';

const stack = await resolveStack();
process.env['DATABASE_URL'] ??= stack.databaseUrl;
process.env['REDIS_URL'] ??= stack.redisUrl;
process.env['KAFKA_BROKERS'] ??= stack.kafkaBrokers.join(',');

const documents = await currentDocuments();
for (const service of proxiedServices) {
  await mkdir(dirname(typesPath(service)), { recursive: true });
  await writeFile(documentPath(service), documentText(documents[service]));
  await writeFile(typesPath(service), await typesOf(service, documents[service]));
  process.stdout.write(`${service}: ${documentPath(service)}, ${typesPath(service)}\n`);
}
process.exit(0);
