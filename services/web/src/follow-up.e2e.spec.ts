import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { connectBrowser, expectAccessible, screenshot, signIn } from './testing/browser.ts';
import { callBody, openedFile } from './testing/journeys.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the caseworker’s file', () => {
  it('shows the safe-contact rules before dialling, and a call that breaks them is refused with the rule', async () => {
    const listener = await signIn(browser, 'helpline');
    const caseworker = await signIn(browser, 'caseworker');
    // The victim asked to be called only at safe hours, which nobody has recorded yet.
    const { fileId } = await openedFile(
      listener,
      caseworker,
      callBody({ lastName: 'Marchand', safeContact: { safeHours: true, safeNumber: true } }),
    );
    await caseworker.page.goto(`/files/${fileId}`);
    await caseworker.page.getByRole('tab', { name: 'Contact' }).click();
    await caseworker.page.getByText('Pas d’appel maintenant').waitFor();
    await caseworker.page.getByRole('list').getByText('Uniquement le numéro sûr').waitFor();
    await caseworker.page.getByText(/Heures sûres signalées mais pas encore renseignées/).waitFor();
    await caseworker.page.getByRole('button', { name: 'Commencer l’appel' }).click();
    // The refusal's alert (the rules' own alert says the same before dialling).
    await caseworker.page
      .getByRole('alert', { name: 'L’opération n’a pas abouti' })
      .filter({ hasText: 'Des heures sûres ont été signalées : renseignez-les avant tout appel.' })
      .waitFor();
    await expectAccessible(caseworker.page, 'refused call');
    await screenshot(caseworker.page, 'file-contact-refused');
    await Promise.all([listener.context.close(), caseworker.context.close()]);
  }, 240_000);

  it('a task is added and done, an appointment planned, and the file closed when the support is complete', async () => {
    const listener = await signIn(browser, 'helpline');
    const caseworker = await signIn(browser, 'caseworker');
    const { fileId } = await openedFile(listener, caseworker, callBody({ lastName: 'Lemaire' }));
    await caseworker.page.goto(`/files/${fileId}`);
    await caseworker.page.getByRole('tab', { name: 'Tâches et rendez-vous' }).click();
    await caseworker.page.getByRole('button', { name: 'Ajouter la tâche' }).click();
    await caseworker.page.getByRole('cell', { name: 'Rappeler' }).waitFor();
    await caseworker.page.getByRole('button', { name: 'Prévoir le rendez-vous' }).click();
    await caseworker.page.getByRole('cell', { name: 'Prévu' }).waitFor();
    await expectAccessible(caseworker.page, 'tasks');
    await screenshot(caseworker.page, 'file-tasks');
    await caseworker.page.getByRole('button', { name: 'Marquer faite' }).click();
    await caseworker.page.getByRole('cell', { name: /Faite/ }).waitFor();

    await caseworker.page.getByRole('tab', { name: 'Clôture' }).click();
    await expectAccessible(caseworker.page, 'closure');
    await caseworker.page.getByRole('button', { name: 'Demander la clôture' }).click();
    await caseworker.page.getByText(/Clôturé le .*Accompagnement terminé/).waitFor();
    await Promise.all([listener.context.close(), caseworker.context.close()]);
  }, 240_000);
});
