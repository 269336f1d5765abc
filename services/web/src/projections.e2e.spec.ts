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

describe('managers’ figures', () => {
  it('the office dashboard updates live as a referral arrives, and the annual report is exported', async () => {
    const manager = await signIn(browser, 'office-manager');
    await manager.page.goto('/dashboard');
    const waiting = manager.page.locator('[data-figure="waiting"]');
    await waiting.waitFor();
    const count = async () => Number((await waiting.textContent())?.replace(/\D/g, '') ?? 0);
    const before = await count();
    await expectAccessible(manager.page, 'dashboard');

    // No reload: projections hears the proposal on Kafka and tells the page through the live channel.
    const listener = await signIn(browser, 'helpline');
    await listener.api<Recorded>(
      'POST',
      '/api/intake/intakes/helpline-calls',
      callBody({ lastName: 'Bertin' }),
    );
    const waitingNow = async () =>
      (
        await manager.api<{ referrals: { waiting: number } }>(
          'GET',
          '/api/projections/offices/office-75-bav/dashboard',
        )
      ).referrals.waiting;
    await expect.poll(waitingNow, { timeout: 90_000 }).toBeGreaterThan(before);
    await expect.poll(count, { timeout: 15_000 }).toBeGreaterThan(before);
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
    await Promise.all([manager.context.close(), listener.context.close(), director.context.close()]);
  }, 300_000);
});
