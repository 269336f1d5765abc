import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, expectAccessible, screenshot, signIn, tablet } from './testing/browser.ts';
import { callBody, type Recorded, typeCall } from './testing/journeys.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('helpline listener → office caseworker', () => {
  it('a call typed without the mouse reaches the open inbox of the office live, and is accepted there', async () => {
    const caseworker = await signIn(browser, 'caseworker');
    await caseworker.page.goto('/inbox');
    await caseworker.page.getByRole('heading', { name: 'Orientations du bureau' }).waitFor();
    await expectAccessible(caseworker.page, 'inbox');

    const listener = await signIn(browser, 'helpline');
    expect(new URL(listener.page.url()).pathname).toBe('/helpline/call');
    await expectAccessible(listener.page, 'call form');
    // Paris 17e, violence within the couple: the court victim office (office-75-bav) takes it.
    await typeCall(listener.page, {
      lastName: 'Rousseau',
      firstName: 'Inès',
      birthDate: '1987-03-14',
      postcode: '75017',
    });
    await screenshot(listener.page, 'helpline-call-filled');
    await listener.page.keyboard.press('Control+Enter');
    const confirmation = listener.page.getByRole('status').filter({ hasText: 'Appel enregistré' });
    await confirmation.waitFor();
    const caseNumber = /Dossier n° ([0-9a-f-]{36})/.exec((await confirmation.textContent()) ?? '')?.[1];
    expect(caseNumber).toBeDefined();
    await expect.poll(() => listener.page.getByLabel('Nom', { exact: true }).inputValue()).toBe('');
    await screenshot(listener.page, 'helpline-call-recorded');
    await expectAccessible(listener.page, 'call recorded');

    // No reload: the proposal arrives through Kafka → Redis → Server-Sent Events.
    const open = caseworker.page.getByRole('link', { name: `Ouvrir ${caseNumber!.slice(0, 8)}` });
    await open.waitFor({ timeout: 15_000 });
    await screenshot(caseworker.page, 'inbox-live');
    await open.click();
    await caseworker.page.getByRole('heading', { name: 'Pourquoi ici' }).waitFor();
    await expect.poll(() => caseworker.page.getByText(/résidence à .*\(75117\)/).count()).toBeGreaterThan(0);
    await expectAccessible(caseworker.page, 'referral');
    await screenshot(caseworker.page, 'referral-proposed');
    await caseworker.page.getByRole('button', { name: 'Accepter' }).click();
    await caseworker.page.getByText('Acceptée', { exact: true }).waitFor();
    await screenshot(caseworker.page, 'referral-accepted');

    // Follow-up opens the file when the acceptance reaches it through Kafka: the way to it appears.
    await caseworker.page.getByRole('link', { name: 'Ouvrir le dossier' }).click({ timeout: 20_000 });
    await caseworker.page.getByText('Inès Rousseau').waitFor();
    await caseworker.page.getByText('Dossier ouvert').waitFor();
    await expectAccessible(caseworker.page, 'file');
    await screenshot(caseworker.page, 'file-timeline');
    await caseworker.page
      .getByLabel('Note', { exact: true })
      .fill('Premier entretien : information sur le dépôt de plainte.');
    await caseworker.page.getByRole('button', { name: 'Enregistrer l’entretien' }).click();
    await caseworker.page.getByText('Entretien : Information juridique').waitFor();
    await caseworker.page.getByText(/Premier entretien : information sur le dépôt de plainte/).waitFor();
    await caseworker.page.getByRole('tab', { name: 'Contact' }).click();
    await caseworker.page.getByRole('heading', { name: 'Règles de contact sûr' }).waitFor();
    await caseworker.page.getByText('Appel possible maintenant').waitFor();
    await caseworker.page.getByRole('button', { name: 'Commencer l’appel' }).click();
    await caseworker.page.getByRole('button', { name: 'Répondu' }).click();
    await caseworker.page.getByRole('cell', { name: 'Répondu' }).waitFor();
    await expectAccessible(caseworker.page, 'file contact');
    await screenshot(caseworker.page, 'file-contact');
    await Promise.all([listener.context.close(), caseworker.context.close()]);
    // The whole day's path through four services and two browsers: slow on a loaded machine.
  }, 300_000);

  it('a proposal announced while the live stream was cut shows once it reconnects, without reload', async () => {
    const caseworker = await signIn(browser, 'caseworker');
    // The stream cannot connect: the announcement of the proposal below reaches no one.
    await caseworker.context.route('**/live', (route) => route.abort());
    await caseworker.page.goto('/inbox');
    await caseworker.page.getByRole('heading', { name: 'Orientations du bureau' }).waitFor();
    const listener = await signIn(browser, 'helpline');
    const { caseId } = await listener.api<Recorded>(
      'POST',
      '/api/intake/intakes/helpline-calls',
      callBody({ lastName: 'Reconnexion' }),
    );
    const row = caseworker.page.getByRole('link', { name: `Ouvrir ${caseId.slice(0, 8)}` });
    // The referral exists (the BFF has it), and the screen, cut off, does not show it yet.
    await expect
      .poll(
        async () => {
          const { items } = await caseworker.api<{ items: { caseId: string }[] }>(
            'GET',
            '/api/referral/referrals/inbox?box=received&limit=100&offset=0',
          );
          return items.some((item) => item.caseId === caseId);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(await row.count()).toBe(0);
    // The stream comes back (EventSource retries by itself): the screen catches up.
    await caseworker.context.unroute('**/live');
    await row.waitFor({ timeout: 20_000 });
    await Promise.all([listener.context.close(), caseworker.context.close()]);
  }, 120_000);

  it('a refused call keeps every value and shows the service’s error on its field', async () => {
    const listener = await signIn(browser, 'helpline');
    await typeCall(listener.page, {
      lastName: 'Morel',
      firstName: 'Jade',
      birthDate: '1992-07-01',
      postcode: '75011',
      phone: 'zéro six',
    });
    await listener.page.keyboard.press('Control+Enter');
    const phone = listener.page.getByLabel('Téléphone', { exact: true });
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
    expect(await phone.inputValue()).toBe('zéro six');
    expect(await listener.page.getByLabel('Nom', { exact: true }).inputValue()).toBe('Morel');
    await listener.page.getByRole('alert').filter({ hasText: 'Certains champs sont à corriger' }).waitFor();
    await screenshot(listener.page, 'helpline-call-error');
    await expectAccessible(listener.page, 'call refused');

    // Corrected, the same form records the call (a new Idempotency-Key: the refused body was another).
    await phone.fill('06 12 34 56 78');
    await phone.press('Control+Enter');
    await listener.page.getByRole('status').filter({ hasText: 'Appel enregistré' }).waitFor();
    await listener.context.close();
  });

  it('a couple’s violence waits for which couple: the form says so on the field, then records it', async () => {
    const listener = await signIn(browser, 'helpline');
    await typeCall(listener.page, {
      lastName: 'Garnier',
      firstName: 'Léa',
      birthDate: '1990-02-17',
      postcode: '75011',
      authorLink: null,
    });
    await listener.page.keyboard.press('Control+Enter');
    const link = listener.page.getByLabel('Lien avec l’auteur');
    await expect.poll(() => link.getAttribute('aria-invalid')).toBe('true');
    await listener.page.getByText('Précisez : conjoint actuel ou ex-conjoint').waitFor();
    // The keyboard user is taken to the field; nothing was sent.
    await expect
      .poll(() => listener.page.evaluate("document.activeElement?.getAttribute('data-path')"))
      .toBe('profile.authorLink');
    expect(await listener.page.getByRole('status').filter({ hasText: 'Appel enregistré' }).count()).toBe(0);
    await screenshot(listener.page, 'helpline-call-author-link');

    await link.selectOption('former-partner');
    await link.press('Control+Enter');
    const confirmation = listener.page.getByRole('status').filter({ hasText: 'Appel enregistré' });
    await confirmation.getByText('Le dossier part vers l’association qui couvre la commune.').waitFor();
    const intakeId = /Fiche ([0-9a-f-]{36})/.exec((await confirmation.textContent()) ?? '')?.[1];
    const intake = await listener.api<{ status: string; profile: { authorLink?: string } }>(
      'GET',
      `/api/intake/intakes/${intakeId}`,
    );
    expect(intake).toMatchObject({ status: 'ready', profile: { authorLink: 'former-partner' } });
    await listener.context.close();
  });

  it('a second call for the same person shows the possible duplicate as the name is typed', async () => {
    const listener = await signIn(browser, 'helpline');
    const person = { lastName: 'Lambert', firstName: 'Noé', birthDate: '1979-11-23', postcode: '75011' };
    await typeCall(listener.page, person);
    await listener.page.keyboard.press('Control+Enter');
    await listener.page.getByRole('status').filter({ hasText: 'Appel enregistré' }).waitFor();
    await listener.page.keyboard.press('Alt+n');
    await expect
      .poll(() => listener.page.evaluate("document.activeElement?.getAttribute('data-path')"))
      .toBe('personal.identity.lastName');
    await typeCall(listener.page, person);
    await listener.page.getByText('1 dossier avec les mêmes nom, date de naissance et commune').waitFor();
    await screenshot(listener.page, 'helpline-duplicate');
    await listener.context.close();
  });

  it('the call form fits a tablet', async () => {
    const listener = await signIn(browser, 'helpline', tablet);
    await listener.page.getByLabel('Nom', { exact: true }).waitFor();
    await expectAccessible(listener.page, 'call form on a tablet');
    await screenshot(listener.page, 'helpline-call-tablet');
    // English on request, from the header.
    await listener.page.getByText('EN', { exact: true }).click();
    await listener.page.getByRole('heading', { name: '116 006 call' }).waitFor();
    await listener.page.getByLabel('Last name', { exact: true }).waitFor();
    await listener.context.close();
  });

  it('a call that needs a callback waits in the callback queue until it is completed', async () => {
    const listener = await signIn(browser, 'helpline');
    await listener.api<Recorded>(
      'POST',
      '/api/intake/intakes/helpline-calls',
      callBody({ lastName: 'Blanc', urgency: 'immediate', outcome: 'callback-needed' }),
    );
    await listener.page.getByRole('link', { name: 'Rappels' }).click();
    const rows = listener.page.getByRole('row').filter({ hasText: 'Appel 116 006' });
    await rows.first().waitFor();
    const before = await rows.count();
    await expectAccessible(listener.page, 'callbacks');
    await screenshot(listener.page, 'helpline-callbacks');
    await rows.first().getByRole('button', { name: 'Terminer' }).click();
    await expect.poll(() => rows.count()).toBe(before - 1);
    await listener.context.close();
  });

  it('an anonymous call from a relative records no identity, and the keyboard switches both modes', async () => {
    const listener = await signIn(browser, 'helpline');
    await listener.page.getByLabel('Nom', { exact: true }).waitFor();
    await listener.page.getByRole('radio', { name: 'Un proche' }).focus();
    await listener.page.keyboard.press('Space');
    await listener.page.getByLabel('Lien avec la victime').fill('sœur');
    await listener.page.getByRole('switch', { name: 'Appel anonyme' }).focus();
    await listener.page.keyboard.press('Space');
    await listener.page.getByText('Anonyme : ni nom, ni date de naissance').waitFor();
    expect(await listener.page.getByLabel('Nom', { exact: true }).count()).toBe(0);
    await listener.page.getByRole('combobox', { name: 'Commune de résidence' }).fill('69003');
    await listener.page.getByRole('listbox').getByRole('option').first().waitFor();
    await listener.page.keyboard.press('ArrowDown');
    await listener.page.keyboard.press('Enter');
    await listener.page.getByLabel('Lien avec l’auteur').selectOption('partner');
    await listener.page.getByLabel('La victime accepte d’être accompagnée par une association').focus();
    await listener.page.keyboard.press('Space');
    await expectAccessible(listener.page, 'anonymous call from a relative');
    await screenshot(listener.page, 'helpline-call-anonymous-relative');
    await listener.page.keyboard.press('Control+Enter');
    const confirmation = listener.page.getByRole('status').filter({ hasText: 'Appel enregistré' });
    await confirmation.waitFor();
    const intakeId = /Fiche ([0-9a-f-]{36})/.exec((await confirmation.textContent()) ?? '')?.[1];
    const intake = await listener.api<{ details: { anonymous: boolean; caller: string }; personal: unknown }>(
      'GET',
      `/api/intake/intakes/${intakeId}`,
    );
    expect(intake.details).toMatchObject({ anonymous: true, caller: 'relative' });
    expect(intake.personal).toEqual({ caller: { relationship: 'sœur' } });
    await listener.context.close();
  });
});
