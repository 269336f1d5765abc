import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../test-support.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('import');
});
afterAll(async () => {
  await service?.close();
});

const header =
  'last_name,first_name,birth_date,phone,email,address,postcode,commune_code,country,needs,urgency,consent_services,consent_sharing';

function victimList(rows: number, bad: Record<number, string>): string {
  const lines = [header];
  for (let i = 1; i <= rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      bad[i] ??
        `Victime${i},"Prénom, ${i}",1980-01-${day},+33 6 00 00 ${String(i % 100).padStart(2, '0')} 00,v${i}@example.org,"${i} avenue du Test",26000,26362,FR,psychological-support|legal-information,high,yes,no`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('mass-casualty event import', () => {
  it('imports 1,000 rows (the time is printed, not asserted): 997 intakes, the 3 bad rows listed with row and field', async () => {
    const auth = await service.auth('helpline');
    const event = await service.app.inject({
      method: 'POST',
      url: '/mass-events',
      headers: auth,
      payload: {
        name: 'Accident de car A7',
        kind: 'collective-accident',
        occurredOn: '2025-06-01',
        communeCode: '26362',
        offenceCategory: 'road-accident',
      },
    });
    expect(event.statusCode).toBe(201);
    const { massEventId } = event.json();
    // Listed for the managers once the views have it (the projections, caught up here), open ones first.
    await service.catchUp();
    const listed = await service.app.inject({
      method: 'GET',
      url: '/mass-events?status=open',
      headers: auth,
    });
    expect(listed.statusCode).toBe(200);
    expect(
      listed.json().items.find((item: { massEventId: string }) => item.massEventId === massEventId),
    ).toMatchObject({
      name: 'Accident de car A7',
      kind: 'collective-accident',
      occurredOn: '2025-06-01',
      status: 'open',
    });
    const wrong = await service.app.inject({
      method: 'GET',
      url: '/mass-events?status=archived',
      headers: auth,
    });
    expect(wrong.statusCode).toBe(400);

    // Data rows are lines 2..1001 of the file.
    const csv = victimList(1000, {
      10: 'Victime10,Jean,1980-02-30,,,,26000,26362,FR,,high,yes,no',
      500: ',Sans Nom,1980-01-01,,,,26000,26362,FR,,high,yes,no',
      999: 'Victime999,Zoé,1980-01-01,,,,26000,26362,FR,,urgent,yes,no',
    });
    const started = performance.now();
    const res = await service.app.inject({
      method: 'POST',
      url: `/mass-events/${massEventId}/imports`,
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode).toBe(202);
    const location = res.headers['location'] as string;
    let report = (await service.app.inject({ method: 'GET', url: location, headers: auth })).json();
    const progress: number[] = [];
    const totals = new Set<number | null>();
    while (report.status === 'running') {
      progress.push(report.done);
      totals.add(report.total);
      await new Promise((r) => setTimeout(r, 50));
      report = (await service.app.inject({ method: 'GET', url: location, headers: auth })).json();
    }
    const elapsed = performance.now() - started;
    console.log(`CSV import of 1,000 rows: ${elapsed.toFixed(0)} ms; progress seen: ${progress.join(', ')}`);

    expect(report).toMatchObject({ status: 'done', total: 1000, done: 1000, imported: 997, failed: 3 });
    // The list is counted before the import starts: every progress report says "of 1,000".
    expect([...totals]).toEqual(totals.size > 0 ? [1000] : []);
    expect(report.errors).toEqual([
      { row: 11, field: 'birth_date', message: expect.any(String) },
      { row: 501, field: 'last_name', message: 'is required' },
      { row: 1000, field: 'urgency', message: expect.any(String) },
    ]);

    await service.catchUp();
    const [count] = await service.module.db.query<{ n: number; ready: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'ready')::int AS ready
       FROM intake_summaries WHERE mass_event_id = $1`,
      [massEventId],
    );
    expect(count).toEqual({ n: 997, ready: 997 });
    const [outbox] = await service.module.db.query<{ n: number }>('SELECT count(*)::int AS n FROM es_outbox');
    expect(outbox?.n).toBe(997);
    // No error message quotes a value from the file.
    expect(JSON.stringify(report.errors)).not.toMatch(/Victime|Zoé|Sans Nom|1980-02-30/);
  });

  it('refuses an unknown event with a 422 and a list without the required columns', async () => {
    const auth = await service.auth('helpline');
    const unknown = await service.app.inject({
      method: 'POST',
      url: '/mass-events/00000000-0000-4000-8000-000000000000/imports',
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: `${header}\r\n`,
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('unknown_mass_event');
  });
});
