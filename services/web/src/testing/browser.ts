import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type DevUserName, devUsers } from '@parcours/service-kit';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

/** Debian's Chromium: nothing downloads a browser (`.ci/run` installs the package when missing). */
export const chromiumPath = '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * French forms: Chromium on Linux takes the locale of its date and time fields (24-hour times) from
 * the environment, not from a context's `locale`, and needs Debian's chromium-l10n for it.
 */
export const chromiumEnv = { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' };

const screenshotDir = fileURLToPath(new URL('../../screenshots/', import.meta.url));

export const laptop = { width: 1280, height: 720 };
export const tablet = { width: 820, height: 1180 };

/** A browser of this process's own (the bench; the tests share the run's). */
export const launchBrowser = () =>
  chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, env: chromiumEnv });

/** The run's shared browser (global-setup.ts). */
export const connectBrowser = () => chromium.connect(inject('webStack').wsEndpoint);

export interface Session {
  context: BrowserContext;
  page: Page;
  /** A call to the BFF as this user (CSRF token included), for setting the scene of a journey. */
  api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
}

/**
 * A browser context signed in as a development user, French, at the size of an office laptop; in
 * another time zone than the machine's when `timezoneId` says so.
 */
export async function signIn(
  browser: Browser,
  user: DevUserName,
  viewport = laptop,
  options: { timezoneId?: string } = {},
): Promise<Session> {
  const context = await browser.newContext({
    baseURL: inject('webStack').baseUrl,
    locale: 'fr-FR',
    viewport,
    ...options,
  });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByRole('button', { name: devUsers[user].name }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  const { csrf } = (await (await page.request.get('/auth/session')).json()) as { csrf: string };
  const api = async <T>(method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await page.request.fetch(path, {
      method,
      headers: {
        'x-csrf-token': csrf,
        'idempotency-key': crypto.randomUUID(),
        origin: inject('webStack').baseUrl,
      },
      ...(body === undefined ? {} : { data: body }),
    });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return { context, page, api };
}

/**
 * axe-core on the page once its transitions have ended (a dialog fading in has the contrast of its
 * opacity, not its own): no violation of WCAG 2.1 A/AA.
 */
export async function expectAccessible(page: Page, what: string) {
  // A spinner or the live indicator's pulse never ends: only what finishes is waited for. (A string:
  // the tests are compiled without the DOM's types.)
  await page.evaluate(`Promise.all(
    document.getAnimations()
      .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
      .map((animation) => animation.finished.catch(() => undefined)))`);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(violations, what).toEqual([]);
}

/** Saved under services/web/screenshots/ (committed: a reviewer sees the screens without running them). */
export async function screenshot(page: Page, name: string) {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: false });
}

/** The number a figure's card shows under its label (`data-figure`: the dashboards' cards). */
export async function figure(page: Page, name: string): Promise<number> {
  const text = await page.locator(`[data-figure="${name}"]`).textContent();
  return Number(/(\d+)\s*$/.exec(text ?? '')?.[1]);
}

/** Waits until a figure's card reads `expected`, as the page shows it (no reload). */
export async function figureShows(page: Page, name: string, expected: number, timeout = 10_000) {
  await page
    .locator(`[data-figure="${name}"]`)
    .filter({ hasText: new RegExp(`(?<!\\d)${expected}\\s*$`) })
    .waitFor({ timeout });
}
