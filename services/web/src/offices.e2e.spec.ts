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

describe('office and national platform', () => {
  it('a transfer the office declines returns to the national queue, where the platform routes it by hand from the preview', async () => {
    const listener = await signIn(browser, 'helpline');
    const call = await listener.api<Recorded>(
      'POST',
      '/api/intake/intakes/helpline-calls',
      callBody({ lastName: 'Girard' }),
    );
    const short = call.caseId.slice(0, 8);

    const caseworker = await signIn(browser, 'caseworker');
    const open = caseworker.page.getByRole('link', { name: `Ouvrir ${short}` });
    await open.waitFor({ timeout: 15_000 });
    await open.click();
    await caseworker.page.getByText('Refuser', { exact: true }).click();
    await caseworker.page.getByLabel('Motif').fill('Hors de notre ressort : la victime a déménagé');
    await caseworker.page.getByRole('button', { name: 'Refuser' }).click();
    await caseworker.page.getByText('Refusée', { exact: true }).waitFor();

    await listener.page.goto('/platform/queue');
    const card = listener.page.getByRole('button', { name: new RegExp(short) });
    await card.waitFor({ timeout: 15_000 });
    await expectAccessible(listener.page, 'national queue');
    await card.click();
    await listener.page.getByText('Transfert refusé').first().waitFor();
    await listener.page.getByRole('combobox', { name: 'Commune de la victime' }).fill('75011');
    await listener.page.getByRole('listbox').getByRole('option').first().click();
    await listener.page.getByText('Bureau proposé : office-75-commissariat-11').waitFor();
    await listener.page.getByLabel('Motif').fill('La victime habite désormais Paris 11e');
    await screenshot(listener.page, 'platform-queue-preview');
    await expectAccessible(listener.page, 'routing preview');
    await listener.page.getByRole('button', { name: 'Orienter vers ce bureau' }).click();
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(0);
    await Promise.all([listener.context.close(), caseworker.context.close()]);
  });

  it('an urgent referral left unanswered past its deadline shows for the office manager', async () => {
    const listener = await signIn(browser, 'helpline');
    // The stack's routing runs 30 h behind: a high-urgency proposal (24 h to answer) arrives overdue.
    const call = await listener.api<Recorded>(
      'POST',
      '/api/intake/intakes/helpline-calls',
      callBody({ lastName: 'Faure', urgency: 'high' }),
    );
    const manager = await signIn(browser, 'office-manager');
    expect(new URL(manager.page.url()).pathname).toBe('/overdue');
    const row = manager.page.getByRole('row').filter({ hasText: call.caseId.slice(0, 8) });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getByText('En retard').count()).toBe(1);
    await manager.page.getByText('Retards par urgence').waitFor();
    await expectAccessible(manager.page, 'overdue');
    await screenshot(manager.page, 'manager-overdue');
    await Promise.all([listener.context.close(), manager.context.close()]);
  });
});
