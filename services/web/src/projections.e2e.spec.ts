import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectBrowser,
  expectAccessible,
  figure,
  figureShows,
  screenshot,
  signIn,
} from './testing/browser.ts';
import { callBody, type Recorded, receivedReferral } from './testing/journeys.ts';

let browser: Browser;

/** How long after `since` (the answer of the action that changes it) the figure read `expected` (speed is bench/web's). */
async function figureBecomes(page: Page, name: string, expected: number, since: number) {
  await figureShows(page, name, expected);
  return Math.round(performance.now() - since);
}

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

    const director = await signIn(browser, 'association-manager');
    await director.page.goto('/annual-report');
    await director.page.getByText('Personnes').waitFor();
    // Every row named in French, the court offices' and the hearings' too.
    await director.page.getByText('Reçues dans les bureaux d’aide aux victimes').waitFor();
    await director.page.getByText('Accompagnements à l’audience').waitFor();
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

  it('an open dashboard follows its office without reload: a proposal, its acceptance and a mediation’s outcome', async ({
    annotate,
  }) => {
    const manager = await signIn(browser, 'office-manager');
    const listener = await signIn(browser, 'helpline');
    const caseworker = await signIn(browser, 'caseworker');
    const mediator = await signIn(browser, 'mediator');
    const { page } = manager;
    // The directory's names (the title's office and association) are fetched once: the live
    // updates and the stream's opening refetch figures and referrals, never names.
    const names: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/referral/directory/')) names.push(new URL(request.url()).pathname);
    });
    await page.goto('/dashboard');
    await page.locator('[data-figure="waiting"]').waitFor();
    await page.getByText('En direct', { exact: true }).waitFor();
    // Gone if the page reloads: the figures must change in the page as it is.
    await page.evaluate(() => Object.assign(globalThis, { openedOnce: true }));
    const waiting = await figure(page, 'waiting');

    // A helpline call in Paris: the referral proposed to this office is one more waiting.
    const { caseId } = await listener.api<Recorded>(
      'POST',
      '/api/intake/intakes/helpline-calls',
      callBody({ lastName: 'Tableau' }),
    );
    let since = performance.now();
    const proposed = await figureBecomes(page, 'waiting', waiting + 1, since);

    // The caseworker accepts it: one less waiting, and the file the acceptance opens is in the caseload.
    const referralId = await receivedReferral(caseworker, caseId);
    await caseworker.api('POST', `/api/referral/referrals/${referralId}/accept`);
    since = performance.now();
    const accepted = await figureBecomes(page, 'waiting', waiting, since);
    await page
      .getByRole('region', { name: 'Dossiers par intervenant et statut' })
      .getByText('Ouvert')
      .waitFor();

    // A mediation of this office sent back to the prosecutor: its outcome joins the chart.
    const { id: mandateId } = await mediator.api<{ id: string }>('POST', '/api/mediation/mandates', {
      officeId: 'office-75-bav',
      court: 'tj-paris',
      prosecutorReference: `PR-${caseId.slice(0, 8)}`,
      offence: { category: 'robbery-theft' },
      orderedOn: new Date().toISOString().slice(0, 10),
      deadline: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
    });
    const returned = (await page.locator('[data-figure="outcome-returned"]').count())
      ? await figure(page, 'outcome-returned')
      : 0;
    await mediator.api('POST', `/api/mediation/mandates/${mandateId}/failure`, { reason: 'victim-refused' });
    since = performance.now();
    const outcome = await figureBecomes(page, 'outcome-returned', returned + 1, since);

    expect(await page.evaluate(() => (globalThis as { openedOnce?: boolean }).openedOnce)).toBe(true);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...new Set(names)]);
    const timings = `answer → figure on screen: proposal ${proposed} ms (through intake and routing), acceptance ${accepted} ms, mediation outcome ${outcome} ms`;
    await annotate(timings);
    process.stdout.write(`${timings}\n`);
    await expectAccessible(page, 'dashboard with charts');
    await screenshot(page, 'dashboard-office');
    await Promise.all([manager, listener, caseworker, mediator].map((s) => s.context.close()));
  }, 300_000);
});
