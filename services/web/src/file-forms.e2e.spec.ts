import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectBrowser, expectAccessible, laptop, screenshot, signIn } from './testing/browser.ts';
import { callBody, openedFile } from './testing/journeys.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();

/** Today and the hour now where the victim lives (the file's time zone, Europe/Paris here). */
const parisHour = () =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(),
    ),
  );

describe('the caseworker’s forms on a file', () => {
  it('an EVVI requested and submitted (its PDF), the procedure entered, a CIVI claim, safe hours that refuse a call', async () => {
    const listener = await signIn(browser, 'helpline');
    const caseworker = await signIn(browser, 'caseworker');
    const { page } = caseworker;
    const { fileId, caseId } = await openedFile(listener, caseworker, callBody({ lastName: 'Fontaine' }));

    await page.goto('/files');
    await page.getByRole('heading', { name: 'Dossiers suivis' }).waitFor();
    await page
      .getByRole('link', { name: new RegExp(caseId.slice(0, 8)) })
      .first()
      .waitFor();
    await expectAccessible(page, 'files list');
    await screenshot(page, 'files-list');

    // EVVI: the prosecutor's request, then the assessment answering it.
    await page.goto(`/files/${fileId}`);
    await tab(page, 'EVVI');
    await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
    await page.getByText(/Procureur · À rendre le : .* · En attente/).waitFor();
    await page.getByLabel('Préjudice psychologique').selectOption('serious');
    await page.getByLabel('Lien avec l’auteur').selectOption('former-partner');
    await page.getByLabel('Risque d’intimidation ou de représailles').check();
    await page.getByLabel('Niveau').selectOption('high');
    await page.getByLabel('Téléphone grave danger').check();
    await page.getByLabel('Ordonnance de protection').check();
    await page
      .getByLabel('Avis pour le parquet')
      .fill('Risque élevé de réitération ; une protection immédiate est nécessaire.');
    await expectAccessible(page, 'EVVI forms');
    await screenshot(page, 'file-evvi-form');
    await page.getByRole('button', { name: 'Rendre cette version' }).click();
    await page.getByText('Rendue (version 1)').waitFor();
    const pdf = page.getByRole('link', { name: 'Avis pour le parquet (PDF) (v1)' });
    const href = await pdf.getAttribute('href');
    const answer = await page.request.get(href ?? '');
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toMatch(/^application\/pdf/);
    expect((await answer.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The procedure: the complaint with the offence date, then a hearing with its accompaniment.
    await tab(page, 'Procédure');
    const section = (name: string) => page.getByRole('region', { name });
    await page.getByRole('button', { name: 'Enregistrer la plainte' }).click();
    await section('Enregistrer la plainte').getByLabel('Date des faits').fill('2026-10-12');
    await section('Enregistrer la plainte').getByRole('button', { name: 'Enregistrer la plainte' }).click();
    await page.getByText('Aucune plainte enregistrée.').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Prévoir une audience' }).click();
    const hearing = section('Prévoir une audience');
    // A court's id the service refuses (too long): the error on the field, nothing typed lost.
    await hearing.getByLabel('Juridiction').fill('tribunal-judiciaire-de-paris-17e-arrondissement');
    await hearing.getByLabel('Chambre').fill('10e chambre correctionnelle');
    await hearing.getByRole('button', { name: 'Prévoir l’audience' }).click();
    await hearing.getByText('Trop long').waitFor();
    await expect.poll(() => hearing.getByLabel('Juridiction').getAttribute('aria-invalid')).toBe('true');
    expect(await hearing.getByLabel('Chambre').inputValue()).toBe('10e chambre correctionnelle');
    await expectAccessible(page, 'procedure forms with an error');
    await screenshot(page, 'file-procedure-error');
    await hearing.getByLabel('Juridiction').fill('tj-paris');
    await hearing.getByRole('button', { name: 'Prévoir l’audience' }).click();
    await page.getByText(/tj-paris · 10e chambre correctionnelle · Accompagnement prévu/).waitFor();

    // Compensation: the CIVI deadline from the offence date, then the claim filed.
    await tab(page, 'Indemnisation');
    await page.getByRole('button', { name: 'Calculer le délai CIVI' }).click();
    await page.getByRole('cell', { name: 'Délai en cours' }).waitFor();
    await expectAccessible(page, 'compensation forms');
    await screenshot(page, 'file-compensation-forms');
    await page.getByRole('button', { name: 'Enregistrer la saisine CIVI' }).click();
    await page.getByRole('cell', { name: /Saisi le/ }).waitFor();

    // Safe hours recorded, every day, an hour that is not now: a call now is refused with the rule.
    await tab(page, 'Contact');
    await page.getByLabel('Uniquement aux heures sûres').check();
    for (const day of ['Samedi', 'Dimanche']) await page.getByLabel(day, { exact: true }).check();
    const [from, to] = parisHour() < 12 ? ['14:00', '15:00'] : ['06:00', '07:00'];
    await page.getByLabel('De', { exact: true }).fill(from);
    await page.getByLabel('À', { exact: true }).fill(to);
    await page.getByRole('button', { name: 'Enregistrer les règles' }).click();
    await page.getByText(new RegExp(`Heures sûres : .*${from}`)).waitFor();
    await page.getByText('Pas d’appel maintenant', { exact: true }).waitFor();
    await expectAccessible(page, 'safe-contact form');
    await screenshot(page, 'file-safe-contact-form');
    await page.getByRole('button', { name: 'Commencer l’appel' }).click();
    await page
      .getByRole('alert', { name: 'L’opération n’a pas abouti' })
      .filter({ hasText: 'En dehors des heures sûres de la victime : pas d’appel maintenant.' })
      .waitFor();
    await Promise.all([listener.context.close(), caseworker.context.close()]);
  }, 300_000);

  it('a file closed then reopened, and a mediation requested once the victim consents', async () => {
    const listener = await signIn(browser, 'helpline');
    const caseworker = await signIn(browser, 'caseworker');
    const { page } = caseworker;
    const call = callBody({ lastName: 'Garnier' });
    const { fileId } = await openedFile(listener, caseworker, {
      ...call,
      // Violence within the family, not the couple: penal mediation is open to it.
      profile: { ...call.profile, offenceCategory: 'intra-family-violence', authorLink: 'family' },
    });
    await page.goto(`/files/${fileId}`);
    await tab(page, 'Clôture');
    await page.getByRole('button', { name: 'Demander la clôture' }).click();
    await page.getByText(/Clôturé le .*Accompagnement terminé/).waitFor();
    await page
      .getByLabel('Motif de réouverture')
      .fill('La victime a rappelé : nouvelle convocation au commissariat.');
    await expectAccessible(page, 'reopening form');
    await screenshot(page, 'file-reopen-form');
    await page.getByRole('button', { name: 'Rouvrir le dossier' }).click();
    await page.getByText('Ouvert', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Demander la clôture' }).waitFor();

    await tab(page, 'Médiation');
    // Without the victim's consent the service refuses, and the page says so on the box.
    await page.getByRole('button', { name: 'Demander la médiation' }).click();
    await page
      .getByRole('alert', { name: 'L’opération n’a pas abouti' })
      .filter({ hasText: 'Une médiation ne se demande qu’avec le consentement de la victime.' })
      .waitFor();
    // The same words under the box as in the form's alert.
    const consentRule = page.getByText('Une médiation ne se demande qu’avec le consentement de la victime.');
    await expect.poll(() => consentRule.count()).toBe(2);
    await expectAccessible(page, 'mediation form with an error');
    await page.getByLabel('La victime consent à la médiation').check();
    await page.getByLabel('Juridiction').fill('tj-paris');
    await screenshot(page, 'file-mediation-form');
    await page.getByRole('button', { name: 'Demander la médiation' }).click();
    await page.getByText('Médiation demandée').waitFor();
    await expectAccessible(page, 'mediation requested');
    await Promise.all([listener.context.close(), caseworker.context.close()]);
  }, 300_000);
});

describe('the pages no journey passes through', () => {
  it('the sign-in page and the welcome page are accessible', async () => {
    const context = await browser.newContext({
      baseURL: inject('webStack').baseUrl,
      locale: 'fr-FR',
      viewport: laptop,
    });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Connexion à Parcours' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await context.close();
    const caseworker = await signIn(browser, 'caseworker');
    await caseworker.page.goto('/welcome');
    await caseworker.page.getByRole('heading', { name: 'Bienvenue' }).waitFor();
    await expectAccessible(caseworker.page, 'welcome');
    await caseworker.context.close();
  }, 120_000);
});
