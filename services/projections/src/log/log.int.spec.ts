import { schemaDrift } from '@parcours/eventstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyEvents } from '../demo/journey.ts';
import { startTestService, type TestService } from '../test-support.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('log');
});
afterAll(async () => service?.close());

const start = new Date('2026-03-02T09:00:00.000Z');
const story = (caseId: string, associationId = 'asso-75', officeId = 'office-75-bav') =>
  journeyEvents({
    caseId,
    start,
    associationId,
    officeId,
    actions: [{ day: 0, kind: 'legal-information' }],
    contactAfterHours: 3,
    hearingInDays: 20,
    mediation: 'agreed',
  });

/** Every row of a case's views, comparable. */
async function rowsOf(caseKey: string) {
  const tables = [
    'pj_cases',
    'pj_files',
    'pj_referrals',
    'pj_actions',
    'pj_hearings',
    'pj_breaches',
    'pj_mediations',
  ];
  const out: Record<string, unknown[]> = {};
  for (const table of tables)
    out[table] = await service.module.db.query(`SELECT * FROM ${table} WHERE case_key = $1 ORDER BY 1`, [
      caseKey,
    ]);
  return out;
}

describe('the integration-event log and its consumer', () => {
  it('its read models match their migrated tables', async () => {
    expect(await schemaDrift(service.module.db)).toEqual([]);
  });

  it('logs each event once: a redelivery or a duplicate in the batch changes nothing', async () => {
    const events = story('case-dup');
    const first = await service.deliver(events);
    expect(first.appended).toHaveLength(events.length);
    const before = await rowsOf('case-dup');
    const again = await service.deliver([...events, events[3]!, events[3]!]);
    expect(again.appended).toEqual([]);
    expect(await rowsOf('case-dup')).toEqual(before);
    const [count] = await service.module.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pj_event_log WHERE case_key = 'case-dup'`,
    );
    expect(count?.n).toBe(events.length);
  });

  it('gives the same views whatever the order and batching of deliveries', async () => {
    const inOrder = story('case-order-a');
    await service.deliver(inOrder);
    const reversed = story('case-order-b').reverse();
    for (const event of reversed) await service.deliver([event]);
    const strip = (rows: Record<string, unknown[]>) =>
      JSON.parse(JSON.stringify(rows).replaceAll('case-order-a', 'X').replaceAll('case-order-b', 'X'));
    expect(strip(await rowsOf('case-order-b'))).toEqual(strip(await rowsOf('case-order-a')));
  });

  it("shows the victim's path to the association's staff, logs the read, refuses others", async () => {
    await service.deliver(story('case-path'));
    const response = await service.app.inject({
      method: 'GET',
      url: '/cases/case-path/path',
      headers: await service.auth('caseworker'),
    });
    expect(response.statusCode).toBe(200);
    const steps = response.json().steps as { source: string; step: string }[];
    expect(steps.map((s) => `${s.source}:${s.step}`)).toEqual([
      'intake:ready-for-orientation',
      'referral:proposed',
      'referral:accepted',
      'follow-up:file-opened',
      'follow-up:file-assigned',
      'follow-up:support-action-recorded',
      'follow-up:contact-attempted',
      'follow-up:hearing-scheduled',
      'mediation:opened',
      'mediation:session-held',
      'mediation:agreed',
    ]);
    expect(JSON.stringify(response.json())).not.toContain('"personal"');
    const logged = await service.module.db.query(
      `SELECT actor, purpose FROM es_access_log WHERE subject_kind = 'case-path' AND subject_id = 'case-path'`,
    );
    expect(logged).toEqual([{ actor: 'dev-caseworker', purpose: 'victim-path' }]);

    const lyon = await service.app.inject({
      method: 'GET',
      url: '/cases/case-path/path',
      headers: await service.auth('caseworker-69'),
    });
    expect(lyon.statusCode).toBe(403);
    const helpline = await service.app.inject({
      method: 'GET',
      url: '/cases/case-path/path',
      headers: await service.auth('helpline'),
    });
    expect(helpline.statusCode).toBe(403);
    const unknown = await service.app.inject({
      method: 'GET',
      url: '/cases/nobody/path',
      headers: await service.auth('caseworker'),
    });
    expect(unknown.statusCode).toBe(404);
    const [reads] = await service.module.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM es_access_log WHERE subject_kind = 'case-path'`,
    );
    expect(reads?.n).toBe(1);
  });

  it('consumes every topic from Kafka, and a message published twice is logged once', async () => {
    const events = story('case-kafka', 'asso-69', 'office-69-lyon');
    const seen = new Set<string>();
    const off = service.module.onIngested((ingested) => {
      for (const event of ingested.appended) seen.add(event.eventId);
    });
    const consumer = await service.module.startConsumer();
    try {
      await service.publish([...events, events[0]!, events[5]!]);
      const deadline = Date.now() + 60_000;
      while (seen.size < events.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(seen.size).toBe(events.length);
      await new Promise((r) => setTimeout(r, 500));
      const [count] = await service.module.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pj_event_log WHERE case_key = 'case-kafka'`,
      );
      expect(count?.n).toBe(events.length);
      const [file] = await service.module.db.query<{ office_id: string }>(
        `SELECT office_id FROM pj_files WHERE case_key = 'case-kafka'`,
      );
      expect(file?.office_id).toBe('office-69-lyon');
    } finally {
      off();
      await consumer.stop();
    }
  }, 90_000);
});
