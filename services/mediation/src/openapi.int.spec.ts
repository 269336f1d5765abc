import { fuzzOpenApi, lintOpenApi, openApiDocument, rowCounts } from '@parcours/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './test-api.ts';
import { startTestService, type TestService } from './test-support.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('openapi');
});
afterAll(async () => {
  await service?.close();
});

describe('mediation OpenAPI document', () => {
  it('lints clean', async () => {
    expect(await lintOpenApi(await openApiDocument(service.app))).toEqual([]);
  });

  it('survives the fuzzer: no 5xx, refusals name their field, nothing written on a refusal', async () => {
    const given = api(service);
    const [mediatorId, roomId] = [await given.mediator(), await given.room()];
    const mandateId = await given.mandate();
    const partyId = await given.party(mandateId, 'victim', 'Victime');
    const session = await given.ok('mediator', `/mandates/${mandateId}/sessions`, {
      kind: 'individual',
      ...given.slot(mediatorId, roomId, [partyId], 30 * 3_600_000, 3_600_000),
    });
    // Rooms and mediators are managed by managers; mandates are conducted by mediators.
    const tokens = {
      mediator: await service.issuer.sign('mediator'),
      'office-manager': await service.issuer.sign('office-manager'),
      'association-manager': await service.issuer.sign('association-manager'),
    };
    const report = await fuzzOpenApi({
      app: service.app,
      document: await openApiDocument(service.app),
      token: (operation) =>
        operation.path.startsWith('/offices/{officeId}/rooms')
          ? tokens['office-manager']
          : operation.path.startsWith('/mediators')
            ? tokens['association-manager']
            : tokens.mediator,
      snapshot: rowCounts(
        (sql) => service.module.db.query(sql),
        ['es_events', 'es_outbox', 'es_schedule', 'subject_keys', 'mediation_bookings'],
      ),
      pathValues: {
        mandateId,
        partyId,
        sessionId: session.created!,
        mediatorId,
        roomId,
        officeId: 'office-75-bav',
      },
      seed: 12,
    });
    expect(report.failures).toEqual([]);
    expect(report.byStatus['400']).toBeGreaterThan(500);
  }, 300_000);
});
