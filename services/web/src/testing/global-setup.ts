import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumArgs, chromiumEnv, chromiumPath } from './browser.ts';
import { buildIfStale } from './build.ts';
import { startWebStack } from './stack.ts';

export interface WebStackInfo {
  baseUrl: string;
  intakeUrl: string;
  referralUrl: string;
  wsEndpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    webStack: WebStackInfo;
  }
}

/**
 * The e2e project's shared stack and browser, started once for every web e2e file of the run
 * (and not at all when the run has none): the whole system (stack.ts), routing 30 h behind so
 * urgent proposals arrive overdue, and one headless Chromium the files connect to.
 */
export default async function setup(project: TestProject) {
  const { testFiles } = await project.globTestFiles(project.vitest.config.filters);
  if (!testFiles.some((file) => file.includes('/services/web/'))) return;
  await buildIfStale();
  const stack = await startWebStack({ routingLagMs: 30 * 3_600_000 });
  const browser = await chromium.launchServer({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    env: chromiumEnv,
  });
  project.provide('webStack', {
    baseUrl: stack.baseUrl,
    intakeUrl: stack.intakeUrl,
    referralUrl: stack.referralUrl,
    wsEndpoint: browser.wsEndpoint(),
  });
  return async () => {
    await browser.close();
    await stack.close();
  };
}
