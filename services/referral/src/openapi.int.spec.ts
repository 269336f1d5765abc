import { fuzzOpenApi, lintOpenApi, openApiDocument, rowCounts } from '@parcours/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orientationHandler } from './referral/consumers.ts';
import { referralIdFor } from './referral/orientation.ts';
import { readyForOrientation } from './referral/test-builders.ts';
import { messageContext, startTestService, type TestService } from './test-support.ts';

let service: TestService;
let document: unknown;
beforeAll(async () => {
  service = await startTestService('openapi');
  document = await openApiDocument(service.app);
});
afterAll(async () => service?.close());

describe('referral OpenAPI document', () => {
  it('lints clean', async () => {
    expect(await lintOpenApi(document)).toEqual([]);
  });

  it('survives the fuzzer: no 5xx, refusals name their field, nothing written on a refusal', async () => {
    // A referral proposed to office-75-bav, so that the answers reach the decider.
    const event = readyForOrientation({
      channel: 'requisition',
      requisition: { dueDate: '2999-01-01', evviRequested: true },
    });
    await orientationHandler(service.module.db, service.module.referrals)(event, messageContext);
    const token = await service.issuer.sign('admin');
    const report = await fuzzOpenApi({
      app: service.app,
      document,
      token: () => token,
      // Everything a command can leave behind.
      snapshot: rowCounts((sql) => service.module.db.query(sql), ['es_events', 'es_outbox', 'es_schedule']),
      pathValues: {
        referralId: referralIdFor(event.id),
        caseId: event.data.caseId,
        officeId: 'office-75-bav',
        associationId: 'asso-75',
      },
      seed: 11,
    });
    expect(report.failures).toEqual([]);
    expect(report.byStatus['400']).toBeGreaterThan(500);
  }, 180_000);
});
