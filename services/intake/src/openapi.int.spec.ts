import { fuzzOpenApi, lintOpenApi } from '@parcours/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helplineCall, startTestService, type TestService } from './test-support.ts';

let service: TestService;
let document: unknown;
beforeAll(async () => {
  service = await startTestService('openapi');
  document = (await service.app.inject({ method: 'GET', url: '/docs/json' })).json();
});
afterAll(async () => {
  await service?.close();
});

/** Everything a command can leave behind. */
const snapshot = async () =>
  service.module.db.query(
    `SELECT (SELECT count(*) FROM es_events)::int AS events, (SELECT count(*) FROM es_outbox)::int AS outbox,
            (SELECT count(*) FROM subject_keys)::int AS keys, (SELECT count(*) FROM access_log)::int AS reads`,
  );

describe('intake OpenAPI document', () => {
  it('lints clean', async () => {
    expect(await lintOpenApi(document)).toEqual([]);
  });

  it('survives the fuzzer: no 5xx, refusals name their field, nothing written on a refusal', async () => {
    const recorded = await service.app.inject({
      method: 'POST',
      url: '/intakes/helpline-calls',
      headers: await service.auth('helpline'),
      payload: helplineCall(),
    });
    // Recording calls need the helpline role; every other route admits an admin.
    const tokens = {
      helpline: await service.issuer.sign('helpline'),
      admin: await service.issuer.sign('admin'),
    };
    const report = await fuzzOpenApi({
      app: service.app,
      document,
      token: (operation) => (operation.path === '/intakes/helpline-calls' ? tokens.helpline : tokens.admin),
      snapshot,
      pathValues: { intakeId: recorded.json().intakeId },
      seed: 9,
    });
    // Issue 9, "half-done commands": a recording its decider refuses leaves the victim's data key
    // behind, and nothing else. Reported to the intake's developers; every other finding fails here.
    const keyLeftBehind = ({ status, written }: (typeof report.failures)[number]) => {
      const [before, after] = [written?.before, written?.after] as { keys: number }[][];
      return (
        status === 422 &&
        before?.[0] !== undefined &&
        after?.[0] !== undefined &&
        after[0].keys === before[0].keys + 1 &&
        JSON.stringify({ ...after[0], keys: 0 }) === JSON.stringify({ ...before[0], keys: 0 })
      );
    };
    expect(report.failures.filter((failure) => !keyLeftBehind(failure))).toEqual([]);
    expect(report.byStatus['400']).toBeGreaterThan(1_000);
  }, 180_000);
});
