import { fuzzOpenApi, lintOpenApi, openApiDocument, rowCounts } from '@parcours/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openedFile, startTestService, type TestService } from './test-support.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('openapi');
});
afterAll(async () => {
  await service?.close();
});

describe('follow-up OpenAPI document', () => {
  it('lints clean', async () => {
    expect(await lintOpenApi(await openApiDocument(service.app))).toEqual([]);
  });

  it('survives the fuzzer: no 5xx, refusals name their field, nothing written on a refusal', async () => {
    const fileId = await openedFile(service);
    // The office manager of the file's office may run every route of the office.
    const token = await service.issuer.sign('office-manager');
    const report = await fuzzOpenApi({
      app: service.app,
      document: await openApiDocument(service.app),
      token: () => token,
      snapshot: rowCounts(
        (sql) => service.module.db.query(sql),
        ['es_events', 'es_outbox', 'es_schedule', 'subject_keys'],
      ),
      pathValues: { fileId },
      seed: 10,
    });
    expect(report.failures).toEqual([]);
    expect(report.byStatus['400']).toBeGreaterThan(100);
  }, 420_000);
});
