import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { documentPath, proxiedServices } from '../proxy/operations.ts';
import { currentDocuments, documentText, typesOf, typesPath } from './documents.ts';

describe('the services’ OpenAPI documents the page is typed against', () => {
  it('are the ones the services produce now (else: pnpm --filter @parcours/web openapi)', async () => {
    const documents = await currentDocuments();
    for (const service of proxiedServices) {
      expect(await readFile(documentPath(service), 'utf8'), `${service}.json`).toBe(
        documentText(documents[service]),
      );
      expect(await readFile(typesPath(service), 'utf8'), `${service}.ts`).toBe(
        await typesOf(service, documents[service]),
      );
    }
  });
});
