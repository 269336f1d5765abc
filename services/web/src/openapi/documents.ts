import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { startTestService as startFollowUp } from '../../../follow-up/src/test-support.ts';
import { startTestService as startIntake } from '../../../intake/src/test-support.ts';
import { startTestService as startMediation } from '../../../mediation/src/test-support.ts';
import { startTestService as startProjections } from '../../../projections/src/test-support.ts';
import { startTestService as startReferral } from '../../../referral/src/test-support.ts';
import type { OpenApiDocument, ProxiedService } from '../proxy/operations.ts';

interface TestService {
  app: { inject(o: { url: string }): Promise<{ json(): unknown }> };
  close(): Promise<void>;
}

/**
 * The services' OpenAPI documents as their code describes them now: each service's app is built on
 * the real stack as its tests build it (a fresh database, no listen) and asked for `/docs/json`.
 * Needs DATABASE_URL, REDIS_URL and KAFKA_BROKERS (the test stack sets them).
 */
export async function currentDocuments(): Promise<Record<ProxiedService, OpenApiDocument>> {
  const starters: Record<ProxiedService, () => Promise<TestService>> = {
    intake: () => startIntake('web_openapi'),
    referral: () => startReferral('web_openapi'),
    'follow-up': () => startFollowUp('web_openapi'),
    mediation: () => startMediation('web_openapi'),
    projections: () => startProjections('web_openapi'),
  };
  const documents = {} as Record<ProxiedService, OpenApiDocument>;
  // One service at a time: each boots on a fresh database of its own and is closed before the next.
  for (const [service, start] of Object.entries(starters) as [ProxiedService, () => Promise<TestService>][]) {
    const running = await start();
    try {
      documents[service] = (await running.app.inject({ url: '/docs/json' })).json() as OpenApiDocument;
    } finally {
      await running.close();
    }
  }
  return documents;
}

/** Where the page's API types of a service are written (services/web/app/api/generated/<service>.ts). */
export const typesPath = (service: ProxiedService) =>
  fileURLToPath(new URL(`../../app/api/generated/${service}.ts`, import.meta.url));

/** The TypeScript types of a document (openapi-typescript), as committed. */
export async function typesOf(service: ProxiedService, document: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(document as never);
  return `// Generated from services/web/openapi/${service}.json by src/openapi/write.ts: do not edit.\n${astToString(ast)}`;
}

/** A document as committed: stable key order as the service emits it, two-space JSON, final newline. */
export const documentText = (document: OpenApiDocument) => `${JSON.stringify(document, null, 2)}\n`;
