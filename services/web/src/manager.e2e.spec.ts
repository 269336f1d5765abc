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

describe('office manager', () => {
  it('puts a caseworker on the roster, assigns a file to them, and approves a closure that waited for them', async () => {
    const listener = await signIn(browser, 'helpline');
    const caseworker = await signIn(browser, 'caseworker');
    const manager = await signIn(browser, 'office-manager');
    const { caseId, fileId } = await openedFile(listener, caseworker, callBody({ lastName: 'Garnier' }));
    const short = caseId.slice(0, 8);

    // The roster: the caseworker joins the office's team with room for 20 files.
    await manager.page.goto('/team');
    await manager.page.getByLabel('Identifiant').fill('dev-caseworker');
    await manager.page.getByLabel('Capacité').fill('20');
    await manager.page.getByRole('button', { name: 'Enregistrer' }).click();
    await manager.page.getByRole('cell', { name: 'dev-caseworker' }).waitFor();
    await expectAccessible(manager.page, 'team');
    await screenshot(manager.page, 'manager-team');

    // Assignment: the new file goes to them.
    await manager.page.getByRole('link', { name: 'Attributions' }).click();
    const choice = manager.page.getByLabel(`Intervenant du dossier ${short}`);
    await choice.selectOption('dev-caseworker');
    const row = manager.page.getByRole('row').filter({ has: choice });
    await row.getByRole('button', { name: 'Attribuer' }).click();
    await row.getByRole('button', { name: 'Réattribuer' }).waitFor();
    await expectAccessible(manager.page, 'assignments');
    await screenshot(manager.page, 'manager-assignments');

    // A hearing is coming: the caseworker's closure request waits for the manager.
    await caseworker.api('POST', `/api/follow-up/files/${fileId}/hearings`, {
      court: 'TJ Paris',
      chamber: '10e chambre correctionnelle',
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      accompanimentPlanned: false,
    });
    await caseworker.api('POST', `/api/follow-up/files/${fileId}/closure`, { reason: 'declined-by-victim' });
    await manager.page.getByRole('link', { name: 'Clôtures à approuver' }).click();
    const card = manager.page.getByRole('heading', { name: `Dossier ${short}` });
    await card.waitFor();
    await manager.page.getByText('Audience prévue').waitFor();
    await expectAccessible(manager.page, 'approvals');
    await screenshot(manager.page, 'manager-approvals');
    await manager.page.getByRole('button', { name: 'Approuver la clôture' }).click();
    await manager.page.getByText('Aucune demande de clôture en attente.').waitFor();
    await Promise.all([listener.context.close(), caseworker.context.close(), manager.context.close()]);
  }, 300_000);
});
