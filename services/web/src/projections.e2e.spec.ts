import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, expectAccessible, screenshot, signIn } from './testing/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('managers’ figures', () => {
  it('the office dashboard shows its figures, and the annual report is exported as CSV and PDF', async () => {
    const manager = await signIn(browser, 'office-manager');
    await manager.page.goto('/dashboard');
    const waiting = manager.page.locator('[data-figure="waiting"]');
    await waiting.waitFor();
    await manager.page.getByText('Dossiers par intervenant et statut').waitFor();
    await expectAccessible(manager.page, 'dashboard');
    await screenshot(manager.page, 'dashboard-office');

    const director = await signIn(browser, 'association-manager');
    await director.page.goto('/annual-report');
    await director.page.getByText('Personnes').waitFor();
    await expectAccessible(director.page, 'annual report');
    await screenshot(director.page, 'annual-report');
    const [download] = await Promise.all([
      director.page.waitForEvent('download'),
      director.page.getByRole('link', { name: 'Exporter en CSV' }).click(),
    ]);
    expect(await download.failure()).toBeNull();
    const year = new Date().getFullYear();
    const pdf = await director.page.request.get(
      `/api/projections/associations/asso-75/annual-reports/${year}/pdf`,
    );
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
    await Promise.all([manager.context.close(), director.context.close()]);
  }, 300_000);
});
