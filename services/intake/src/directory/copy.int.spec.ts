import { randomUUID } from 'node:crypto';
import { DirectoryOfficeV1 } from '@parcours/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService, walkInBody } from '../test-support.ts';
import { DirectoryCopy } from './copy.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('directory');
});
afterAll(async () => {
  await service?.close();
});

const officeState = (officeId: string, at: string, changes: { name?: string; active?: boolean } = {}) =>
  DirectoryOfficeV1.create({
    id: randomUUID(),
    subject: `directory-office-${officeId}`,
    time: at,
    data: {
      officeId,
      associationId: 'asso-75',
      name: changes.name ?? `Office ${officeId}`,
      type: 'police-station',
      communeCode: '75111',
      active: changes.active ?? true,
      at,
    },
  });

describe("intake's copy of the network directory", () => {
  it('holds open offices and agreements with their partner, the latest state of each winning', async () => {
    const { directory } = service.module;
    expect(directory.offices['office-75-bav']).toMatchObject({
      type: 'court-victim-office',
      associationId: 'asso-75',
    });
    expect(directory.agreements['agr-bank-2024']).toMatchObject({
      partnerId: 'partner-bank',
      partnerName: 'Banque Exemple',
    });
    expect(directory.agreements['agr-retail-2021']).toMatchObject({ validUntil: '2023-12-31' });

    // A newer state, then an older one redelivered: the newer stays. In one batch, the latest wins.
    await directory.apply([officeState('office-new', '2026-03-01T10:00:00.000Z', { name: 'New name' })]);
    await directory.apply([officeState('office-new', '2026-02-01T10:00:00.000Z', { name: 'Old name' })]);
    expect(directory.offices['office-new']?.name).toBe('New name');
    await directory.apply([
      officeState('office-new', '2026-04-01T10:00:00.000Z', { active: false }),
      officeState('office-new', '2026-03-15T10:00:00.000Z', { name: 'Older' }),
    ]);
    expect(directory.offices['office-new']).toBeUndefined();
  });

  it('is what another instance loads from the table (a consumer in one instance serves all)', async () => {
    const other = new DirectoryCopy(service.module.db);
    await other.load();
    expect(other.offices).toEqual(service.module.directory.offices);
    expect(other.agreements).toEqual(service.module.directory.agreements);
  });

  it('answers a walk-in at a closed office with a 422 naming the field', async () => {
    const { directory } = service.module;
    await directory.apply([officeState('office-closing', '2026-01-01T00:00:00.000Z')]);
    const walkIn = async () =>
      service.app.inject({
        method: 'POST',
        url: '/intakes/walk-ins',
        payload: walkInBody('office-closing', 'police-station'),
        headers: await service.auth('admin'),
      });
    expect((await walkIn()).statusCode).toBe(201);
    await directory.apply([officeState('office-closing', '2026-01-02T00:00:00.000Z', { active: false })]);
    const refused = await walkIn();
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'unknown_office', errors: [{ field: '/body/officeId' }] });
  });
});
