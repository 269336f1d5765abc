import { fuzzOpenApi, lintOpenApi, openApiDocument, rowCounts } from '@parcours/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyEvents } from './demo/journey.ts';
import { startTestService, type TestService } from './test-support.ts';

let service: TestService;
let document: unknown;
beforeAll(async () => {
  service = await startTestService('openapi');
  document = await openApiDocument(service.app);
});
afterAll(async () => service?.close());

describe('projections OpenAPI document', () => {
  it('lints clean', async () => {
    expect(await lintOpenApi(document)).toEqual([]);
  });

  it('survives the fuzzer: no 5xx, refusals name their field, nothing written on a refusal', async () => {
    await service.deliver(
      journeyEvents({
        caseId: 'case-fuzz',
        start: new Date('2026-03-02T09:00:00.000Z'),
        associationId: 'asso-75',
        officeId: 'office-75-bav',
        actions: [{ day: 0, kind: 'legal-information' }],
      }),
    );
    // A national auditor reads every view; only the admin manages them.
    const tokens = {
      auditor: await service.issuer.sign({
        sub: 'national-auditor',
        name: 'Nadia National',
        roles: ['auditor'],
      }),
      admin: await service.issuer.sign('admin'),
    };
    const report = await fuzzOpenApi({
      app: service.app,
      document,
      token: (operation) => (operation.path.startsWith('/views') ? tokens.admin : tokens.auditor),
      snapshot: rowCounts(
        (sql) => service.module.db.query(sql),
        ['pj_event_log', 'es_access_log', 'es_inbox'],
      ),
      pathValues: {
        caseId: 'case-fuzz',
        officeId: 'office-75-bav',
        associationId: 'asso-75',
        year: '2026',
        view: 'directory',
      },
      seed: 13,
    });
    expect(report.failures).toEqual([]);
    expect(report.byStatus['400']).toBeGreaterThan(100);
  }, 240_000);
});
