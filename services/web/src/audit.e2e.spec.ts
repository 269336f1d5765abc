import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, expectAccessible, screenshot, signIn } from './testing/browser.ts';
import { callBody, type Recorded } from './testing/journeys.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('data protection officer', () => {
  it('sees who read an intake, and erases its personal data after a confirmation', async () => {
    const listener = await signIn(browser, 'helpline');
    const call = await listener.api<Recorded>(
      'POST',
      '/api/intake/intakes/helpline-calls',
      callBody({ lastName: 'Roux' }),
    );
    await listener.api('GET', `/api/intake/intakes/${call.intakeId}?purpose=rappel`);

    // A helpline intake is the national platform's: an association's DPO neither reads its log nor
    // erases it (services/intake/src/access.ts); the national DPO (here the administrator) does both.
    const dpo = await signIn(browser, 'auditor');
    expect(new URL(dpo.page.url()).pathname).toBe('/audit');
    await dpo.page.getByLabel('Identifiant de la fiche (intake)').fill(call.intakeId);
    await dpo.page.getByRole('button', { name: 'Afficher' }).click();
    await dpo.page.getByLabel('Motif de la demande').fill('Demande écrite de la victime, art. 17 RGPD');
    await dpo.page.getByRole('button', { name: 'Effacer les données personnelles…' }).click();
    await dpo.page.getByRole('dialog', { name: 'Confirmer l’effacement' }).waitFor();
    await dpo.page.getByRole('button', { name: 'Effacer définitivement' }).click();
    await dpo.page.getByText('Ce dossier ne relève pas de votre périmètre.').first().waitFor();

    const admin = await signIn(browser, 'admin');
    await admin.page.goto('/audit');
    await admin.page.getByLabel('Identifiant de la fiche (intake)').fill(call.intakeId);
    await admin.page.getByRole('button', { name: 'Afficher' }).click();
    const read = admin.page.getByRole('row').filter({ hasText: 'dev-helpline' });
    await read.waitFor();
    expect(await read.getByText('rappel').count()).toBe(1);
    await expectAccessible(admin.page, 'access log');
    await screenshot(admin.page, 'audit-access-log');
    await admin.page.getByLabel('Motif de la demande').fill('Demande écrite de la victime, art. 17 RGPD');
    await admin.page.getByRole('button', { name: 'Effacer les données personnelles…' }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Confirmer l’effacement' });
    await dialog.waitFor();
    await expectAccessible(admin.page, 'erasure confirmation');
    await screenshot(admin.page, 'audit-erasure-confirmation');
    await dialog.getByRole('button', { name: 'Effacer définitivement' }).click();
    await admin.page.getByText('Les données personnelles ont été effacées.').waitFor();
    const intake = await listener.api<{ personal: unknown; personalErased: boolean }>(
      'GET',
      `/api/intake/intakes/${call.intakeId}`,
    );
    expect(intake).toMatchObject({ personal: null, personalErased: true });
    await Promise.all([listener.context.close(), dpo.context.close(), admin.context.close()]);
  });
});
