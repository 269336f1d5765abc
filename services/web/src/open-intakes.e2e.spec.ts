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

describe('helpline: intakes to complete', () => {
  it('a couple’s violence recorded without the link with the author is found again, completed, and oriented', async () => {
    const listener = await signIn(browser, 'helpline');
    const body = callBody({ lastName: 'Incomplet' });
    const { authorLink: _, ...unsaid } = body.profile;
    const recorded = await listener.api<Recorded & { missingForOrientation: string[] }>(
      'POST',
      '/api/intake/intakes/helpline-calls',
      { ...body, profile: unsaid },
    );
    expect(recorded).toMatchObject({ status: 'open', missingForOrientation: ['authorLink'] });
    // A call closed with a callback stays open too, but is the callback queue's, not this list's.
    const callback = await listener.api<Recorded>(
      'POST',
      '/api/intake/intakes/helpline-calls',
      callBody({ lastName: 'Rappel', outcome: 'callback-needed' }),
    );
    expect(callback.status).toBe('open');

    await listener.page.getByRole('link', { name: 'Fiches à compléter' }).click();
    await listener.page.getByRole('heading', { name: 'Fiches à compléter' }).waitFor();
    const open = listener.page.getByRole('link', { name: `Compléter ${recorded.caseId.slice(0, 8)}` });
    // The list is a read model, written from the intake's events: it follows within moments.
    await open.waitFor({ timeout: 15_000 });
    expect(
      await listener.page.getByRole('link', { name: `Compléter ${callback.caseId.slice(0, 8)}` }).count(),
    ).toBe(0);
    await expectAccessible(listener.page, 'open intakes');
    await screenshot(listener.page, 'helpline-open-intakes');

    await open.click();
    await listener.page
      .getByRole('heading', { name: `Fiche du dossier ${recorded.caseId.slice(0, 8)}` })
      .waitFor();
    await listener.page.getByText('Le lien avec l’auteur : conjoint actuel ou ex-conjoint').waitFor();
    await expectAccessible(listener.page, 'open intake form');
    await screenshot(listener.page, 'helpline-open-intake-form');
    await listener.page
      .getByLabel('Lien avec l’auteur')
      .selectOption({ label: 'Ex-conjoint ou ex-partenaire' });
    await listener.page.getByRole('button', { name: 'Compléter la fiche' }).click();
    await listener.page
      .getByRole('status')
      .filter({ hasText: 'Le dossier part vers l’association qui couvre la commune.' })
      .waitFor();
    await listener.page.getByText('Orienté', { exact: true }).waitFor();
    await expectAccessible(listener.page, 'open intake completed');
    await screenshot(listener.page, 'helpline-open-intake-completed');

    const read = await listener.api<{ status: string; profile: { authorLink?: string } }>(
      'GET',
      `/api/intake/intakes/${recorded.intakeId}?purpose=e2e`,
    );
    expect(read).toMatchObject({ status: 'ready', profile: { authorLink: 'former-partner' } });

    // Back on the list, it is no longer there.
    await listener.page.getByRole('link', { name: 'Retour aux fiches à compléter' }).click();
    await listener.page.getByRole('heading', { name: 'Fiches à compléter' }).waitFor();
    await expect.poll(() => open.count(), { timeout: 15_000 }).toBe(0);
    await listener.context.close();
  }, 120_000);
});
