import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { connectBrowser, expectAccessible, screenshot, signIn } from './testing/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const list = [
  'last_name,first_name,postcode,commune_code,urgency',
  ...Array.from({ length: 40 }, (_, i) => `Victime${i},Prénom${i},75017,75117,high`),
  'Sans,CodePostal,,75117,high',
  'Mauvaise,Urgence,75017,75117,tout-de-suite',
].join('\n');

describe('mass-casualty event', () => {
  it('the victim list is imported with a progress bar, and each refused row named with its column', async () => {
    const manager = await signIn(browser, 'association-manager');
    // An association manager lands on the dashboard; the mass events are one link away.
    await manager.page.getByRole('link', { name: 'Événements collectifs' }).click();
    await manager.page.getByRole('heading', { name: 'Événements collectifs' }).waitFor();
    await expectAccessible(manager.page, 'mass events');
    await manager.page.getByLabel('Nom de l’événement').fill('Effondrement de la passerelle, Paris 17e');
    await manager.page.getByLabel('Date').fill('15/11/2026');
    await manager.page.getByLabel('Date').press('Tab');
    await manager.page.getByRole('button', { name: 'Déclarer' }).click();
    await manager.page.getByText('Importer une liste de victimes').waitFor();
    await manager.page
      .locator('input[type=file]')
      .setInputFiles({ name: 'victimes.csv', mimeType: 'text/csv', buffer: Buffer.from(list) });
    await manager.page.getByRole('button', { name: 'Importer', exact: true }).click();
    await manager.page.getByRole('progressbar', { name: 'Progression de l’import' }).waitFor();
    await manager.page.getByText('Import terminé').waitFor({ timeout: 60_000 });
    await manager.page.getByText('42 lignes traitées sur 42').waitFor();
    await manager.page.getByRole('cell', { name: 'postcode', exact: true }).waitFor();
    await manager.page.getByRole('cell', { name: 'urgency', exact: true }).waitFor();
    await expectAccessible(manager.page, 'import done');
    await screenshot(manager.page, 'mass-event-import');
    await manager.context.close();
  });
});
