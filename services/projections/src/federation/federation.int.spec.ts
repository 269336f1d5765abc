import { DirectoryOfficeV1 } from '@parcours/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyEvents } from '../demo/journey.ts';
import { startTestService, type TestService } from '../test-support.ts';

let service: TestService;
const analyst = 'federation-analyst' as const;
const start = new Date('2026-02-02T09:00:00.000Z');

// Open files per association: Paris 5, Boulogne 4, Lyon 1 (under the threshold of 3), Marseille 6.
const network = [
  { associationId: 'asso-p', officeId: 'office-p', communeCode: '75056', files: 5 },
  { associationId: 'asso-q', officeId: 'office-q', communeCode: '92012', files: 4 },
  { associationId: 'asso-r', officeId: 'office-r', communeCode: '69123', files: 1 },
  { associationId: 'asso-s', officeId: 'office-s', communeCode: '13055', files: 6 },
];

beforeAll(async () => {
  service = await startTestService('federation', { env: { SUPPRESSION_THRESHOLD: '3' } });
  for (const { associationId, officeId, communeCode, files } of network) {
    const office = DirectoryOfficeV1.create({
      id: `dir-${officeId}`,
      subject: officeId,
      time: start,
      data: {
        officeId,
        associationId,
        name: officeId,
        type: 'police-station',
        communeCode,
        active: true,
        at: start.toISOString(),
      },
    });
    const cases = Array.from({ length: files }, (_, i) =>
      journeyEvents({
        caseId: `${officeId}-${i}`,
        start,
        associationId,
        officeId,
        actions: [{ day: 1, kind: 'legal-information' }],
      }),
    );
    await service.deliver([office, ...cases.flat()]);
  }
});
afterAll(async () => service?.close());

type Row = { key: string; region: string | null; values: Record<string, number | null> };
async function federation(query: string): Promise<{ national: Row; rows: Row[] }> {
  const response = await service.app.inject({
    method: 'GET',
    url: `/federation?year=2026&${query}`,
    headers: await service.auth(analyst),
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('the federation view', () => {
  it('gives the figures by association, département and region, never an identity', async () => {
    const byAssociation = await federation('level=association');
    expect(byAssociation.national.values['openFiles']).toBe(16);
    expect(byAssociation.national.values['personsHelped']).toBe(16);
    const text = JSON.stringify(byAssociation);
    expect(text).not.toMatch(/case|file-|staff|caseworker/);
    const byDepartement = await federation('level=departement');
    expect(byDepartement.rows.map((row) => row.key)).toEqual(['13', '69', '75', '92']);
    const idf = await federation('level=departement&region=11');
    expect(idf.rows.map((row) => row.key)).toEqual(['75', '92']);
  });

  it('suppresses the small count, and no difference of published figures gives it back', async () => {
    const views = await Promise.all([
      federation('level=association'),
      federation('level=departement'),
      federation('level=region'),
    ]);
    const truth: Record<string, number> = { 'asso-r': 1, '69': 1, '84': 1 };
    for (const view of views) {
      const lyon = view.rows.find((row) => ['asso-r', '69', '84'].includes(row.key))!;
      expect(lyon.values['openFiles']).toBeNull();
      // The attacker: the nation minus every published row of the level.
      const published = view.rows.reduce((sum, row) => sum + (row.values['openFiles'] ?? 0), 0);
      const remainder = view.national.values['openFiles']! - published;
      expect(remainder).not.toBe(truth[lyon.key]);
      expect(view.rows.filter((row) => row.values['openFiles'] === null).length).toBeGreaterThanOrEqual(2);
    }
    // Across levels: a département or region minus the associations published in it.
    const [associations, departements, regions] = views;
    const published = (rows: Row[], key: string) =>
      rows.find((row) => row.key === key)?.values['openFiles'] ?? null;
    const lyonRegion = published(regions!.rows, '84');
    const lyonDepartement = published(departements!.rows, '69');
    expect([lyonRegion, lyonDepartement]).toEqual([null, null]);
    expect(published(associations!.rows, 'asso-r')).toBeNull();
  });

  it('is refused to a caseworker', async () => {
    const response = await service.app.inject({
      method: 'GET',
      url: '/federation?level=region',
      headers: await service.auth('caseworker'),
    });
    expect(response.statusCode).toBe(403);
  });
});
